/**
 * GS600: a `# goship ignore=` or `# hadolint ignore=` pragma names a rule
 * that does not exist, so it silences nothing (usually a typo). hadolint's
 * own DL/SC codes that goship does not implement are accepted quietly: the
 * file may be linted by hadolint too.
 */
import { readPragmas } from "../pragma.js";
import { defineRule } from "../rule.js";

export default defineRule(
  {
    id: "GS600",
    title: "pragma names an unknown rule",
    severity: "warning",
    category: "semantics",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report, ruleIds }) => {
    for (const p of readPragmas(model.source)) {
      for (const code of p.codes) {
        const known = p.tool === "goship" ? ruleIds.has(code) : /^(DL|SC)\d{4}$/.test(code);
        if (known) continue;
        const col = (model.lines[p.line - 1] ?? "").indexOf(code) + 1;
        report({
          message: `${p.tool} pragma names unknown rule "${code}"; it silences nothing`,
          range: { start: { line: p.line, column: col }, end: { line: p.line, column: col + code.length } },
        });
      }
    }
  },
);
