/**
 * GS102: the whole source is copied before go.mod/go.sum in a stage that
 * downloads or builds modules: any edit to any file invalidates the layer
 * cache from that COPY on, so every build downloads every module again.
 * Quiet when the modules cannot matter: a cache mount on the module cache,
 * vendoring, a go.mod without requirements, or an earlier stage (FROM
 * <stage>) that already brought go.mod in.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import { defineRule } from "../rule.js";
import type { StageModel } from "../model/model.js";
import { goCacheMounts, bindsModuleFiles, isModuleFilesCopy, isWholeSourceCopy } from "../facts/go-layers.js";
import { goFlag, stageInvocations, type GoInvocation } from "../facts/go-invocations.js";

const MODULE_USERS = new Set(["mod download", "build", "install", "test", "mod tidy", "mod vendor", "run", "vet", "generate"]);

export default defineRule(
  {
    id: "GS102",
    title: "source copied before go.mod and go.sum",
    severity: "warning",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const goMod = model.project.goMod;
    if (goMod && goMod.require.length === 0) return; // nothing to download
    if (model.project.contextDir !== null && !goMod && !model.project.exists("go.mod")) return; // no module at the context root
    if (model.project.exists("vendor/modules.txt")) return;
    for (const stage of model.stages) {
      const calls = stageInvocations(model, stage).filter((g) => MODULE_USERS.has(g.subcommand) && !(g.subcommand === "install" && g.packages.some((p) => p.raw.includes("@"))));
      if (calls.length === 0) continue;
      if (ancestorBringsModFiles(model.stages, stage)) continue;
      const first = calls[0]!;
      if (calls.some((g) => usesVendor(model, g))) continue;
      let broad: Instruction | null = null;
      for (const ins of stage.stage.commands) {
        if (ins.startLine >= first.run.startLine) break;
        if (isModuleFilesCopy(ins) || (ins.kind === "RUN" && bindsModuleFiles(ins))) break;
        if (isWholeSourceCopy(ins)) {
          broad = ins;
          break;
        }
      }
      if (!broad) continue;
      if (goCacheMounts(model, stage, first.run).modules) continue;
      const what = broad.original.replace(/\s+/g, " ");
      report({
        message: `\`${what}\` copies the whole source before go.mod/go.sum, so any source edit re-downloads every module: first \`COPY go.mod go.sum ./\` and \`RUN go mod download\`, then copy the rest`,
        range: broad.range,
      });
    }
  },
);

function usesVendor(model: Parameters<typeof goFlag>[0], g: GoInvocation): boolean {
  return goFlag(model, g, "mod")?.value === "vendor" || g.subcommand === "mod vendor";
}

function ancestorBringsModFiles(stages: readonly StageModel[], stage: StageModel): boolean {
  const seen = new Set<number>();
  for (let p = stage.parent; p !== null && !seen.has(p); p = stages[p]!.parent) {
    seen.add(p);
    if (stages[p]!.stage.commands.some((c) => isModuleFilesCopy(c) || isWholeSourceCopy(c) || (c.kind === "RUN" && bindsModuleFiles(c)))) return true;
  }
  return false;
}
