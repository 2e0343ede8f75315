/**
 * GS602: two stages share a name (BuildKit DuplicateStageName, hadolint
 * DL3024). `COPY --from=<name>` and `FROM <name>` then silently pick one of
 * them, and which one is easy to misread.
 */
import { defineRule } from "../rule.js";
import { stageNameTokens } from "../facts/stage-names.js";

export default defineRule(
  {
    id: "GS602",
    title: "duplicate stage name",
    severity: "error",
    category: "semantics",
    hadolint: ["DL3024"],
    buildkit: ["DuplicateStageName"],
    fixable: false,
  },
  ({ model, report }) => {
    const first = new Map<string, number>();
    for (const t of stageNameTokens(model)) {
      const lower = t.name.toLowerCase();
      const line = first.get(lower);
      if (line === undefined) {
        first.set(lower, t.from.startLine);
        continue;
      }
      report({
        message: `duplicate stage name "${lower}" (first defined on line ${line}): stage names must be unique, rename one of them and its --from/FROM references`,
        range: t.nameRange ?? t.from.node.keywordRange,
      });
    }
  },
);
