/**
 * GS612: an instruction keyword whose casing differs from the file's
 * majority (BuildKit ConsistentInstructionCasing): counted as BuildKit does
 * (self-consistent all-lower vs all-upper keywords of every stage's FROM and
 * instructions; ties go to upper case), and mixed-case keywords (`Run`) are
 * always reported. Differs: global ARGs before the first FROM are checked
 * against the majority too (BuildKit skips them); ONBUILD triggers are not.
 * Safe fix: rewrite the keyword in the majority's case.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import { defineRule } from "../rule.js";
import { replaceRange } from "../facts/stage-edits.js";

export default defineRule(
  {
    id: "GS612",
    title: "inconsistent instruction keyword casing",
    severity: "warning",
    category: "semantics",
    hadolint: [],
    buildkit: ["ConsistentInstructionCasing"],
    fixable: true,
  },
  ({ model, report }) => {
    const counted: Instruction[] = model.dockerfile.stages.flatMap((s) => [s.from, ...s.commands]);
    let lower = 0;
    let upper = 0;
    for (const c of counted) {
      if (c.keyword === c.keyword.toLowerCase()) lower++;
      else if (c.keyword === c.keyword.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    const want = (k: string): string => (majorityLower ? k.toLowerCase() : k.toUpperCase());
    for (const c of model.dockerfile.instructions) {
      const target = want(c.keyword);
      if (c.keyword === target) continue;
      report({
        message: `keyword '${c.keyword}' should match the case of the other instructions (${majorityLower ? "lowercase" : "uppercase"}): write ${target}`,
        range: c.node.keywordRange,
        fix: { description: `write ${target}`, safety: "safe", edits: [replaceRange(c.node.keywordRange, target)] },
      });
    }
  },
);
