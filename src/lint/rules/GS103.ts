/**
 * GS103: a RUN that downloads modules or compiles (`go mod download`,
 * `go build`) with no `--mount=type=cache` on the module or build cache and
 * no earlier `go mod download` layer made from go.mod/go.sum alone: every
 * change downloads all modules and recompiles everything from scratch.
 */
import { defineRule } from "../rule.js";
import type { RunInstruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";
import { goCacheMounts, isModuleFilesCopy, isWholeSourceCopy } from "../facts/go-layers.js";
import { buildsBinary, goFlag, goInvocations, type GoInvocation } from "../facts/go-invocations.js";

export default defineRule(
  {
    id: "GS103",
    title: "go build without cache mount or module layer",
    severity: "info",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    if (model.project.exists("vendor/modules.txt")) return;
    const done = new Set<RunInstruction>();
    const stagesDone = new Set<StageModel>();
    for (const inv of goInvocations(model)) {
      if (done.has(inv.run) || stagesDone.has(inv.stage)) continue;
      if (!(inv.subcommand === "mod download" || buildsBinary(inv))) continue;
      if (goFlag(model, inv, "mod")?.value === "vendor") continue;
      done.add(inv.run);
      const cache = goCacheMounts(model, inv.stage, inv.run);
      if (cache.modules || cache.build) continue;
      if (hasModuleLayer(model, inv.stage, inv)) continue;
      stagesDone.add(inv.stage); // one finding per stage: the first RUN that pays for it
      report({
        message: `\`go ${inv.subcommand}\` runs with no module layer and no cache mount: every source change downloads all modules and rebuilds from scratch; add \`--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build\` to this RUN, or \`COPY go.mod go.sum ./\` + \`RUN go mod download\` before copying the source`,
        range: inv.run.range,
      });
    }
  },
);

/** A `go mod download` RUN after a COPY of only the module files, and before any whole-source COPY, at or before `inv`, in the stage or its FROM chain. */
function hasModuleLayer(model: LintModel, stage: StageModel, inv: GoInvocation): boolean {
  const chain: StageModel[] = [];
  for (let s: StageModel | undefined = stage; s && !chain.includes(s); s = s.parent !== null ? model.stages[s.parent] : undefined) chain.unshift(s);
  let modOnly = false;
  for (const s of chain) {
    for (const ins of s.stage.commands) {
      if (s === stage && ins.startLine > inv.run.startLine) return false;
      if (isWholeSourceCopy(ins)) modOnly = false;
      else if (isModuleFilesCopy(ins)) modOnly = true;
      if (ins.kind === "RUN") {
        const binds = ins.mounts.some((m) => m.mount?.type === "bind" && /go\.(mod|sum)$/.test(m.mount.source || m.mount.target));
        const downloads = goInvocations(model).some((g) => g.run === ins && g.subcommand === "mod download");
        if (downloads && (modOnly || binds)) return true;
      }
    }
  }
  return false;
}
