/**
 * JSON report, schema version 1 (documented in docs/output/json.md):
 * `{ "version": 1, "tool": {"name","version"}, "files": [...], "findings": [
 *   {"ruleId","severity","message","file","line","column","endLine"?,"endColumn"?,"fix"?} ],
 *   "summary": {"error": n, "warning": n, "info": n} }`.
 * Key order and finding order are stable, so outputs diff cleanly.
 */
import type { Finding } from "../finding/finding.js";
import type { Formatter } from "./report.js";

export const JSON_REPORT_VERSION = 1;

export const formatJson: Formatter = (input) => {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of input.findings) summary[f.severity]++;
  const doc = {
    version: JSON_REPORT_VERSION,
    tool: { name: "goship", version: input.toolVersion },
    files: input.files,
    findings: input.findings.map(findingJson),
    summary,
  };
  return JSON.stringify(doc, null, 2) + "\n";
};

function findingJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
  };
  if (f.endLine !== undefined) o.endLine = f.endLine;
  if (f.endColumn !== undefined) o.endColumn = f.endColumn;
  if (f.fix) o.fix = f.fix;
  return o;
}
