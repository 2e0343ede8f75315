/**
 * Redaction of an audit report: every string in it passes through
 * src/secrets redact (messages, notes, summaries, gate messages, actions,
 * file names), so no output format can print a secret a finding quoted.
 * The files goship init would write (`generated`) are goship's own text:
 * they are kept byte for byte unless the secret scanner finds a credential
 * in them (redact's patterns also hit prose such as "bearer authentication"
 * in an OpenAPI security scheme's description). Pure; returns a new report.
 */
import { scanText } from "../secrets/scan.js";
import { redact } from "../secrets/redact.js";
import type { AuditReport } from "./types.js";

function deep<T>(v: T): T {
  if (typeof v === "string") return redact(v) as T;
  if (Array.isArray(v)) return v.map((x) => deep(x)) as T;
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = deep(x);
    return out as T;
  }
  return v;
}

export function redactReport(r: AuditReport): AuditReport {
  const { generated, ...rest } = r;
  const out = deep(rest) as AuditReport;
  if (!generated) return out;
  return { ...out, generated: generated.map((g) => ({ path: redact(g.path), content: scanText(g.content, { file: g.path }).length > 0 ? redact(g.content) : g.content })) };
}
