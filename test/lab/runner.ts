/**
 * Runs a built image for real, without a daemon: skopeo copies it (from the
 * lab registry or an OCI archive) into an OCI layout, umoci unpacks it into a
 * runtime bundle (rootfs + config.json with the image's user, env, entrypoint
 * and workdir), and runc runs it in the host's network namespace so a test
 * can reach the service on 127.0.0.1. stdout/stderr go to files; the
 * container's init PID is known, so a test can read its UID from
 * /proc/<pid>/status. Leaves out port mapping, volumes, resource limits and
 * the image's HEALTHCHECK.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, runOk, startDaemon, waitFor, type Daemon } from "./process.js";

export interface RunImageOptions {
  /** Image reference, pullable over plain HTTP (e.g. "127.0.0.1:5000/goship/greeter:test"). */
  readonly image?: string;
  /** Or an OCI image archive (buildctl --output type=oci). */
  readonly ociArchive?: string;
  /** Replace the image's Cmd (the Entrypoint is kept), like `docker run IMAGE args...`. */
  readonly args?: readonly string[];
  /** Extra environment variables (override the image's). */
  readonly env?: Readonly<Record<string, string>>;
  /** Names the container and its files. */
  readonly name?: string;
  /** run: kill after this long (default 60 s). */
  readonly timeoutMs?: number;
}

export interface ContainerResult {
  readonly exitCode: number;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutPath: string;
  readonly stderrPath: string;
}

export interface ProcStatus {
  /** Real, effective, saved and filesystem UIDs (the "Uid:" line). */
  readonly uid: readonly [number, number, number, number];
  readonly gid: readonly [number, number, number, number];
}

export interface Container {
  readonly id: string;
  /** PID (in the host's PID namespace) of the container's first process. */
  readonly pid: number;
  readonly bundle: string;
  /** PID of the `runc run` process the lab started. */
  readonly runcPid: number;
  /** /proc/<pid>/status of the container's process. */
  status(): ProcStatus;
  /** Resolves when the container exits on its own (or is killed). */
  wait(timeoutMs?: number): Promise<ContainerResult>;
  /** SIGTERM, then SIGKILL after graceMs; removes the container. */
  stop(graceMs?: number): Promise<ContainerResult>;
}

export interface RunnerOptions {
  /** Folder for layouts, bundles and runc state. */
  readonly dir: string;
  readonly logsDir: string;
}

/** Reads the Uid:/Gid: lines of /proc/<pid>/status. */
export function readProcStatus(pid: number): ProcStatus {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const ids = (key: string): [number, number, number, number] => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)`, "m").exec(text);
    if (!m) throw new Error(`no ${key} line in /proc/${pid}/status`);
    return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  };
  return { uid: ids("Uid"), gid: ids("Gid") };
}

/** Edits umoci's config.json: no terminal, host network, args and env. */
export function adaptRuntimeConfig(
  config: Record<string, unknown>,
  opts: RunImageOptions,
  entrypoint: readonly string[],
): Record<string, unknown> {
  const process = { ...(config.process as Record<string, unknown>) };
  process.terminal = false;
  if (opts.args !== undefined) process.args = [...entrypoint, ...opts.args];
  if (opts.env !== undefined) {
    const keys = new Set(Object.keys(opts.env));
    const env = ((process.env as string[] | undefined) ?? []).filter((e) => !keys.has(e.split("=")[0] ?? ""));
    process.env = [...env, ...Object.entries(opts.env).map(([k, v]) => `${k}=${v}`)];
  }
  const linux = { ...(config.linux as Record<string, unknown>) };
  linux.namespaces = ((linux.namespaces as { type: string }[] | undefined) ?? []).filter((n) => n.type !== "network");
  return { ...config, process, linux };
}

export class Runner {
  private seq = 0;
  private readonly live = new Map<string, { daemon: Daemon; stop: () => Promise<ContainerResult> }>();

  constructor(private readonly o: RunnerOptions) {}

  private get runcRoot(): string {
    return join(this.o.dir, "runc");
  }

  /** Every container still running. */
  running(): readonly string[] {
    return [...this.live.keys()];
  }

  async start(opts: RunImageOptions): Promise<Container> {
    const id = `lab-${(opts.name ?? "c").replace(/[^A-Za-z0-9_-]/g, "-")}-${process.pid}-${++this.seq}`;
    const base = join(this.o.dir, "containers", id);
    mkdirSync(base, { recursive: true });
    const layout = join(base, "layout");
    const src =
      opts.ociArchive !== undefined ? `oci-archive:${opts.ociArchive}` : opts.image !== undefined ? `docker://${opts.image}` : undefined;
    if (src === undefined) throw new Error("runImage needs image or ociArchive");
    await runOk("skopeo", ["copy", "--quiet", "--src-tls-verify=false", src, `oci:${layout}:img`], { timeoutMs: 300_000 });
    const bundle = join(base, "bundle");
    await runOk("umoci", ["--log", "error", "unpack", "--image", `${layout}:img`, bundle], { timeoutMs: 300_000 });
    const cfgPath = join(bundle, "config.json");
    const cfg = JSON.parse(readFileSync(cfgPath, "utf8")) as Record<string, unknown>;
    let entrypoint: readonly string[] = [];
    if (opts.args !== undefined) {
      const ic = await runOk("skopeo", ["inspect", "--config", `oci:${layout}:img`]);
      entrypoint = (JSON.parse(ic.stdout) as { config?: { Entrypoint?: string[] | null } }).config?.Entrypoint ?? [];
    }
    writeFileSync(cfgPath, JSON.stringify(adaptRuntimeConfig(cfg, opts, entrypoint), null, 2));
    mkdirSync(this.runcRoot, { recursive: true });
    const stdoutPath = join(this.o.logsDir, `run-${id}.stdout.log`);
    const stderrPath = join(this.o.logsDir, `run-${id}.stderr.log`);
    writeFileSync(stderrPath, "");
    const daemon = startDaemonSplit(id, ["--root", this.runcRoot, "run", "--bundle", bundle, id], stdoutPath, stderrPath);
    let pid = 0;
    await waitFor(
      `container ${id} to start`,
      async () => {
        if (!daemon.alive()) return true; // exited already: reported below
        const r = await run("runc", ["--root", this.runcRoot, "state", id]);
        if (r.exitCode !== 0) return false;
        const st = JSON.parse(r.stdout) as { pid: number; status: string };
        pid = st.pid;
        return st.status === "running" && pid > 0;
      },
      30_000,
    );
    const result = async (timedOut: boolean): Promise<ContainerResult> => {
      const exitCode = await daemon.exited;
      this.live.delete(id);
      await run("runc", ["--root", this.runcRoot, "delete", "--force", id]);
      return {
        exitCode,
        timedOut,
        stdout: existsSync(stdoutPath) ? readFileSync(stdoutPath, "utf8") : "",
        stderr: existsSync(stderrPath) ? readFileSync(stderrPath, "utf8") : "",
        stdoutPath,
        stderrPath,
      };
    };
    const kill = async (signal: string): Promise<void> => {
      await run("runc", ["--root", this.runcRoot, "kill", id, signal]);
    };
    const stop = async (graceMs = 5000): Promise<ContainerResult> => {
      if (daemon.alive()) {
        await kill("TERM");
        const t = setTimeout(() => void kill("KILL"), graceMs);
        await daemon.exited;
        clearTimeout(t);
      }
      return result(false);
    };
    this.live.set(id, { daemon, stop: () => stop(2000) });
    return {
      id,
      pid,
      bundle,
      runcPid: daemon.pid,
      status: () => readProcStatus(pid),
      async wait(timeoutMs = 60_000): Promise<ContainerResult> {
        let timedOut = false;
        const t = setTimeout(() => {
          timedOut = true;
          void kill("KILL");
        }, timeoutMs);
        await daemon.exited;
        clearTimeout(t);
        return result(timedOut);
      },
      stop,
    };
  }

  /** Runs the image to completion (killed after timeoutMs) and returns its output. */
  async run(opts: RunImageOptions): Promise<ContainerResult> {
    const c = await this.start(opts);
    return c.wait(opts.timeoutMs ?? 60_000);
  }

  /** Stops every container this runner started. */
  async stopAll(): Promise<void> {
    for (const c of [...this.live.values()]) await c.stop();
  }
}

/** `runc run` as a tracked process with stdout and stderr in separate files. */
function startDaemonSplit(name: string, args: readonly string[], stdoutPath: string, stderrPath: string): Daemon {
  // startDaemon writes both streams to one file; runc's own errors go to
  // stderr as well, so the container's stdout gets a file of its own here.
  return startDaemon(name, "sh", ["-c", 'exec runc "$@" 2>>"$0"', stderrPath, ...args], stdoutPath);
}
