/**
 * What a Dockerfile takes from its build context: the sources of COPY
 * (without --from) and ADD, each with where it is written, and whether it
 * copies the whole context (`COPY . dest`, `./`, `/`). Paths are cleaned to
 * the context-relative form the .dockerignore matcher takes ("./a/b/" →
 * "a/b"). Leaves out heredoc sources, URLs and git addresses; sources with
 * variables are returned with `dynamic` set so rules can skip them.
 */
import { cleanContextPath } from "../../context/copy-sources.js";
import type { Range } from "../../diagnostic/located-error.js";
import type { AddInstruction, CopyInstruction } from "../../dockerfile/instructions/types.js";
import type { LintModel } from "../model/model.js";

export interface ContextSource {
  readonly instruction: CopyInstruction | AddInstruction;
  /** The source as written. */
  readonly raw: string;
  /** Context-relative, cleaned; "" for the context root. */
  readonly path: string;
  readonly wholeContext: boolean;
  /** Holds a variable or a glob: the files it names are not known statically. */
  readonly dynamic: boolean;
  readonly range: Range | undefined;
}

/** Every build-context source of every COPY/ADD, in file order. */
export function contextSources(model: LintModel): ContextSource[] {
  const out: ContextSource[] = [];
  for (const s of model.stages) {
    for (const c of s.stage.commands) {
      if (c.kind !== "COPY" && c.kind !== "ADD") continue;
      if (c.kind === "COPY" && c.from !== "") continue;
      const args = c.node.args;
      c.sources.forEach((raw, i) => {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.startsWith("git@")) return;
        const path = cleanContextPath(raw);
        const arg = args[i]?.value === raw ? args[i] : args.find((a) => a.value === raw);
        out.push({ instruction: c, raw, path, wholeContext: path === "", dynamic: /[$*?[]/.test(raw), range: arg?.range });
      });
    }
  }
  return out;
}


/** The first instruction that copies the whole context, if any. */
export function wholeContextCopy(model: LintModel): ContextSource | null {
  return contextSources(model).find((s) => s.wholeContext && !s.dynamic) ?? null;
}

export { cleanContextPath };
