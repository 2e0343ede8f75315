/**
 * Lints Dockerfiles on disk: reads each file, finds its config (the nearest
 * .goship.yaml unless one is given) and project facts, runs the engine, and
 * optionally applies safe fixes. Returns data; printing is the CLI's job.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_CONFIG, type GoshipConfig } from "../config/config.js";
import { findConfig } from "../config/find.js";
import { LocatedError } from "../diagnostic/located-error.js";
import type { Finding } from "../finding/finding.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { lintText } from "./engine.js";
import { applyFixes } from "./fix.js";
import { unifiedDiff } from "./diff.js";
import { gatherProject, newGatherCache } from "./model/gather.js";
import { NO_PROJECT } from "./model/project.js";

export interface FileInput {
  /** The name shown in output (relative path, or `<stdin>`). */
  readonly display: string;
  /** Absolute path on disk; null for stdin. */
  readonly path: string | null;
  /** Text for stdin input. */
  readonly text?: string;
}

export interface LintFilesOptions {
  readonly cwd: string;
  /** An explicit config file (--config); otherwise found upward from each Dockerfile. */
  readonly configFile?: string;
  /** Build context folder (default: each Dockerfile's folder). */
  readonly contextDir?: string;
  readonly fix?: boolean;
  /** With fix: compute the diff but do not write. */
  readonly dryRun?: boolean;
}

export interface FileOutcome {
  readonly file: string;
  readonly source: string;
  readonly findings: readonly Finding[];
  /** A parse or read error: the file was not linted. */
  readonly error: LocatedError | null;
  readonly config: GoshipConfig;
  /** With fix: the unified diff of the fixes (empty when nothing changed). */
  readonly diff?: string;
  readonly fixesApplied?: number;
}

export async function lintFiles(inputs: readonly FileInput[], opts: LintFilesOptions): Promise<FileOutcome[]> {
  // YAML and schema validation load only when a config file exists.
  let loader: typeof import("../config/load.js") | undefined;
  const needLoader = opts.configFile !== undefined || inputs.some((i) => findConfig(i.path ? dirname(i.path) : opts.cwd) !== null);
  if (needLoader) loader = await import("../config/load.js");
  const loadConfigFile = (f: string): GoshipConfig => loader!.loadConfigFile(f);
  const explicit = opts.configFile ? loadConfigFile(resolve(opts.cwd, opts.configFile)) : null;
  const configs = new Map<string, GoshipConfig>();
  const configFor = (dir: string): GoshipConfig => {
    if (explicit) return explicit;
    let c = configs.get(dir);
    if (!c) {
      const f = findConfig(dir);
      c = f ? loadConfigFile(f) : DEFAULT_CONFIG;
      configs.set(dir, c);
    }
    return c;
  };
  const gathered = newGatherCache();
  const out: FileOutcome[] = [];
  for (const input of inputs) {
    const dir = input.path ? dirname(input.path) : opts.cwd;
    const config = configFor(dir);
    let source = "";
    try {
      source = input.text ?? readFileSync(input.path!, "utf8");
      const project = input.path ? await gatherProject(input.path, opts.contextDir ? resolve(opts.cwd, opts.contextDir) : undefined, gathered) : NO_PROJECT;
      let result = lintText(source, { file: input.display, config: config.lint, project });
      let diff: string | undefined;
      let fixesApplied: number | undefined;
      if (opts.fix) {
        const fixes = result.findings.flatMap((f) => (f.fix?.safety === "safe" ? [f.fix] : []));
        const fixed = applyFixes(source, fixes);
        diff = unifiedDiff(source, fixed.text, `a/${input.display}`, `b/${input.display}`);
        fixesApplied = fixed.applied;
        if (fixed.text !== source) {
          if (!opts.dryRun && input.path) writeFileAtomic(input.path, fixed.text);
          result = lintText(fixed.text, { file: input.display, config: config.lint, project });
          source = fixed.text;
        }
      }
      out.push({ file: input.display, source, findings: result.findings, error: null, config, ...(diff !== undefined ? { diff, fixesApplied } : {}) });
    } catch (e) {
      if (e instanceof LocatedError) {
        out.push({ file: input.display, source, findings: [], error: e.file ? e : e.withFile(input.display), config });
        continue;
      }
      throw e;
    }
  }
  return out;
}
