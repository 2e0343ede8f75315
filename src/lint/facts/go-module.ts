/**
 * The go.mod a Go build in this Dockerfile uses: the one in the build
 * context (project facts), or, when the context is unknown (stdin, an
 * example), a go.mod the Dockerfile itself writes with a heredoc
 * (`COPY <<EOF go.mod`), parsed as the main module's go.mod (strictly, so
 * the `toolchain` line is kept; leniently when that fails). A heredoc that
 * does not parse counts as absent. Note: the context's go.mod comes from the
 * project facts, which parse it leniently (ParseLax drops `toolchain`).
 */
import { parseGoMod, type GoMod } from "../../gomod/index.js";
import type { LintModel } from "../model/model.js";

const cache = new WeakMap<LintModel, { mod: GoMod | null; file: string | null }>();

export function goModOf(model: LintModel): { mod: GoMod | null; file: string | null } {
  let c = cache.get(model);
  if (c) return c;
  c = { mod: model.project.goMod, file: model.project.goModFile };
  if (!c.mod) {
    for (const s of model.stages) {
      for (const ins of s.stage.commands) {
        if (ins.kind !== "COPY" && ins.kind !== "ADD") continue;
        const target = ins.dest.replace(/\/+$/, "");
        for (const h of ins.contents) {
          const named = /(^|\/)go\.mod$/.test(target) || (ins.contents.length === 1 && /(^|\/)go\.mod$/.test(h.path));
          if (!named || c.mod) continue;
          const mod = parse(h.data);
          if (mod) c = { mod, file: `the go.mod written at line ${ins.startLine}` };
        }
      }
    }
  }
  cache.set(model, c);
  return c;
}

function parse(text: string): GoMod | null {
  for (const lax of [false, true]) {
    try {
      return parseGoMod(text, "go.mod", { lax });
    } catch {
      // try the lenient reading, then give up
    }
  }
  return null;
}
