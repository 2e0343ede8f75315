/**
 * `goship context --fix`: the .dockerignore text with the lines that exclude
 * what was flagged appended (once, under a comment), and which other context
 * files the new lines would also exclude (so a pattern like `**\/.env*` that
 * catches a wanted `.env.example` is shown before it is written). Pure: the
 * command writes the text atomically and prints the diff.
 * Leaves out rewriting or reordering existing lines: only appends.
 */
import { compilePatterns, parseIgnoreFile } from "../ignore/index.js";
import type { ContextEntry } from "./walk.js";

export interface IgnoreFixPlan {
  /** Lines appended (already present lines are not repeated). */
  readonly added: readonly string[];
  readonly before: string;
  readonly after: string;
  /** Context files excluded by the new text that were not among the flagged paths. */
  readonly alsoExcludes: readonly string[];
  /** Flagged paths the new text still lets through (should be none: appended lines come last; kept as a check). */
  readonly stillIncluded: readonly string[];
}

export const FIX_COMMENT = "# added by goship context --fix";

/**
 * Appends `lines` to `before` (an ignore file's text, "" when none) and checks
 * the result against the context's entries and the `flagged` paths.
 */
export function planIgnoreFix(before: string, lines: readonly string[], entries: readonly ContextEntry[], flagged: readonly string[], file = ".dockerignore"): IgnoreFixPlan {
  const existing = new Set(before.split(/\r?\n/).map((l) => l.trim()));
  const added = [...new Set(lines)].filter((l) => !existing.has(l));
  if (added.length === 0) return { added, before, after: before, alsoExcludes: [], stillIncluded: stillIn(before, flagged, file) };
  const sep = before === "" || before.endsWith("\n") ? "" : "\n";
  const after = `${before}${sep}${before === "" ? "" : "\n"}${FIX_COMMENT}\n${added.join("\n")}\n`;
  const oldM = compilePatterns(parseIgnoreFile(before, file), file);
  const newM = compilePatterns(parseIgnoreFile(after, file), file);
  const flaggedSet = new Set(flagged);
  const underFlagged = (p: string): boolean => {
    for (let i = p.indexOf("/"); i >= 0; i = p.indexOf("/", i + 1)) if (flaggedSet.has(p.slice(0, i))) return true;
    return flaggedSet.has(p);
  };
  const alsoExcludes: string[] = [];
  for (const e of entries) {
    if (e.dir || underFlagged(e.path)) continue;
    if (!oldM.excludedFromContext(e.path) && newM.excludedFromContext(e.path)) alsoExcludes.push(e.path);
  }
  return { added, before, after, alsoExcludes, stillIncluded: stillIn(after, flagged, file) };
}

function stillIn(text: string, flagged: readonly string[], file: string): string[] {
  const m = compilePatterns(parseIgnoreFile(text, file), file);
  return flagged.filter((p) => !m.excludedFromContext(p));
}
