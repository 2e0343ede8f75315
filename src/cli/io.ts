/**
 * The CLI's view of the world: streams, working directory and environment.
 * Commands receive it instead of touching `process`, so tests run the CLI
 * in-process and capture exactly what a user would see.
 */
import type { Readable } from "node:stream";
import { colorsFor, type Colors } from "./color.js";

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: Readable;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/** Colours for stdout / stderr of this Io. */
export function outColors(io: Io): Colors {
  return colorsFor(io.stdout, io.env);
}

export function errColors(io: Io): Colors {
  return colorsFor(io.stderr, io.env);
}
