/**
 * Scores and the "top fixes first" list of an audit. Pure.
 *
 * Area score: 100 - 25 × errors - 8 × warnings - 2 × infos, floored at 0
 * (null for a skipped or failed area). Overall score: the mean of the area
 * scores that are not null, rounded; 100 when no area ran. Top fixes: errors
 * before warnings (infos only when fewer than `limit` errors and warnings
 * exist), within a severity the most valuable first: secrets and policy
 * gates, then image security, then findings whose rule fires most often
 * (one fix removes them all), then file and line.
 */
import { severityRank, type Finding, type Severity } from "../finding/finding.js";
import type { AreaResult, AreaStatus, AuditArea, SeverityCounts, TopFix } from "./types.js";

export const SCORE_WEIGHTS: Readonly<Record<Severity, number>> = { error: 25, warning: 8, info: 2 };

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === "error") error++;
    else if (f.severity === "warning") warning++;
    else info++;
  }
  return { error, warning, info };
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

export function areaScore(findings: readonly Finding[]): number {
  const c = countSeverities(findings);
  return Math.max(0, 100 - SCORE_WEIGHTS.error * c.error - SCORE_WEIGHTS.warning * c.warning - SCORE_WEIGHTS.info * c.info);
}

/** Mean of the non-null area scores, rounded; 100 when none ran. */
export function overallScore(areas: readonly AreaResult[]): number {
  const s = areas.map((a) => a.score).filter((x): x is number => x !== null);
  return s.length === 0 ? 100 : Math.round(s.reduce((a, b) => a + b, 0) / s.length);
}

/** ok when nothing at warning or above, else findings. */
export function statusOf(findings: readonly Finding[]): AreaStatus {
  return findings.some((f) => f.severity !== "info") ? "findings" : "ok";
}

/** "2 errors, 5 warnings" (only the non-zero parts; "no findings" when none). */
export function countsText(c: SeverityCounts): string {
  const parts: string[] = [];
  if (c.error) parts.push(`${c.error} error${c.error === 1 ? "" : "s"}`);
  if (c.warning) parts.push(`${c.warning} warning${c.warning === 1 ? "" : "s"}`);
  if (c.info) parts.push(`${c.info} info`);
  return parts.length ? parts.join(", ") : "no findings";
}

/** Builds a ran area (ok/findings) with its score and summary. */
export function ranArea(area: AuditArea, findings: readonly Finding[], what: string, note?: string): AreaResult {
  const summary = what ? `${what}: ${countsText(countSeverities(findings))}` : countsText(countSeverities(findings));
  return { area, status: statusOf(findings), score: areaScore(findings), summary, ...(note !== undefined ? { note } : {}), findings };
}

/** A skipped area (by a flag or nothing to check). */
export function skippedArea(area: AuditArea, summary: string, note: string): AreaResult {
  return { area, status: "skipped", score: null, summary, note, findings: [] };
}

/** An area that could not run. */
export function failedArea(area: AuditArea, note: string, findings: readonly Finding[] = []): AreaResult {
  return { area, status: "failed", score: null, summary: "could not run", note, findings };
}

/** 0 = most valuable. */
function valueClass(area: AuditArea, ruleId: string): number {
  if (ruleId.startsWith("secrets/") || ruleId === "GS402" || ruleId === "GS203" || ruleId === "GS407") return 0;
  if (area === "policy") return 1;
  if (area === "image" || /^GS4/.test(ruleId) || area === "verify") return 2;
  if (area === "doctor") return 3;
  return 4;
}

const ACTIONS: Readonly<Record<string, string>> = {
  GS101: "Build in a golang stage and copy only the binary into a small runtime stage (goship init writes one).",
  GS102: "Copy go.mod and go.sum and run `go mod download` before copying the source.",
  GS104: "Build with CGO_ENABLED=0 or run on an image with the same libc as the build stage.",
  GS106: "Raise the golang image tag to at least the go version in go.mod.",
  GS201: "Remove GOFLAGS=-insecure/GONOSUMCHECK/GOSUMDB=off so module checksums are verified.",
  GS203: "Pass private module credentials with a BuildKit secret mount (RUN --mount=type=secret), never ARG/ENV/COPY.",
  GS205: "Pin the base image to a version tag (and ideally a digest).",
  GS208: "Use a base image from a trusted registry (lint.trustedRegistries / policy.allowedRegistries).",
  GS301: "Remove `|| true` so a failing step fails the build.",
  GS302: "Add `set -o pipefail` (SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]) before piped RUN commands.",
  GS401: "Add `USER 65532:65532` (or another non-root UID) to the final stage.",
  GS402: "Remove the secret from ENV/ARG and pass it with a BuildKit secret mount; rotate the exposed value.",
  GS404: "Use --no-install-recommends and clean the package lists in the same RUN.",
  GS407: "Stop copying keys or credentials into the image; exclude them in .dockerignore and use a secret mount.",
  GS501: "Add a .dockerignore (goship init writes an allow-list one).",
  GS502: "Fix the .dockerignore so the files the Dockerfile copies are sent.",
  GS503: "Exclude the junk and secret files in .dockerignore (goship context --fix).",
  GS504: "Shrink the build context: exclude large files in .dockerignore (goship context --fix-all).",
  "context/no-dockerignore": "Add a .dockerignore (goship init writes an allow-list one; goship context --fix adds lines).",
  "context/too-large": "Exclude large and unused files from the context (goship context --fix-all).",
  "init/no-dockerfile": "Run `goship init` to write the Dockerfile and .dockerignore shown in this report.",
  "init/hand-written": "Nothing required; compare with `goship init --stdout` and adopt what helps (goship init --force replaces it).",
  "init/missing": "Run `goship init` to add the missing file (it never overwrites hand-written files without --force).",
  "init/drift": "Run `goship init --force` to regenerate, or `goship init --check` to see the diff.",
  "image/root-user": "Rebuild the image with a non-root USER in its final stage.",
  "image/secret": "Remove the secret from the image's files (it is in a layer for anyone who pulls it), rebuild, and rotate it.",
  "image/secret-config": "Rebuild without the secret in ENV/LABEL/ARG (use a BuildKit secret mount or inject it at run time), and rotate it.",
  "image/secret-file": "Keep credential files out of the image (exclude them in .dockerignore, use secret mounts), rebuild, and rotate them.",
  "lint/parse-error": "Fix the Dockerfile syntax error (goship lint names the line).",
  "context/unreadable": "Make the folder readable or exclude it in .dockerignore.",
  "context/large-file": "Exclude the file in .dockerignore unless the build copies it (goship context --fix-all).",
  "context/unused": "Exclude what no COPY/ADD reaches in .dockerignore (goship context --fix-all shows the lines).",
  "preflight/proxy": "Make the module proxy reachable from where the build runs (DNS, firewall, HTTP proxy) or set GOPROXY to one that is; `goship preflight` shows each step.",
  "preflight/sumdb": "Make the checksum database reachable from the build or set GOSUMDB to a mirror that is (keep it on); `goship preflight` shows each step.",
  "preflight/vcs": "Let the build reach the VCS host of direct modules, or serve them from a module proxy (GOPROXY).",
  "verify/offline": "Run `goship verify` with network access.",
};

/** What to do about a finding, one sentence. */
export function actionFor(area: AuditArea, f: Finding, ruleTitles: ReadonlyMap<string, string>): string {
  if (f.fix) return sentence(f.fix.description);
  const known = ACTIONS[f.ruleId];
  if (known) return known;
  if (f.ruleId.startsWith("secrets/")) return `Remove the secret from ${f.file || "the file"} (or exclude the file from the context) and rotate it.`;
  if (f.ruleId.startsWith("context/")) return "Exclude these paths in .dockerignore (goship context --fix shows the lines).";
  if (f.ruleId.startsWith("policy/")) return `Change the repository or image so the gate ${f.ruleId.slice(7)} passes, or relax it in .goship.yaml.`;
  if (/^GS\d{3}$/.test(f.ruleId)) return `Fix "${ruleTitles.get(f.ruleId) ?? f.ruleId}"; \`goship lint --explain ${f.ruleId}\` shows a good example.`;
  if (/^GD\d{3}$/.test(f.ruleId)) return `Fix the build step named in the log; \`goship doctor --explain ${f.ruleId}\` says how.`;
  if (/^GV\d{3}$/.test(f.ruleId)) return "Check the go.sum line against the module's real content (goship verify --download) before trusting it.";
  return `Resolve ${f.ruleId} in ${area}.`;
}

function sentence(s: string): string {
  const t = s.trim();
  const c = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(c) ? c : `${c}.`;
}

/** The most valuable findings across areas, each with an action. */
export function topFixes(areas: readonly AreaResult[], ruleTitles: ReadonlyMap<string, string>, limit = 10): TopFix[] {
  const all = areas.flatMap((a) => a.findings.map((f) => ({ area: a.area, f })));
  const perRule = new Map<string, number>();
  for (const { f } of all) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const serious = all.filter((x) => x.f.severity !== "info");
  const pool = serious.length >= limit ? serious : all;
  const sorted = [...pool].sort(
    (a, b) =>
      severityRank(b.f.severity) - severityRank(a.f.severity) ||
      valueClass(a.area, a.f.ruleId) - valueClass(b.area, b.f.ruleId) ||
      (perRule.get(b.f.ruleId) ?? 0) - (perRule.get(a.f.ruleId) ?? 0) ||
      (a.f.ruleId < b.f.ruleId ? -1 : a.f.ruleId > b.f.ruleId ? 1 : 0) ||
      (a.f.file < b.f.file ? -1 : a.f.file > b.f.file ? 1 : 0) ||
      a.f.line - b.f.line,
  );
  // One line per rule and file: the first occurrence stands for the others.
  const seen = new Set<string>();
  const out: TopFix[] = [];
  for (const { area, f } of sorted) {
    const key = `${f.ruleId}\u0000${f.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ area, ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, message: f.message, action: actionFor(area, f, ruleTitles) });
    if (out.length >= limit) break;
  }
  return out;
}
