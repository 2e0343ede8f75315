/** Runs the goship CLI in-process with captured streams, as a user would see it. */
import { Readable } from "node:stream";
import { run } from "../../src/cli/main.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function goship(args: readonly string[], opts: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty === true },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty === true },
    stdin: Readable.from([opts.stdin ?? ""]),
    cwd: opts.cwd,
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}
