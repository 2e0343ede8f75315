/**
 * Secret scanning of one text: runs every detector (detectors/), drops
 * documented example values, keeps the first of overlapping hits (detectors
 * are ordered most specific first, so `GITHUB_TOKEN=ghp_...` is a GitHub
 * token, not a generic assignment), and turns hits into findings that carry
 * only a masked preview (redact.ts: at most 4 characters) and a fingerprint.
 * Inline allow comments (`goship:allow-secret` on the line or the line
 * above) and an allow-list (allow-list.ts) mark findings as allowed.
 * Pure: no I/O.
 */
import type { Finding } from "../finding/finding.js";
import type { AllowList } from "./allow-list.js";
import type { Detector } from "./detector.js";
import { DETECTORS } from "./detectors/index.js";
import { fingerprint } from "./fingerprint.js";
import { mask } from "./redact.js";

export interface SecretFinding {
  readonly detector: string;
  /** "an AWS access key ID". */
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** At most the first 4 characters, then `****`. */
  readonly preview: string;
  /** First 12 hex digits of the value's SHA-256. */
  readonly fingerprint: string;
  /** Why the finding is allowed, or null. */
  readonly allowed: "inline" | "allow-list" | null;
}

export interface ScanOptions {
  readonly file?: string;
  readonly detectors?: readonly Detector[];
  /** Keep documented example values (AKIAIOSFODNN7EXAMPLE). */
  readonly includeExamples?: boolean;
  readonly allow?: AllowList;
}

export const ALLOW_COMMENT = "goship:allow-secret";

/** Offsets of line starts, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function scanText(text: string, opts: ScanOptions = {}): SecretFinding[] {
  const file = opts.file ?? "";
  const hits: { d: Detector; index: number; end: number; secret: string; order: number; example: boolean }[] = [];
  (opts.detectors ?? DETECTORS).forEach((d, order) => {
    if (!d.hint.test(text)) return;
    for (const m of d.scan(text, { file })) {
      // An example still claims its place, so no generic detector reports it instead.
      hits.push({ d, index: m.index, end: m.index + m.secret.length, secret: m.secret, order, example: m.example === true && opts.includeExamples !== true });
    }
  });
  if (hits.length === 0) return [];
  hits.sort((a, b) => a.order - b.order || a.index - b.index);
  const kept: typeof hits = [];
  for (const h of hits) if (!kept.some((k) => h.index < k.end && k.index < h.end)) kept.push(h);
  const shown = kept.filter((h) => !h.example).sort((a, b) => a.index - b.index);
  if (shown.length === 0) return [];
  const starts = lineStarts(text);
  const lines = text.split("\n");
  return shown.map((h) => {
    const start = position(starts, h.index);
    const end = position(starts, h.end);
    const fp = fingerprint(h.secret);
    const here = lines[start.line - 1] ?? "";
    const above = lines[start.line - 2] ?? "";
    const inline = here.includes(ALLOW_COMMENT) || above.includes(ALLOW_COMMENT);
    const listed = !inline && opts.allow !== undefined && opts.allow.allows({ file, detector: h.d.id, fingerprint: fp });
    return {
      detector: h.d.id,
      title: h.d.title,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      preview: mask(h.secret),
      fingerprint: fp,
      allowed: inline ? "inline" : listed ? "allow-list" : null,
    };
  });
}

/** The kind of credential a value holds ("a GitHub token"), or null; documented examples count. */
export function credentialKind(value: string): string | null {
  return scanText(value, { includeExamples: true, detectors: DETECTORS.filter((d) => d.id !== "generic-secret" && d.id !== "netrc-password") })[0]?.title ?? null;
}

/** A SecretFinding as the Finding every report format prints. */
export function secretToFinding(s: SecretFinding): Finding {
  return {
    ruleId: `secrets/${s.detector}`,
    severity: s.allowed ? "info" : "error",
    message: `${s.title} (${s.preview}, fingerprint ${s.fingerprint})${s.allowed ? ` allowed by ${s.allowed === "inline" ? ALLOW_COMMENT : "the allow-list"}` : ""}`,
    file: s.file,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
  };
}
