/**
 * Audit area "lint": every Dockerfile under the audited root (found like
 * `goship lint` with no path), linted with the configuration in force. A
 * Dockerfile that does not parse is a finding (lint/parse-error) of this
 * area, not an input error of the audit. Also returns the parsed sources
 * so the policy gates can read them.
 */
import { discoverDockerfiles } from "../../lint/discover.js";
import { lintFiles } from "../../lint/lint-files.js";
import type { Finding } from "../../finding/finding.js";
import { join } from "node:path";
import { ranArea, skippedArea } from "../score.js";
import type { AreaResult } from "../types.js";

export interface LintAreaResult {
  readonly area: AreaResult;
  /** Dockerfiles found, relative to the root, with their text (null when unreadable). */
  readonly dockerfiles: readonly { readonly file: string; readonly source: string | null }[];
}

export async function lintArea(root: string, configFile: string | null): Promise<LintAreaResult> {
  const files = await discoverDockerfiles([], root);
  if (files.length === 0) return { area: skippedArea("lint", "no Dockerfile", "no Dockerfile found (Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*)"), dockerfiles: [] };
  const outcomes = await lintFiles(
    files.map((f) => ({ display: f, path: join(root, f) })),
    { cwd: root, ...(configFile !== null ? { configFile } : {}) },
  );
  const findings: Finding[] = [];
  for (const o of outcomes) {
    if (o.error) {
      const r = o.error.range;
      findings.push({
        ruleId: "lint/parse-error",
        severity: "error",
        message: `does not parse, so it cannot be built: ${o.error.message}`,
        file: o.file,
        line: r?.start.line ?? 0,
        column: r?.start.column ?? 0,
      });
    } else findings.push(...o.findings);
  }
  const n = files.length;
  return {
    area: ranArea("lint", findings, `${n} Dockerfile${n === 1 ? "" : "s"}`),
    dockerfiles: outcomes.map((o) => ({ file: o.file, source: o.error ? null : o.source })),
  };
}
