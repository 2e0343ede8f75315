/**
 * `goship run`: runs a build command, passes its stdout and stderr through
 * byte for byte as the chunks arrive (no line buffering; backpressure is
 * respected, so memory stays bounded), forwards SIGINT/SIGTERM/SIGHUP to it,
 * diagnoses both streams as they flow, and decides the exit code:
 *   - the command's own exit code when it failed (128+N when killed by signal N,
 *     so SIGKILL gives 137); 127 when it could not be started;
 *   - EXIT_MASKED (1) when it exited 0 but a silent failure (GD2xx) was found,
 *     unless failOnMasked is false;
 *   - 0 otherwise.
 * Leaves out a pseudo-terminal for the child (tools that colour only on a
 * TTY print plain text) and redacting the passthrough (it is byte for byte).
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { Diagnoser, type DiagnoseOptions } from "../engine.js";
import type { DoctorResult } from "../types.js";

/** Exit code of `goship run` when the command succeeded but masked a failure (GD2xx). */
export const EXIT_MASKED = 1;
/** Exit code when the command could not be started (as shells do). */
export const EXIT_NOT_STARTED = 127;

export interface ByteSink {
  write(chunk: Uint8Array): boolean;
  once?(event: "drain", cb: () => void): unknown;
}

export interface RunOptions extends DiagnoseOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout: ByteSink;
  readonly stderr: ByteSink;
  /** Default true: exit EXIT_MASKED when the command exited 0 but GD2xx was found. */
  readonly failOnMasked?: boolean;
  /** Signals to forward (default SIGINT, SIGTERM, SIGHUP). */
  readonly forward?: readonly NodeJS.Signals[];
}

export interface RunOutcome {
  /** What `goship run` should exit with. */
  readonly exitCode: number;
  /** The command's exit code, or null when a signal ended it. */
  readonly commandExitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly masked: boolean;
  readonly result: DoctorResult;
  /** Set when the command could not be started. */
  readonly spawnError?: string;
}

export async function runCommand(opts: RunOptions): Promise<RunOutcome> {
  const diag = new Diagnoser(opts);
  const child = spawn(opts.command, [...opts.args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ["inherit", "pipe", "pipe"],
  });
  const forward = opts.forward ?? (["SIGINT", "SIGTERM", "SIGHUP"] as const);
  const handlers = forward.map((sig) => {
    const h = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    };
    process.on(sig, h);
    return [sig, h] as const;
  });
  const pipe = (src: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown }, sink: ByteSink, stream: number): Promise<void> =>
    new Promise((done) => {
      src.on("data", (chunk: Buffer) => {
        const ok = sink.write(chunk);
        diag.push(chunk, stream);
        if (!ok && sink.once !== undefined) {
          src.pause();
          sink.once("drain", () => src.resume());
        }
      });
      src.on("end", () => done());
      src.on("error", () => done());
    });
  try {
    const streams = Promise.all([pipe(child.stdout, opts.stdout, 0), pipe(child.stderr, opts.stderr, 1)]);
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>((res) => {
      child.once("error", (e) => res({ code: null, signal: null, error: e.message }));
      child.once("close", (code, signal) => res({ code, signal }));
    });
    if (exit.error !== undefined) {
      const result = diag.end(EXIT_NOT_STARTED);
      return { exitCode: EXIT_NOT_STARTED, commandExitCode: null, signal: null, masked: false, result, spawnError: exit.error };
    }
    await streams;
    const own = exit.code ?? 128 + (exit.signal !== null ? (constants.signals[exit.signal] ?? 0) : 0);
    const result = diag.end(own);
    const masked = own === 0 && result.findings.some((f) => f.id.startsWith("GD2"));
    const exitCode = own !== 0 ? own : masked && opts.failOnMasked !== false ? EXIT_MASKED : 0;
    return { exitCode, commandExitCode: exit.code, signal: exit.signal, masked, result };
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}
