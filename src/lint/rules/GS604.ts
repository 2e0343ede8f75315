/**
 * GS604: `FROM x as y` where the AS keyword's casing differs from FROM's
 * (BuildKit FromAsCasing). A FROM keyword in mixed case is GS612's business
 * and is not checked here, as in BuildKit. Safe fix: rewrite AS in FROM's case.
 */
import { defineRule } from "../rule.js";
import { stageNameTokens } from "../facts/stage-names.js";
import { caseLike, replaceRange } from "../facts/stage-edits.js";

export default defineRule(
  {
    id: "GS604",
    title: "AS keyword casing differs from FROM",
    severity: "warning",
    category: "semantics",
    hadolint: [],
    buildkit: ["FromAsCasing"],
    fixable: true,
  },
  ({ model, report }) => {
    for (const t of stageNameTokens(model)) {
      const from = t.from.keyword;
      const lower = from === from.toLowerCase();
      const upper = from === from.toUpperCase();
      if (!lower && !upper) continue;
      const want = caseLike(t.as, from);
      if (t.as === want) continue;
      report({
        message: `'${t.as}' and '${from}' keywords' casing do not match: write \`${from} ... ${want} ${t.name}\``,
        range: t.asRange ?? t.from.node.keywordRange,
        ...(t.asRange ? { fix: { description: `write ${want}`, safety: "safe" as const, edits: [replaceRange(t.asRange, want)] } } : {}),
      });
    }
  },
);
