/**
 * Applies fixes (text edits) to a source text. Edits of one fix apply
 * together or not at all; a fix whose edits overlap an already accepted one
 * is dropped (tally's conflict rule), so applying never corrupts the file.
 * Positions are 1-based line/column with an exclusive end.
 */
import type { Fix, TextEdit } from "../finding/finding.js";

export interface FixResult {
  readonly text: string;
  readonly applied: number;
  readonly skipped: number;
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const starts = lineStarts(text);
  const offset = (line: number, column: number): number => {
    const base = starts[line - 1];
    if (base === undefined) return text.length;
    return Math.min(base + column - 1, text.length);
  };
  const accepted: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    const edits = fix.edits.map((e: TextEdit) => ({ start: offset(e.line, e.column), end: offset(e.endLine, e.endColumn), text: e.text }));
    const clash = edits.some((e) => accepted.some((a) => overlaps(a, e)));
    if (clash) {
      skipped++;
      continue;
    }
    accepted.push(...edits);
    applied++;
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of accepted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied, skipped };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  // Two insertions at one point clash too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}
