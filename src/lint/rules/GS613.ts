/**
 * GS613: `ENV key value` legacy form (BuildKit LegacyKeyValueFormat): it
 * sets one variable to the rest of the line, while `ENV key=value` allows
 * several per line and reads unambiguously. Safe fix when the value keeps
 * its meaning: `key=value` when it has no unquoted blanks, `key="value"`
 * when it has blanks but no quotes or escapes, `key=<value>` when the value
 * is one double-quoted string; single-line instructions only.
 */
import { defineRule } from "../rule.js";
import { replaceRange, singleLine } from "../facts/stage-edits.js";

export default defineRule(
  {
    id: "GS613",
    title: "legacy ENV key value form",
    severity: "info",
    category: "semantics",
    hadolint: [],
    buildkit: ["LegacyKeyValueFormat"],
    fixable: true,
  },
  ({ model, report }) => {
    const esc = model.dockerfile.escapeToken;
    for (const c of model.dockerfile.instructions) {
      if (c.kind !== "ENV" || !c.pairs.some((p) => p.noDelim)) continue;
      const p = c.pairs[0]!;
      const value = rewrite(p.value, esc);
      const text = value !== null ? `${p.key}=${value}` : null;
      const [k, v] = c.node.args;
      const fixable = text !== null && c.startLine === c.endLine && k?.range && v?.range && singleLine(c.node.argsRange);
      report({
        message: `legacy "ENV ${p.key} value" form: write ENV ${text ?? `${p.key}=<value>`}`,
        range: c.node.keywordRange,
        ...(fixable ? { fix: { description: "use ENV key=value", safety: "safe" as const, edits: [replaceRange({ start: k.range!.start, end: v.range!.end }, text)] } } : {}),
      });
    }
  },
);

/** The value in key=value syntax with the same meaning, or null. */
function rewrite(value: string, esc: string): string | null {
  if (value === "") return '""';
  // Without blanks the word is the same token in both forms.
  if (!/\s/.test(value)) return value;
  if (!/["'`\\]/.test(value) && !value.includes(esc)) return `"${value}"`;
  if (/^"[^"\\`]*"$/.test(value) && !value.includes(esc)) return value;
  return null;
}
