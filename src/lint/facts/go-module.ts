/**
 * The go.mod a Go build in this Dockerfile uses: the one in the build
 * context (project facts), or, when the context is unknown (stdin, an
 * example), a go.mod the Dockerfile itself writes with a heredoc
 * (`COPY <<EOF go.mod`), parsed as the main module's go.mod (strictly, so
 * the `toolchain` line is kept; leniently when that fails). A heredoc that
 * does not parse counts as absent. Note: the context's go.mod comes from the
 * project facts, which parse it leniently (ParseLax drops `toolchain`).
 * Also whether a go call works on that module at all: not when the stage
 * has brought nothing from the build context (no COPY/ADD of local files,
 * no bind mount of the context, no COPY --from a stage that has) and the
 * call builds a repository cloned in its own RUN (`git clone ... && cd x
 * && go build`) or gets/installs remote packages (`go get example.com/t`).
 */
import { parseGoMod, type GoMod } from "../../gomod/index.js";
import type { LintModel, StageModel } from "../model/model.js";
import type { GoInvocation } from "./go-invocations.js";
import { runScripts } from "./go-run-scripts.js";

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

/** False when the call evidently builds another module than the context's (see the header). */
export function worksOnContextModule(model: LintModel, inv: GoInvocation): boolean {
  if (holdsContextFiles(model, inv.stage, inv.run.startLine)) return true;
  const clones = runScripts(model, inv.run).some((sr) =>
    sr.calls.some((c) => {
      const w = c.args.map((a) => a.literal ?? "");
      const at = w.indexOf("git");
      return at >= 0 && w.slice(at + 1).includes("clone");
    }),
  );
  if (clones) return false;
  const remote = (p: string): boolean => !p.startsWith(".") && !p.startsWith("/") && (p.split("/")[0] ?? "").includes(".") && !p.includes("$");
  if ((inv.subcommand === "get" || inv.subcommand === "install") && inv.packages.length > 0 && inv.packages.every((p) => remote(p.literal ?? p.raw))) return false;
  return true;
}

/** True when the stage (before `line`), a stage it builds FROM, or a stage it copies from, holds files of the build context. */
export function holdsContextFiles(model: LintModel, stage: StageModel, line: number): boolean {
  return bringsContext(model, stage, line, new Set());
}

function bringsContext(model: LintModel, stage: StageModel, line: number, seen: Set<StageModel>): boolean {
  if (seen.has(stage)) return false;
  seen.add(stage);
  for (const ins of stage.stage.commands) {
    if (ins.startLine >= line) break;
    if (ins.kind === "ADD" || (ins.kind === "COPY" && ins.from === "")) return true;
    if (ins.kind === "RUN" && ins.mounts.some((m) => (m.mount?.type ?? "bind") === "bind" && (m.mount?.from ?? "") === "")) return true;
    if (ins.kind === "COPY") {
      const from = model.stageIndex(ins.from, stage.index);
      if (from !== null && model.stages[from] && bringsContext(model, model.stages[from]!, Number.MAX_SAFE_INTEGER, seen)) return true;
    }
  }
  return stage.parent !== null && model.stages[stage.parent] !== undefined && bringsContext(model, model.stages[stage.parent]!, Number.MAX_SAFE_INTEGER, seen);
}
