/**
 * Colour for terminal output: on only when the stream is a TTY, never with
 * NO_COLOR (https://no-color.org) or TERM=dumb; FORCE_COLOR=1 turns it on
 * (for tests of the coloured output). picocolors does the escaping; we decide
 * when, because its own detection also colours CI logs.
 */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if ("NO_COLOR" in env && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "") return true;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return pc.createColors(colorEnabled(stream, env));
}
