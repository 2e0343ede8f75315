/** The realistic audit report the HTML tests render (test/fixtures/audit/report.json). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditReport, ContextNode } from "../../src/audit/types.js";
import { ROOT } from "../support/paths.js";

export const REPORT_FIXTURE = join(ROOT, "test", "fixtures", "audit", "report.json");

export function loadReport(): AuditReport {
  return JSON.parse(readFileSync(REPORT_FIXTURE, "utf8")) as AuditReport;
}

/** The injected markers the fixture's payloads would set if any ran. */
export const XSS_MARKERS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Raw payload fragments from the fixture that must only ever appear escaped. */
export const PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=2>",
  "<svg onload=window.__xss=3>",
  "</title><script>window.__xss=4</script>",
  "</title><script>window.__xss=5</script>",
  "<script>window.__xss=6</script>",
  '"><script>window.__xss=7</script>',
  "<b onmouseover=window.__xss=8>",
];

/** The unredacted token the fixture hides in a layer command. */
export const RAW_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

/** Every node of the tree with its depth (root = 0). */
export function walkTree(n: ContextNode, depth = 0, out: { node: ContextNode; depth: number }[] = []): { node: ContextNode; depth: number }[] {
  out.push({ node: n, depth });
  for (const c of n.children ?? []) walkTree(c, depth + 1, out);
  return out;
}
