/**
 * SARIF 2.1.0 of an audit: every area's findings in one run (src/report
 * sarif.ts), with the rules that ran (lint, doctor) described, and each
 * result tagged with its area in `properties`. Paths are relative to the
 * audited root. Findings of the image (file "<ref> (config)" or
 * "<ref>:/path") keep that name as their artifact URI. Pure.
 */
import { DIAGNOSES } from "../doctor/index.js";
import { sortFindings } from "../finding/finding.js";
import { RULES } from "../lint/rules/index.js";
import { formatSarif } from "../report/sarif.js";
import type { AuditReport } from "./types.js";

export function formatAuditSarif(r: AuditReport): string {
  const findings = sortFindings(r.areas.flatMap((a) => a.findings));
  const used = new Set(findings.map((f) => f.ruleId));
  const rules = [
    ...RULES.map((x) => ({ id: x.meta.id, title: x.meta.title, severity: x.meta.severity, docs: `docs/rules/${x.meta.id}.md` })),
    ...DIAGNOSES.filter((d) => used.has(d.id)).map((d) => ({ id: d.id, title: d.title, severity: d.severity, docs: `docs/doctor/${d.id}.md` })),
  ];
  const area = new Map<string, string>();
  for (const a of r.areas) for (const f of a.findings) area.set(`${f.ruleId}\u0000${f.file}\u0000${f.line}\u0000${f.message}`, a.area);
  const doc = JSON.parse(formatSarif({ findings, files: [], rules, toolVersion: r.tool.version }, { color: false })) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties?: Record<string, unknown> }[]; properties?: Record<string, unknown> }[];
  };
  const run = doc.runs[0]!;
  run.results.forEach((res, i) => {
    const f = findings[i]!;
    res.properties = { area: area.get(`${f.ruleId}\u0000${f.file}\u0000${f.line}\u0000${f.message}`) ?? "" };
    if (f.file === "") res.locations[0]!.physicalLocation.artifactLocation.uri = ".";
  });
  run.properties = { score: r.score, gates: r.gates };
  return JSON.stringify(doc, null, 2) + "\n";
}
