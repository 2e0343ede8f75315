/**
 * The layer structure of a Go build as GS102/GS103/GS107 read it: which
 * COPY/ADD brings in the whole source (`COPY . .`, `COPY ./ /src`, `ADD . .`,
 * `COPY * ./`), which brings in only the module files (go.mod, go.sum,
 * go.work, `go.*`), which brings vendor/, and which RUN cache mounts cover
 * the module cache (/go/pkg/mod, $GOMODCACHE) or the build cache
 * (/root/.cache/go-build, $GOCACHE). A RUN bind-mounting go.mod counts as
 * bringing the module files (the BuildKit docs' pattern).
 * Leaves out sources named by variables and COPY --from (another stage).
 */
import type { AddInstruction, CopyInstruction, Instruction, RunInstruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";
import { envBefore } from "./go-env.js";

type CopyLike = CopyInstruction | AddInstruction;

function norm(src: string): string {
  return src.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}

function local(ins: Instruction): ins is CopyLike {
  return (ins.kind === "COPY" && ins.from === "") || ins.kind === "ADD";
}

/** `COPY . .`, `COPY ./ /src`, `ADD . .`, `COPY * ./`: the whole build context. */
export function isWholeSourceCopy(ins: Instruction): ins is CopyLike {
  return local(ins) && ins.sources.some((s) => ["", ".", "*", "./*"].includes(norm(s)));
}

const MOD_FILE = /(^|\/)(go\.(mod|sum|work|work\.sum|\*)|go\.\*|\*\.(mod|sum)|go\.mod\*|go\.sum\*|go\.\{?mod)$/;

/** A COPY/ADD that brings go.mod (or go.sum / go.work / `go.*`) from the context. */
export function isModuleFilesCopy(ins: Instruction): ins is CopyLike {
  return local(ins) && ins.sources.some((s) => MOD_FILE.test(norm(s)) || /(^|\/)go\.(mod|sum)\b/.test(s) || /(^|\/)go\.\*/.test(s));
}

/** A COPY/ADD that names vendor/ (or the whole context). */
export function copiesVendor(ins: Instruction): boolean {
  if (!local(ins)) return false;
  const sources: readonly string[] = ins.sources;
  return isWholeSourceCopy(ins) || sources.some((s) => /(^|\/)vendor$/.test(norm(s)));
}

/** A RUN whose bind mounts bring go.mod into the build. */
export function bindsModuleFiles(run: RunInstruction): boolean {
  return run.mounts.some((m) => m.mount?.type === "bind" && /(^|\/)go\.(mod|sum)$/.test(m.mount.source || m.mount.target));
}

export interface CacheMounts {
  readonly modules: boolean;
  readonly build: boolean;
}

/** Which Go caches the RUN's `--mount=type=cache` targets cover. */
export function goCacheMounts(model: LintModel, stage: StageModel, run: RunInstruction): CacheMounts {
  const env = envBefore(model, stage, run.startLine);
  const gomodcache = env.get("GOMODCACHE")?.value ?? null;
  const gocache = env.get("GOCACHE")?.value ?? null;
  const gopath = env.get("GOPATH")?.value ?? null;
  let modules = false;
  let build = false;
  for (const m of run.mounts) {
    if (m.mount?.type !== "cache") continue;
    const t = m.mount.target.replace(/\/+$/, "");
    if (/GOMODCACHE|pkg\/mod$|^\/go\/pkg$|^\/go$|^\/root\/go$|GOPATH/.test(t) || t === gomodcache || (gopath !== null && t.startsWith(gopath))) modules = true;
    if (/GOCACHE|go-build|\.cache$|\/cache\/go|^\/root\/\.cache/.test(t) || t === gocache) build = true;
    if (t === "/go" || t === "/root/go" || t === "$GOPATH" || t === "${GOPATH}") modules = true;
  }
  return { modules, build };
}
