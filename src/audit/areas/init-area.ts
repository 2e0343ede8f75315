/**
 * Audit area "init": `goship init --check` on the audited root. Compares the
 * Dockerfile and .dockerignore with what goship would generate now:
 * - no Dockerfile anywhere: a warning "no Dockerfile: here is what goship
 *   would write", with the generated files returned for the report;
 * - a file goship generated that was edited or is stale: a warning (drift);
 * - a hand-written file: info (goship's version would differ; not a defect);
 * - a missing .dockerignore: info (the context area reports it as a warning).
 * Skipped when the root has no go.mod; failed when the module cannot be
 * planned (no main package ...), with the reason as the note.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { GoshipConfig } from "../../config/config.js";
import { LocatedError, UsageError } from "../../diagnostic/located-error.js";
import type { Finding } from "../../finding/finding.js";
import { checkProject, initOptionsFrom, initProject } from "../../generate/index.js";
import { failedArea, ranArea, skippedArea } from "../score.js";
import type { AreaResult, GeneratedFileInfo } from "../types.js";

export interface InitAreaResult {
  readonly area: AreaResult;
  /** What goship init would write, when the repository has no Dockerfile. */
  readonly generated: readonly GeneratedFileInfo[];
}

export function initArea(root: string, config: GoshipConfig, env: Readonly<Record<string, string | undefined>>, hasAnyDockerfile: boolean): InitAreaResult {
  if (!existsSync(join(root, "go.mod"))) return { area: skippedArea("init", "no go.mod", "no go.mod at the root: nothing for goship init to generate from"), generated: [] };
  let out;
  try {
    out = initProject({ dir: root, cwd: root, openapi: config.init.openapi, options: initOptionsFrom(config.init, {}, env) });
  } catch (e) {
    if (e instanceof LocatedError) return { area: failedArea("init", `goship init cannot plan this module: ${e.format()}`), generated: [] };
    if (e instanceof UsageError) return { area: failedArea("init", `goship init cannot plan this module: ${e.message}`), generated: [] };
    throw e;
  }
  const findings: Finding[] = [];
  const generated: GeneratedFileInfo[] = [];
  const at = (ruleId: string, severity: Finding["severity"], file: string, message: string): Finding => ({ ruleId, severity, message, file, line: 0, column: 0 });
  for (const r of checkProject(out)) {
    const isDockerfile = r.path === "Dockerfile";
    if (r.kind === "equal") continue;
    if (r.kind === "missing") {
      if (isDockerfile && !hasAnyDockerfile) {
        const f = out.files.find((x) => x.path === r.path);
        findings.push(at("init/no-dockerfile", "warning", r.path, "no Dockerfile: goship init would write the one in this report (goship init writes it, goship init --stdout prints it)"));
        if (f) generated.push({ path: f.path, content: f.content });
        const ign = out.files.find((x) => x.path === ".dockerignore");
        if (ign && !existsSync(join(root, ign.path))) generated.push({ path: ign.path, content: ign.content });
      } else if (isDockerfile) {
        findings.push(at("init/missing", "info", r.path, "no Dockerfile at the root (the Dockerfiles are elsewhere); goship init would write one here"));
      } else if (r.path === ".dockerignore" && hasAnyDockerfile) {
        findings.push(at("init/missing", "info", r.path, "no .dockerignore; goship init would write an allow-list one"));
      }
      continue;
    }
    if (r.kind === "hand-written") {
      findings.push(at("init/hand-written", "info", r.path, `${r.path} is hand-written; goship init would generate a different one (goship init --check shows the diff)`));
      continue;
    }
    if (r.path === "Dockerfile" || r.path === ".dockerignore") findings.push(at("init/drift", "warning", r.path, `drift: ${r.reason}`));
  }
  return { area: ranArea("init", findings, `checked ${out.files.map((f) => f.path).join(", ")}`), generated };
}
