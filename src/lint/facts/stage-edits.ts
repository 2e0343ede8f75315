/**
 * Text edits on Dockerfile tokens for the GS6xx fixes: replace a token's
 * range, and rewrite a keyword in the casing the file uses. Ranges are the
 * parser's (1-based, exclusive end); nothing here touches shell text.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { TextEdit } from "../../finding/finding.js";

/** An edit replacing `range` with `text`. */
export function replaceRange(range: Range, text: string): TextEdit {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column, text };
}

/** `word` in the casing of `like`: lower when `like` is all lower case, else upper. */
export function caseLike(word: string, like: string): string {
  return like === like.toLowerCase() ? word.toLowerCase() : word.toUpperCase();
}

/** True when the whole range lies on one line. */
export function singleLine(range: Range): boolean {
  return range.start.line === range.end.line;
}
