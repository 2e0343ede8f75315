/**
 * GS603: a stage name with upper-case letters (BuildKit StageNameCasing).
 * BuildKit lower-cases stage names, so `AS Builder` is `builder` for every
 * `--from=`; writing it lower case keeps names and references alike.
 * The safe fix lower-cases the name and every reference to the stage:
 * `FROM <name>` of later stages, `COPY --from=<name>`, `--mount=from=<name>`.
 */
import type { TextEdit } from "../../finding/finding.js";
import { defineRule } from "../rule.js";
import { stageNameTokens, stageReferences } from "../facts/stage-names.js";
import { replaceRange as edit } from "../facts/stage-edits.js";

export default defineRule(
  {
    id: "GS603",
    title: "stage name not lowercase",
    severity: "warning",
    category: "semantics",
    hadolint: [],
    buildkit: ["StageNameCasing"],
    fixable: true,
  },
  ({ model, report }) => {
    const refs = stageReferences(model);
    for (const t of stageNameTokens(model)) {
      const lower = t.name.toLowerCase();
      if (t.name === lower) continue;
      const edits: TextEdit[] = [];
      let complete = t.nameRange !== undefined;
      if (t.nameRange) edits.push(edit(t.nameRange, lower));
      for (const r of refs) {
        if (r.text.toLowerCase() !== lower || r.text === lower) continue;
        // FROM <name> means this stage only after it; before, it names an image.
        if (r.kind === "from" && r.inStage <= t.stage.index) continue;
        if (r.range) edits.push(edit(r.range, lower));
        else complete = false;
      }
      report({
        message: `stage name "${t.name}" should be lowercase: BuildKit lower-cases stage names; write "${lower}" here and in every --from/FROM reference`,
        range: t.nameRange ?? t.from.node.keywordRange,
        ...(complete ? { fix: { description: `rename stage "${t.name}" to "${lower}" and its references`, safety: "safe" as const, edits } } : {}),
      });
    }
  },
);

