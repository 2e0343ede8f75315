/**
 * SARIF 2.1.0 → GitLab Code Quality report (the Code Climate JSON subset
 * GitLab reads: description, check_name, fingerprint, severity,
 * location.path, location.lines.begin). Pure. Severity: SARIF error →
 * critical, warning → major, note → minor, none → info. The fingerprint is
 * a SHA-256 of rule, path, line and message, so the same finding keeps its
 * identity between pipelines (GitLab diffs reports by fingerprint).
 */
import { createHash } from "node:crypto";

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: "info" | "minor" | "major" | "critical" | "blocker";
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

interface SarifLike {
  runs?: {
    results?: {
      ruleId?: string;
      level?: string;
      message?: { text?: string };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

const SEVERITY: Readonly<Record<string, CodeQualityIssue["severity"]>> = { error: "critical", warning: "major", note: "minor", none: "info" };

function cleanPath(uri: string): string {
  let p = uri;
  if (p.startsWith("file://")) p = decodeURIComponent(p.slice("file://".length));
  return p.replace(/^\.\//, "");
}

/** Issues of every run of every SARIF log, in order. */
export function sarifToCodeQuality(logs: readonly unknown[]): CodeQualityIssue[] {
  const out: CodeQualityIssue[] = [];
  for (const raw of logs) {
    const log = raw as SarifLike;
    for (const run of log.runs ?? []) {
      for (const r of run.results ?? []) {
        const loc = r.locations?.[0]?.physicalLocation;
        const path = cleanPath(loc?.artifactLocation?.uri ?? "");
        const begin = Math.max(1, loc?.region?.startLine ?? 1);
        const check = r.ruleId ?? "goship";
        const description = r.message?.text ?? check;
        const fingerprint = createHash("sha256").update(`${check}\0${path}\0${begin}\0${description}`).digest("hex");
        out.push({ description, check_name: check, fingerprint, severity: SEVERITY[r.level ?? "warning"] ?? "major", location: { path, lines: { begin } } });
      }
    }
  }
  return out;
}
