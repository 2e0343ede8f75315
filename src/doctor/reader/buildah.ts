/**
 * Reader for buildah / podman build: `STEP 3/7: RUN ...` headers (with a
 * `[1/2] ` stage prefix in multi-stage builds), `--> <id>` / `--> Using cache
 * <id>` (step done), `Error: building at STEP "RUN ...": ... exit status N`,
 * `COMMIT <name>` and `Successfully tagged`. Steps are sequential. Leaves out
 * `--layers=false` quirks (no per-step `-->` lines: a step ends at the next).
 */
import type { LineEvent } from "./events.js";

const HEADER = /^(?:\[(\d+)\/(\d+)\] )?STEP (\d+)\/(\d+): (.*)$/;
const ERROR = /^Error: building at STEP "(.*)": (.*)$/;

export function readBuildah(text: string): LineEvent {
  const c0 = text.charCodeAt(0);
  // Every pattern below starts with one of `[`, `S`, `-`, `E`: other lines are output, no regex needed.
  if (c0 !== 0x5b && c0 !== 0x53 && c0 !== 0x2d && c0 !== 0x45) return { kind: "output", message: text };
  const m = c0 === 0x5b || c0 === 0x53 ? HEADER.exec(text) : null;
  if (m) {
    const stage = m[1] !== undefined ? `${m[1]}/${m[2]}` : undefined;
    return {
      kind: "step",
      key: `${stage !== undefined ? `[${stage}] ` : ""}STEP ${m[3]}/${m[4]}`,
      ...(stage !== undefined ? { stage } : {}),
      index: `${m[3]}/${m[4]}`,
      instruction: m[5] as string,
    };
  }
  if (text.startsWith("--> ")) {
    const rest = text.slice(4);
    return rest.startsWith("Using cache") ? { kind: "status", status: "cached", message: rest } : { kind: "status", status: "done", message: rest };
  }
  const e = c0 === 0x45 ? ERROR.exec(text) : null;
  if (e) {
    const code = /exit status (\d+)/.exec(text);
    return { kind: "status", status: "error", message: text, ...(code ? { exitCode: Number(code[1]) } : {}) };
  }
  // Any other top-level `Error:` ends the build (`Error: creating build container: ...`).
  if (text.startsWith("Error: ")) return { kind: "status", status: "error", message: text };
  if (/^Successfully tagged /.test(text)) return { kind: "build-succeeded", message: text };
  return { kind: "output", message: text };
}
