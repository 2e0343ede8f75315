/**
 * The lint engine: parse once, build the model once, run every enabled rule,
 * then pass the raw findings through small processors in order: severity
 * overrides, config ignores, inline pragmas, dedup, sort. Pure: the caller
 * supplies the text and the project facts.
 */
import { parseDockerfile } from "../dockerfile/index.js";
import type { LintConfig } from "../config/config.js";
import { DEFAULT_CONFIG } from "../config/config.js";
import { sortFindings, type Finding, type Severity } from "../finding/finding.js";
import { buildModel } from "./model/model.js";
import { NO_PROJECT, type ProjectFacts } from "./model/project.js";
import { readPragmas, type Pragma } from "./pragma.js";
import type { Rule } from "./rule.js";
import { RULES } from "./rules/index.js";

export interface LintOptions {
  readonly file?: string;
  readonly config?: LintConfig;
  readonly project?: ProjectFacts;
  /** Rules to run (default: all). */
  readonly rules?: readonly Rule[];
}

export interface LintResult {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** Lints one Dockerfile's text. Throws LocatedError when it does not parse (as BuildKit would refuse it). */
export function lintText(source: string, opts: LintOptions = {}): LintResult {
  const file = opts.file ?? "Dockerfile";
  const config = opts.config ?? DEFAULT_CONFIG.lint;
  const rules = opts.rules ?? RULES;
  const df = parseDockerfile(source, { file });
  const model = buildModel(file, source, df, opts.project ?? NO_PROJECT);

  const byHadolint = hadolintIndex(rules);
  const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));
  const hadolintCodes: ReadonlySet<string> = new Set(byHadolint.keys());
  const raw: Finding[] = [];
  for (const rule of rules) {
    const override = config.severity[rule.meta.id];
    if (override === "off") continue;
    rule.check({
      model,
      config,
      ruleIds,
      hadolintCodes,
      report: (r) => {
        raw.push({
          ruleId: rule.meta.id,
          severity: override ?? r.severity ?? rule.meta.severity,
          message: r.message,
          file,
          line: r.range?.start.line ?? 0,
          column: r.range?.start.column ?? 0,
          ...(r.range ? { endLine: r.range.end.line, endColumn: r.range.end.column } : {}),
          ...(r.fix ? { fix: r.fix } : {}),
        });
      },
    });
  }

  const pragmas = readPragmas(source);
  const starts = df.instructions.map((i) => i.startLine).sort((a, b) => a - b);
  const configIgnored = expandCodes(config.ignore, byHadolint);
  const { global, perLine } = pragmaScopes(pragmas, starts, byHadolint);

  const kept = raw.filter((f) => {
    if (configIgnored.has(f.ruleId)) return false;
    if (global.has(f.ruleId)) return false;
    const scoped = perLine.get(instructionStart(starts, f.line));
    return !(scoped && scoped.has(f.ruleId));
  });
  return { file, findings: dedup(sortFindings(kept)) };
}

/** hadolint code → GS rule IDs that cover it. */
function hadolintIndex(rules: readonly Rule[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rules) for (const dl of r.meta.hadolint) m.set(dl, [...(m.get(dl) ?? []), r.meta.id]);
  return m;
}

function expandCodes(codes: readonly string[], byHadolint: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) for (const id of byHadolint.get(c) ?? [c]) out.add(id);
  return out;
}

/** The start line of the instruction that contains `line` (findings inside a multi-line RUN map to its start). */
function instructionStart(starts: readonly number[], line: number): number {
  let best = -1;
  for (const s of starts) {
    if (s <= line) best = s;
    else break;
  }
  return best;
}

interface Scopes {
  readonly global: Set<string>;
  /** instruction start line → ignored IDs. */
  readonly perLine: Map<number, Set<string>>;
}

/** Turns pragmas into ignore sets; unknown codes are GS600's business, not the engine's. */
function pragmaScopes(pragmas: readonly Pragma[], starts: readonly number[], byHadolint: Map<string, string[]>): Scopes {
  const global = new Set<string>();
  const perLine = new Map<number, Set<string>>();
  for (const p of pragmas) {
    const ids = p.tool === "hadolint" ? p.codes.flatMap((c) => byHadolint.get(c) ?? []) : p.codes;
    if (p.global) ids.forEach((id) => global.add(id));
    else {
      const next = starts.find((s) => s > p.line);
      if (next !== undefined) {
        const set = perLine.get(next) ?? new Set<string>();
        ids.forEach((id) => set.add(id));
        perLine.set(next, set);
      }
    }
  }
  return { global, perLine };
}

function dedup(fs: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.ruleId}\u0000${f.line}\u0000${f.column}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { Severity };
