/**
 * Finding: the one shape every goship analysis returns (lint, context,
 * doctor, verify, ...) and every report format prints. Findings are plain,
 * read-only data; only src/report turns them into text.
 */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A text edit: replace [start, end) (1-based line/column, end exclusive) with `text`. */
export interface TextEdit {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

export interface Fix {
  readonly description: string;
  /** Safe fixes keep behaviour and are applied by `--fix`; others are suggestions only. */
  readonly safety: "safe" | "suggestion";
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** Rule or diagnosis ID: GSnnn (lint), GDnnn (doctor), ... */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** File the finding is about, as the user named it (relative paths stay relative). */
  readonly file: string;
  /** 1-based; 0 means "the whole file". */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fix?: Fix;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Numeric rank: error 3 > warning 2 > info 1. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** True when `s` is at or above `threshold` ("none" never is). */
export function atOrAbove(s: Severity, threshold: Severity | "none"): boolean {
  return threshold !== "none" && RANK[s] >= RANK[threshold];
}

export function isSeverity(v: unknown): v is Severity {
  return v === "error" || v === "warning" || v === "info";
}

/** The one order every output uses: file, line, column, rule ID, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

export function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort(compareFindings);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
