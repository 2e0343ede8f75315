/**
 * `goship audit --json`: the AuditReport as JSON (docs/output/audit-json.md),
 * keys in the order of src/audit/types.ts, two-space indented. Pure.
 */
import type { AuditReport } from "./types.js";

export function formatAuditJson(r: AuditReport): string {
  return JSON.stringify(r, null, 2) + "\n";
}
