/**
 * `goship audit` as a library call: loads the configuration, runs every
 * area on the repository folder (lint, context, init, verify, preflight,
 * doctor, image), applies the policy (severity escalation, gates: area
 * "policy"), scores, picks the top fixes, reads and appends `--history`,
 * and returns the redacted AuditReport with its exit code. User errors
 * (bad config, missing folder, unreadable log, bad --image) throw
 * LocatedError/UsageError before anything is written.
 */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_CONFIG, DEFAULT_POLICY_CONFIG, type GoshipConfig } from "../config/config.js";
import { findConfig } from "../config/find.js";
import { UsageError } from "../diagnostic/located-error.js";
import { atOrAbove, sortFindings, type Severity } from "../finding/finding.js";
import { RULES } from "../lint/rules/index.js";
import { VERSION } from "../version.js";
import { contextArea } from "./areas/context-area.js";
import { initArea } from "./areas/init-area.js";
import { lintArea } from "./areas/lint-area.js";
import { verifyArea } from "./areas/verify-area.js";
import { appendHistory, historyPoint, readHistory } from "./history.js";
import type { LoadedImage } from "./image/load-image.js";
import { escalate, evaluatePolicy } from "./policy.js";
import { redactReport } from "./redact-report.js";
import { addCounts, countSeverities, overallScore, ranArea, skippedArea, topFixes } from "./score.js";
import { AUDIT_AREAS, AUDIT_REPORT_VERSION, type AreaResult, type AuditReport, type ContextSummary, type DependencyInfo, type GeneratedFileInfo, type ImageSummary } from "./types.js";

export interface AuditOptions {
  /** The repository folder, as the user named it (relative to cwd). */
  readonly dir: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Skip the network: verify from caches only, no preflight, no registry. */
  readonly offline?: boolean;
  /** Run preflight (default true; off with --offline). */
  readonly preflight?: boolean;
  /** A build log for the doctor area (relative to cwd). */
  readonly log?: string | null;
  /** An image reference or OCI layout folder (relative to cwd). */
  readonly image?: string | null;
  /** An explicit .goship.yaml (relative to cwd); default the nearest one upward from dir. */
  readonly configFile?: string | null;
  /** Lowest severity that fails; default lint.failureThreshold of the config (warning). */
  readonly failureThreshold?: Severity | "none";
  /** Append this audit to, and read earlier ones from, this folder (relative to cwd). */
  readonly historyDir?: string | null;
  /** Timeout of network steps, ms (verify, preflight). */
  readonly timeoutMs?: number;
}

function createdAt(env: Readonly<Record<string, string | undefined>>): string {
  const sde = env.SOURCE_DATE_EPOCH;
  if (sde !== undefined && /^\d+$/.test(sde)) return new Date(Number(sde) * 1000).toISOString();
  return new Date().toISOString();
}

function gitRevision(root: string): string | undefined {
  try {
    const out = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5000 }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

async function loadConfig(root: string, o: AuditOptions): Promise<GoshipConfig> {
  const file = o.configFile ? resolve(o.cwd, o.configFile) : findConfig(root);
  if (!file) return DEFAULT_CONFIG;
  if (o.configFile && !existsSync(file)) throw new UsageError(`--config ${o.configFile}: no such file`);
  return (await import("../config/load.js")).loadConfigFile(file);
}

export async function runAudit(o: AuditOptions): Promise<AuditReport> {
  const root = resolve(o.cwd, o.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${o.dir}: not a folder`);
  const config = await loadConfig(root, o);
  const policy = config.policy ?? DEFAULT_POLICY_CONFIG;
  const offline = o.offline === true;
  const preflight = o.preflight !== false && !offline;
  const logPath = o.log ? resolve(o.cwd, o.log) : null;
  if (o.image && offline && !existsSync(resolve(o.cwd, o.image))) throw new UsageError(`--image ${o.image}: --offline reads only OCI layout folders, and there is no such folder`);
  // Load the image first: a bad --image is a usage error, reported before any work.
  let loaded: LoadedImage | null = null;
  // Areas that may not run load only when they do (start-up time counts: see bench/audit).
  if (o.image) loaded = await (await import("./image/load-image.js")).loadImage(o.image, o.cwd, o.env as NodeJS.ProcessEnv);

  const lint = await lintArea(root, config.file);
  const ctx = await contextArea(root, config);
  const init = initArea(root, config, o.env, lint.dockerfiles.length > 0);
  const [verify, pre, doctor] = await Promise.all([
    verifyArea(root, { offline, env: o.env, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) }),
    preflight
      ? import("./areas/preflight-area.js").then((m) => m.preflightArea(root, { skip: null, env: o.env, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) }))
      : skippedArea("preflight", "skipped", offline ? "--offline: no network probes" : "--no-preflight"),
    logPath !== null ? import("./areas/doctor-area.js").then((m) => m.doctorArea(root, logPath, o.log ?? "")) : skippedArea("doctor", "no build log", "no build log given (--log FILE)"),
  ]);
  let image: ImageSummary | undefined;
  let dependencies: readonly DependencyInfo[] | undefined;
  let imageResult: AreaResult = skippedArea("image", "no image", "no image given (--image REF or OCI layout folder)");
  if (loaded) {
    const r = await (await import("./image/image-area.js")).imageArea(loaded);
    imageResult = r.area;
    image = r.summary;
    if (r.dependencies && r.dependencies.length > 0) dependencies = r.dependencies;
  }

  // Policy: escalate first (the gates and scores see the escalated findings), then the gates.
  const escalated = [lint.area, ctx.area, init.area, verify, pre, doctor, imageResult].map((a) =>
    a.findings.length === 0 || policy.errorRules.length === 0 ? a : ranArea(a.area, escalate(a.findings, policy.errorRules), a.summary.replace(/:.*$/, ""), a.note),
  );
  const outcome = evaluatePolicy({
    policy,
    dockerfiles: lint.dockerfiles,
    areas: escalated,
    ...(loaded && image ? { image: { summary: image, labels: loaded.image.config.config?.Labels ?? {}, attachments: loaded.attachments } } : {}),
  });
  const policyArea: AreaResult =
    outcome.gates.length === 0
      ? skippedArea("policy", "no policy", "no policy section in .goship.yaml")
      : { ...ranArea("policy", outcome.findings, ""), summary: `${outcome.gates.filter((g) => g.passed).length} of ${outcome.gates.length} gates passed` };
  const byArea = new Map([...escalated, policyArea].map((a) => [a.area, { ...a, findings: sortFindings(a.findings) }]));
  const areas = AUDIT_AREAS.map((a) => byArea.get(a)!);

  const counts = areas.reduce((c, a) => addCounts(c, countSeverities(a.findings)), { error: 0, warning: 0, info: 0 });
  const threshold = o.failureThreshold ?? config.lint.failureThreshold;
  const failing = areas.some((a) => a.findings.some((f) => atOrAbove(f.severity, threshold))) || outcome.gates.some((g) => !g.passed);
  const titles = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));
  const revision = gitRevision(root);
  const context: ContextSummary = ctx.summary;
  const generated: readonly GeneratedFileInfo[] = init.generated;
  const base: AuditReport = {
    version: AUDIT_REPORT_VERSION,
    tool: { name: "goship", version: VERSION },
    root: o.dir,
    createdAt: createdAt(o.env),
    ...(revision ? { revision } : {}),
    options: { offline, preflight, log: o.log ?? null, image: o.image ?? null },
    score: overallScore(areas),
    counts,
    areas,
    topFixes: topFixes(areas, titles),
    context,
    ...(image ? { image } : {}),
    ...(dependencies ? { dependencies } : {}),
    gates: outcome.gates,
    ...(generated.length > 0 ? { generated } : {}),
    failureThreshold: threshold,
    exitCode: failing ? 1 : 0,
  };
  let report = base;
  if (o.historyDir) {
    const dir = resolve(o.cwd, o.historyDir);
    const point = historyPoint(base);
    const earlier = readHistory(dir).filter((p) => p.createdAt !== point.createdAt);
    appendHistory(dir, point);
    // Oldest first; this audit is normally the newest, so last.
    const history = [...earlier, point].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    report = { ...base, history };
  }
  return redactReport(report);
}
