/**
 * GS606: more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage (BuildKit
 * MultipleInstructionsDisallowed, hadolint DL4003/DL4004): only the last one
 * takes effect, so the earlier ones are dead code that misleads readers.
 * Every one but the last is reported, per stage, as BuildKit does.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import { defineRule } from "../rule.js";

const KINDS = ["CMD", "ENTRYPOINT", "HEALTHCHECK"] as const;

export default defineRule(
  {
    id: "GS606",
    title: "multiple CMD, ENTRYPOINT or HEALTHCHECK in a stage",
    severity: "warning",
    category: "semantics",
    hadolint: ["DL4003", "DL4004"],
    buildkit: ["MultipleInstructionsDisallowed"],
    fixable: false,
  },
  ({ model, report }) => {
    for (const s of model.stages) {
      for (const kind of KINDS) {
        const all: Instruction[] = s.stage.commands.filter((c) => c.kind === kind);
        const last = all[all.length - 1];
        for (const c of all.slice(0, -1)) {
          report({
            message: `multiple ${kind} instructions in this stage: only the last one (line ${last!.startLine}) is used; remove this one`,
            range: c.node.keywordRange,
          });
        }
      }
    }
  },
);
