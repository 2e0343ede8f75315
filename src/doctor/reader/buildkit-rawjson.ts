/**
 * Reader for BuildKit's `--progress rawjson`: one SolveStatus JSON object per
 * line (`{"vertexes":[...],"statuses":[...],"logs":[...]}`), vertex names like
 * `[builder 4/6] RUN go mod download`, `completed`/`cached`/`error` per vertex,
 * and step output as base64 `logs[].data` keyed by vertex digest. Output is
 * split into lines per vertex (a line may span several log records). Lines
 * that are not JSON (buildctl's final `error: failed to solve:`) go to the
 * plain reader. Leaves out `statuses` (pull progress) and `warnings`.
 */
import { readBuildkitPlain } from "./buildkit-plain.js";
import { splitBracket, type LineEvent } from "./events.js";

interface Vertex {
  digest?: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}
interface LogRecord {
  vertex?: string;
  data?: string;
}
interface SolveStatus {
  vertexes?: Vertex[];
  logs?: LogRecord[];
}

const MAX_PARTIAL = 64 * 1024;

export class RawjsonReader {
  private readonly partial = new Map<string, string>();

  /** Events of one input line. */
  read(text: string): LineEvent[] {
    if (!text.startsWith("{")) return [readBuildkitPlain(text)];
    let st: SolveStatus;
    try {
      st = JSON.parse(text) as SolveStatus;
    } catch {
      return [{ kind: "output", message: text }];
    }
    const out: LineEvent[] = [];
    for (const v of st.vertexes ?? []) {
      if (typeof v.digest !== "string") continue;
      const key = shortKey(v.digest);
      const name = v.name ?? "";
      const m = /^\[([^\]]+)\] (.*)$/s.exec(name);
      out.push(m ? { kind: "step", key, ...splitBracket(m[1] as string), instruction: m[2] as string } : { kind: "step", key, instruction: name });
      if (typeof v.error === "string" && v.error !== "") {
        const code = /exit code: (\d+)/.exec(v.error);
        out.push({ kind: "status", key, status: "error", message: v.error, ...(code ? { exitCode: Number(code[1]) } : {}) });
      } else if (v.cached === true) out.push({ kind: "status", key, status: "cached", message: "CACHED" });
      else if (typeof v.completed === "string") out.push({ kind: "status", key, status: "done", message: "DONE" });
    }
    for (const l of st.logs ?? []) {
      if (typeof l.vertex !== "string" || typeof l.data !== "string") continue;
      const key = shortKey(l.vertex);
      const data = (this.partial.get(key) ?? "") + Buffer.from(l.data, "base64").toString("utf8");
      const parts = data.split("\n");
      const rest = parts.pop() as string;
      if (rest === "" || rest.length > MAX_PARTIAL) this.partial.delete(key);
      else this.partial.set(key, rest);
      if (rest.length > MAX_PARTIAL) parts.push(rest);
      for (const p of parts) out.push({ kind: "output", key, message: p.endsWith("\r") ? p.slice(0, -1) : p });
    }
    return out;
  }

  /** Output left without a final newline. */
  flush(): LineEvent[] {
    const out: LineEvent[] = [];
    for (const [key, rest] of this.partial) out.push({ kind: "output", key, message: rest });
    this.partial.clear();
    return out;
  }
}

function shortKey(digest: string): string {
  return digest.startsWith("sha256:") ? digest.slice(7, 19) : digest;
}
