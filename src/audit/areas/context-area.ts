/**
 * Audit area "context": what a build of the audited root sends (the root
 * is the context; its Dockerfile, when there is one, picks the ignore file
 * and the unused-weight check): no ignore file, junk by name, secrets in the
 * files sent (src/secrets scanContext), files over the large-file size, the
 * weight no COPY/ADD reaches, and a context over lint.contextSizeLimit.
 * Returns the ContextSummary (size tree for the treemap) too.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { GoshipConfig } from "../../config/config.js";
import { formatBytes, inspectContext, JUNK_LABEL, sizeTree, type JunkKind } from "../../context/index.js";
import type { Finding, Severity } from "../../finding/finding.js";
import { EMPTY_ALLOW_LIST, loadAllowList, scanContext, secretToFinding } from "../../secrets/index.js";
import { contextSummary } from "../context-summary.js";
import { ranArea } from "../score.js";
import type { AreaResult, ContextSummary } from "../types.js";

const JUNK_SEVERITY: Readonly<Record<JunkKind, Severity>> = {
  git: "warning",
  env: "error",
  local: "warning",
  key: "error",
  credentials: "error",
  kubeconfig: "error",
  "cloud-credentials": "error",
  node_modules: "warning",
  "build-output": "warning",
};

export interface ContextAreaResult {
  readonly area: AreaResult;
  readonly summary: ContextSummary;
}

export async function contextArea(root: string, config: GoshipConfig): Promise<ContextAreaResult> {
  const dockerfile = existsSync(join(root, "Dockerfile")) ? join(root, "Dockerfile") : undefined;
  const report = await inspectContext({ contextDir: root, ...(dockerfile ? { dockerfile } : {}) });
  const ignoreRel = report.ignoreFile ? relative(root, report.ignoreFile).split("\\").join("/") : null;
  const ignoreShown = ignoreRel ?? ".dockerignore";
  const findings: Finding[] = [];
  const at = (ruleId: string, severity: Severity, message: string, file = ignoreShown): Finding => ({ ruleId, severity, message, file, line: 0, column: 0 });
  if (report.ignoreFile === null) {
    findings.push(at("context/no-dockerignore", "warning", `no .dockerignore: every file under the root (${report.totals.files} files, ${formatBytes(report.totals.bytes)}) is sent to the builder and can end up in an image by COPY . .`));
  }
  for (const j of report.junk) {
    const more = j.count > j.examples.length ? ` and ${j.count - j.examples.length} more` : "";
    findings.push(at(`context/${j.kind}`, JUNK_SEVERITY[j.kind], `${JUNK_LABEL[j.kind]} in the build context: ${j.examples.join(", ")}${more}; exclude with ${j.ignoreLines.map((l) => `\`${l}\``).join(", ")} in ${ignoreShown}`));
  }
  for (const u of report.unreadable) findings.push(at("context/unreadable", "warning", `unreadable folder ${u}: BuildKit fails the context transfer`, u));
  for (const l of report.large.slice(0, 20)) findings.push(at("context/large-file", "info", `${l.path} is ${formatBytes(l.bytes)} (${formatBytes(report.largeFileBytes)} or more)`, l.path));
  if (report.unused && report.unused.files.length > 0 && report.unused.bytes >= 1_000_000) {
    findings.push(at("context/unused", "info", `${formatBytes(report.unused.bytes)} in ${report.unused.files.length} files no COPY/ADD of the Dockerfile reaches: ${report.unused.roots.slice(0, 5).join(", ")}`));
  }
  const limit = config.lint.contextSizeLimit;
  if (report.totals.bytes > limit) {
    findings.push(at("context/too-large", "warning", `the build context is ${formatBytes(report.totals.bytes)}, over lint.contextSizeLimit (${formatBytes(limit)})`));
  }
  const allow = config.file ? loadAllowList(config.file) : EMPTY_ALLOW_LIST;
  const secrets = await scanContext(root, dockerfile, { cwd: root, allow });
  findings.push(...secrets.findings.filter((s) => s.allowed === null).map(secretToFinding));
  const summary = contextSummary(".", ignoreRel, sizeTree(report.entries));
  const t = report.totals;
  return { area: ranArea("context", findings, `${t.files} files, ${formatBytes(t.bytes)}`), summary };
}
