/**
 * What a Dockerfile reads from its build context, statically: the sources of
 * COPY (without --from) and ADD, and the sources of `RUN --mount=type=bind`
 * mounts without `from` (default source: the whole context). Paths are
 * cleaned to the context-relative form the .dockerignore matcher takes
 * ("./a//b/." → "a/b", "." → ""). Sources holding a variable are marked
 * dynamic (their files are unknown until the build); globs are kept as
 * patterns. Leaves out URLs, git addresses and heredoc sources (they read
 * nothing from the context).
 */
import type { Dockerfile, Range } from "../dockerfile/index.js";

export interface CopySource {
  /** The instruction keyword (COPY, ADD, RUN). */
  readonly instruction: "COPY" | "ADD" | "RUN";
  readonly raw: string;
  /** Context-relative, cleaned; "" for the context root. */
  readonly path: string;
  /** Holds a glob (* ? [). */
  readonly glob: boolean;
  /** Holds a variable: what it names is unknown statically. */
  readonly dynamic: boolean;
  readonly line: number;
  readonly range?: Range;
}

/** "./a//b/." → "a/b"; ".", "./", "/" → "". */
export function cleanContextPath(raw: string): string {
  const parts: string[] = [];
  for (const seg of raw.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

function source(instruction: CopySource["instruction"], raw: string, line: number, range?: Range): CopySource {
  return {
    instruction,
    raw,
    path: cleanContextPath(raw),
    glob: /[*?[]/.test(raw),
    dynamic: /\$/.test(raw),
    line,
    ...(range ? { range } : {}),
  };
}

/** Every build-context source of the Dockerfile, in file order. */
export function copySources(df: Dockerfile): CopySource[] {
  const out: CopySource[] = [];
  for (const stage of df.stages) {
    for (const c of stage.commands) {
      const line = c.startLine;
      if (c.kind === "COPY" || c.kind === "ADD") {
        if (c.kind === "COPY" && c.from !== "") continue;
        for (const raw of c.sources) {
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.startsWith("git@")) continue;
          out.push(source(c.kind, raw, line, c.range));
        }
      } else if (c.kind === "RUN") {
        for (const m of c.mounts) {
          if (!m.mount || m.mount.type !== "bind" || m.mount.from !== "") continue;
          out.push(source("RUN", m.mount.source === "" ? "." : m.mount.source, line, m.range));
        }
      }
    }
  }
  return out;
}
