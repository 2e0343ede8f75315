/**
 * Child processes for the build lab: run a command to completion (with a
 * timeout, output to memory or to a log file), and start long-running daemons
 * whose PIDs the lab records and later kills by PID only (SIGTERM, then
 * SIGKILL after a grace period). Leaves out process groups and anything that
 * finds processes by name.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { closeSync, openSync } from "node:fs";

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the command (SIGKILL) after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Write stdout and stderr (interleaved) to this file instead of memory. */
  readonly logFile?: string;
  /** Bytes for stdin. */
  readonly input?: string;
}

export interface RunResult {
  readonly exitCode: number;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
}

/** Runs a command to completion; never throws for a non-zero exit. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const t0 = Date.now();
  let fd: number | undefined;
  let stdio: StdioOptions = [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"];
  if (opts.logFile !== undefined) {
    fd = openSync(opts.logFile, "a");
    stdio = [opts.input === undefined ? "ignore" : "pipe", fd, fd];
  }
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio });
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      reject(e);
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    let timedOut = false;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, opts.timeoutMs);
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      reject(e);
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      resolve({
        exitCode: code ?? 128,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        durationMs: Date.now() - t0,
      });
    });
  });
}

/** Like run(), but throws with the command's output when it fails. */
export async function runOk(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.exitCode !== 0) {
    const where = opts.logFile !== undefined ? ` (log: ${opts.logFile})` : "";
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.exitCode}${where}\n${r.stderr}${r.stdout}`.trimEnd());
  }
  return r;
}

/** A long-running process the lab started; stop() kills exactly this PID. */
export interface Daemon {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** True until the process exited. */
  alive(): boolean;
  /** Resolves with the exit code (or 128+signal) once the process is gone. */
  readonly exited: Promise<number>;
  /** SIGTERM, then SIGKILL after graceMs; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function startDaemon(
  name: string,
  cmd: string,
  args: readonly string[],
  logFile: string,
  opts: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Daemon {
  const fd = openSync(logFile, "a");
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  const pid = child.pid;
  let running = true;
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      running = false;
      resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 15));
    });
    child.on("error", () => {
      running = false;
      resolve(127);
    });
  });
  // A daemon must not keep the test process alive on its own.
  child.unref();
  return {
    name,
    pid,
    logFile,
    exited,
    alive: () => running,
    async stop(graceMs = 10_000): Promise<void> {
      if (!running) return;
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          if (running) process.kill(pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls check() until it returns true, or throws after timeoutMs. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, daemon?: Daemon): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (daemon && !daemon.alive()) throw new Error(`${daemon.name} exited while waiting for ${what}; log: ${daemon.logFile}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${daemon ? `; log: ${daemon.logFile}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when a process with this PID exists (signal 0). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
