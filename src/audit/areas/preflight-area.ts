/**
 * Audit area "preflight": can this machine reach the module sources the
 * build needs (src/preflight runPreflight: DNS, TCP, TLS, HTTP of GOPROXY,
 * GOSUMDB and VCS hosts, with the root Dockerfile's ARG/ENV defaults). Each
 * unreachable target is a finding: an error when the build could not fetch
 * its modules at all, a warning when a fallback still serves. Skipped by
 * `--no-preflight` and by `--offline`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../finding/finding.js";
import { runPreflight } from "../../preflight/run-preflight.js";
import { adviceFor } from "../../preflight/verdict.js";
import { failedArea, ranArea, skippedArea } from "../score.js";
import type { AreaResult } from "../types.js";

export interface PreflightAreaOptions {
  readonly skip: "offline" | "flag" | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

export async function preflightArea(root: string, o: PreflightAreaOptions): Promise<AreaResult> {
  if (o.skip === "offline") return skippedArea("preflight", "skipped", "--offline: no network probes");
  if (o.skip === "flag") return skippedArea("preflight", "skipped", "--no-preflight");
  const dockerfile = existsSync(join(root, "Dockerfile")) ? join(root, "Dockerfile") : undefined;
  let report;
  try {
    report = await runPreflight({ env: o.env, moduleDir: root, ...(dockerfile ? { dockerfile } : {}), timeoutMs: o.timeoutMs ?? 5000 });
  } catch (e) {
    return failedArea("preflight", (e as Error).message);
  }
  const findings: Finding[] = [];
  for (const r of report.results) {
    if (r.outcome === "ok" || r.outcome === "not-found") continue;
    const advice = adviceFor(r, report.timeoutMs) ?? `${r.target.url} is not reachable`;
    findings.push({ ruleId: `preflight/${r.target.kind}`, severity: report.verdict.ok ? "warning" : "error", message: advice, file: dockerfile ? "Dockerfile" : "go.mod", line: 0, column: 0 });
  }
  const served = report.verdict.servedBy ? `modules served by ${report.verdict.servedBy}` : "no source serves the modules";
  return ranArea("preflight", findings, `${report.results.length} targets probed, ${served}`);
}
