/**
 * Turns doctor findings into goship's common Finding (src/finding) so the
 * shared SARIF and GitHub formats print them: located at the Dockerfile line
 * when `--dockerfile` linked the step, else at the first evidence line of the
 * log. The message is cause, evidence reference and fix in one line.
 */
import type { Finding } from "../finding/finding.js";
import { redact } from "../secrets/redact.js";
import type { NamedResult } from "./format-json.js";

export function toFindings(results: readonly NamedResult[], dockerfile?: string): Finding[] {
  const out: Finding[] = [];
  for (const { file, result } of results) {
    for (const f of result.findings) {
      const dfLine = f.step?.dockerfileLine;
      const logLine = f.evidence[0]?.line ?? 0;
      const atDockerfile = dockerfile !== undefined && dfLine !== undefined;
      const where = `${file}:${logLine}`;
      out.push({
        ruleId: f.id,
        severity: f.severity,
        message: `${redact(f.cause)}${f.causedBy !== undefined ? ` (consequence of ${f.causedBy})` : ""} [log ${where}] Fix: ${f.fix}`,
        file: atDockerfile ? dockerfile : file,
        line: atDockerfile ? dfLine : logLine,
        column: 0,
      });
    }
  }
  return out;
}
