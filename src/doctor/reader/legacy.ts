/**
 * Reader for the legacy docker builder (`DOCKER_BUILDKIT=0 docker build`):
 * `Step 4/10 : RUN ...` headers, ` ---> Running in <id>`, ` ---> Using cache`,
 * ` ---> <image id>` (step done), `The command '...' returned a non-zero code: N`,
 * `Successfully built <id>`. Steps are sequential: output belongs to the last
 * header. Leaves out `docker build -q` (no step output at all).
 */
import type { LineEvent } from "./events.js";

const HEADER = /^Step (\d+)\/(\d+) : (.*)$/;
const NONZERO = /^The command '(.*)' returned a non-zero code: (\d+)/;

export function readLegacy(text: string): LineEvent {
  const c0 = text.charCodeAt(0);
  // Every pattern below starts with one of `S`, ` `, `T`: other lines are output, no regex needed.
  if (c0 !== 0x53 && c0 !== 0x20 && c0 !== 0x54) return { kind: "output", message: text };
  const m = c0 === 0x53 ? HEADER.exec(text) : null;
  if (m) return { kind: "step", key: `Step ${m[1]}/${m[2]}`, index: `${m[1]}/${m[2]}`, instruction: m[3] as string };
  if (text.startsWith(" ---> ")) {
    const rest = text.slice(6);
    if (rest.startsWith("Using cache")) return { kind: "status", status: "cached", message: rest };
    if (rest.startsWith("Running in")) return { kind: "output", message: text };
    if (/^[0-9a-f]{12}$/.test(rest)) return { kind: "status", status: "done", message: rest };
  }
  const n = c0 === 0x54 ? NONZERO.exec(text) : null;
  if (n) return { kind: "status", status: "error", message: text, exitCode: Number(n[2]) };
  if (/^Successfully built [0-9a-f]+/.test(text)) return { kind: "build-succeeded", message: text };
  return { kind: "output", message: text };
}
