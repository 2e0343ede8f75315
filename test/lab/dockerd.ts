/**
 * The legacy-builder driver: Debian's dockerd (20.10) started by hand with all
 * its state in a temp folder (data root, exec root, its own socket; no
 * iptables, no bridge), the lab registry as docker.io mirror, and builds with
 * the Debian docker CLI and DOCKER_BUILDKIT=0 (`docker build --network host`),
 * the classic "Step 1/9 : FROM ..." logs users paste. dockerd mirrors only
 * docker.io, so gcr.io names the lab serves (distroless) are pulled from the
 * lab registry and tagged under their gcr.io names at start. Leaves out
 * BuildKit through dockerd (Debian ships no buildx plugin) and OCI archive
 * output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildArgsWithProxy, dockerfileOf, logName, type BuildOptions, type BuildResult } from "./build-options.js";
import { DOCKER_CLI } from "./paths.js";
import { run, runOk, startDaemon, waitFor, type Daemon } from "./process.js";

export interface Dockerd {
  readonly socket: string;
  readonly daemon: Daemon;
  /** dockerd's PID and the PID of the containerd it started. */
  pids(): readonly number[];
  /** Runs the docker CLI against this daemon. */
  docker(args: readonly string[], logFile?: string): ReturnType<typeof run>;
  build(opts: BuildOptions, seq: number): Promise<BuildResult>;
  stop(): Promise<void>;
}

export interface DockerdOptions {
  readonly dir: string;
  readonly logsDir: string;
  readonly registry: string;
  readonly proxyUrl: string;
  /** Lab registry paths to pull and tag under gcr.io (e.g. "distroless/static-debian12:nonroot"). */
  readonly gcrAliases?: readonly string[];
}

export async function startDockerd(opts: DockerdOptions): Promise<Dockerd> {
  mkdirSync(opts.dir, { recursive: true });
  const socket = join(opts.dir, "docker.sock");
  const configFile = join(opts.dir, "daemon.json");
  writeFileSync(configFile, "{}\n");
  const execRoot = join(opts.dir, "exec");
  const daemon = startDaemon(
    "dockerd",
    "dockerd",
    [
      "--config-file", configFile,
      "--data-root", join(opts.dir, "data"),
      "--exec-root", execRoot,
      "--pidfile", join(opts.dir, "docker.pid"),
      "-H", `unix://${socket}`,
      "--iptables=false",
      "--ip-masq=false",
      "--bridge=none",
      "--registry-mirror", `http://${opts.registry}`,
      "--insecure-registry", opts.registry,
    ],
    join(opts.logsDir, "dockerd.log"),
  );
  const env = { ...process.env, DOCKER_HOST: `unix://${socket}`, DOCKER_BUILDKIT: "0", DOCKER_CONFIG: join(opts.dir, "cli") };
  const docker = (args: readonly string[], logFile?: string): ReturnType<typeof run> =>
    run(DOCKER_CLI, args, { env, timeoutMs: 10 * 60_000, ...(logFile !== undefined ? { logFile } : {}) });
  await waitFor("dockerd to answer", async () => (await docker(["version"])).exitCode === 0, 60_000, daemon);
  for (const alias of opts.gcrAliases ?? []) {
    await runOk(DOCKER_CLI, ["pull", "-q", `${opts.registry}/${alias}`], { env });
    await runOk(DOCKER_CLI, ["tag", `${opts.registry}/${alias}`, `gcr.io/${alias}`], { env });
  }
  const containerdPid = (): number | undefined => {
    const f = join(execRoot, "containerd", "containerd.pid");
    return existsSync(f) ? Number(readFileSync(f, "utf8").trim()) || undefined : undefined;
  };

  return {
    socket,
    daemon,
    pids: () => [daemon.pid, ...(containerdPid() !== undefined ? [containerdPid() as number] : [])],
    docker,
    async build(b: BuildOptions, seq: number): Promise<BuildResult> {
      const df = dockerfileOf(b);
      const label = b.label ?? (b.context.split("/").filter(Boolean).at(-1) ?? "build");
      const logPath = join(opts.logsDir, logName(seq, label, "dockerd", "log"));
      const out = b.output ?? { type: "none" };
      if (out.type === "oci") throw new Error("the dockerd driver has no OCI archive output");
      const tag = out.type === "registry" ? `${opts.registry}/${out.name}` : `lab/${label.toLowerCase()}:${seq}`;
      const args = ["build", "--network", "host", "-f", df.path, "-t", tag];
      for (const [k, v] of Object.entries(buildArgsWithProxy(b, opts.proxyUrl))) args.push("--build-arg", `${k}=${v}`);
      if (b.target !== undefined) args.push("--target", b.target);
      if (b.noCache === true) args.push("--no-cache");
      args.push(b.context);
      writeFileSync(logPath, `# DOCKER_BUILDKIT=0 docker ${args.join(" ")}\n`);
      const t0 = Date.now();
      let r = await docker(args, logPath);
      if (r.exitCode === 0 && out.type === "registry") r = await docker(["push", tag], logPath);
      const ok = r.exitCode === 0 && !r.timedOut;
      return {
        driver: "dockerd",
        ok,
        exitCode: r.exitCode,
        timedOut: r.timedOut,
        logPath,
        durationMs: Date.now() - t0,
        ...(ok && out.type === "registry" ? { imageRef: tag } : {}),
      };
    },
    stop: () => daemon.stop(20_000),
  };
}
