/**
 * GS607: `COPY --from=<name>` that names no stage and does not look like an
 * image reference (hadolint DL3022: a typo'd stage name makes BuildKit pull
 * an image of that name), or that names the current or a later stage
 * (DL3023: BuildKit fails, a stage can only copy from stages before it).
 * A value with `:`, `/`, `@` or `.` is taken as an image; `--from=${X}` is
 * not checked. A bare name may also be a named build context
 * (`--build-context name=...`): silence the finding for those.
 */
import { levenshtein as dist } from "../../dockerfile/instructions/suggest.js";
import { defineRule } from "../rule.js";
import { stageByName, stageReferences } from "../facts/stage-names.js";

export default defineRule(
  {
    id: "GS607",
    title: "COPY --from names no earlier stage",
    severity: "error",
    category: "semantics",
    hadolint: ["DL3022", "DL3023"],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const stages = model.dockerfile.stages;
    const names = stages.map((s) => s.name).filter((n) => n !== "");
    for (const r of stageReferences(model)) {
      if (r.kind !== "copy") continue;
      const range = r.range ?? r.instruction.node.keywordRange;
      const i = stageByName(stages, r.text);
      if (i !== null) {
        if (i >= r.inStage) {
          const what = i === r.inStage ? "the stage it is in" : `a later stage (line ${stages[i]!.from.startLine})`;
          report({ message: `COPY --from=${r.text} refers to ${what}: a stage can only copy from stages defined before it; move the stage up or copy from an earlier one`, range });
        }
        continue;
      }
      if (/^\d+$/.test(r.text)) {
        report({ message: `COPY --from=${r.text}: there is no stage ${r.text} (stages are numbered from 0 to ${stages.length - 1})`, range });
        continue;
      }
      if (/[:/@.]/.test(r.text)) continue;
      const near = names.filter((n) => n !== r.text.toLowerCase()).sort((a, b) => dist(a, r.text.toLowerCase()) - dist(b, r.text.toLowerCase()))[0];
      const hint = near !== undefined && dist(near, r.text.toLowerCase()) <= 2 ? ` (did you mean ${near}?)` : "";
      report({
        message: `COPY --from=${r.text} names no stage${hint}: BuildKit will try to pull an image called "${r.text}"; name an earlier stage (\`FROM ... AS ${r.text.toLowerCase()}\`) or write the image with its tag`,
        range,
      });
    }
  },
);

