/**
 * Reader for BuildKit's `--progress plain` output (buildctl, docker buildx):
 * `#7 [builder 4/6] RUN go mod download` headers, `#7 0.412 <output>` lines,
 * `#7 DONE 0.2s` / `#7 CACHED` / `#7 ERROR: ...` endings, the error summary
 * block (`------`, ` > [builder 4/6] RUN ...:`, `Dockerfile:8`) and the final
 * `ERROR: failed to solve:` (buildx) or `error: failed to solve:` (buildctl).
 * Steps interleave, so every event carries its `#N` key. Leaves out the tty
 * progress format (redrawn screens) and `--progress quiet`.
 */
import { splitBracket, type LineEvent } from "./events.js";

const HEADER = /^#(\d+) \[([^\]]+)\] (.*)$/;
const STATUS = /^#(\d+) (DONE|CACHED|ERROR|CANCELED)\b:?\s*(.*)$/;
const OUTPUT = /^#(\d+) (?:\d+\.\d+ )?(.*)$/;
const SUMMARY = /^ ?> \[([^\]]+)\] (.*?):?$/;
const EXIT = /exit code: (\d+)/;

export function readBuildkitPlain(text: string): LineEvent {
  if (text.startsWith("#")) {
    let m = HEADER.exec(text);
    if (m) {
      // `#5 [stage 1/2] FROM x` repeats as a header; `#6 [auth] ...` is a sub-step.
      return { kind: "step", key: m[1] as string, ...splitBracket(m[2] as string), instruction: m[3] as string };
    }
    m = STATUS.exec(text);
    if (m) {
      const word = m[2] as string;
      const message = m[3] as string;
      if (word === "DONE") return { kind: "status", key: m[1] as string, status: "done", message };
      if (word === "CACHED") return { kind: "status", key: m[1] as string, status: "cached", message };
      const code = EXIT.exec(message);
      return { kind: "status", key: m[1] as string, status: "error", message, ...(code ? { exitCode: Number(code[1]) } : {}) };
    }
    m = OUTPUT.exec(text);
    if (m) return { kind: "output", key: m[1] as string, message: m[2] as string };
  }
  if (/^(?:ERROR|error): failed to (?:solve|build)/.test(text)) {
    const code = EXIT.exec(text);
    return { kind: "build-failed", message: text, ...(code ? { exitCode: Number(code[1]) } : {}) };
  }
  const s = SUMMARY.exec(text);
  if (s) return { kind: "summary-step", ...splitBracket(s[1] as string), instruction: s[2] as string };
  if (/^-{6,}$/.test(text)) return { kind: "summary-end" };
  const d = /^Dockerfile(?:\.[\w.-]+)?:(\d+)$/.exec(text) ?? /^\S*Dockerfile\S*:(\d+)\s*$/.exec(text);
  if (d) return { kind: "dockerfile-line", line: Number(d[1]) };
  // Summary block lines keep their relative timestamp: `0.412 go: ...`.
  const t = /^\d+\.\d+ (.*)$/.exec(text);
  return { kind: "output", message: t ? (t[1] as string) : text };
}
