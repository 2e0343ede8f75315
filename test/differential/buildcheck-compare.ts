/**
 * Compares goship's GS6xx rules with BuildKit's build checks on one
 * Dockerfile: for every BuildKit check a GS6xx rule maps to (its
 * `meta.buildkit`), the set of places BuildKit warns against the set of
 * places goship reports. A place is the start line of the instruction (BuildKit
 * locates a warning at the whole instruction; goship at a token inside it,
 * which may sit on a continuation line); for UndefinedVar and
 * UndefinedArgInFrom it is the line plus the variable name, since one
 * instruction can use several undefined names.
 *
 * The deliberate differences listed in test/oracle/buildcheck/README.md are
 * removed from both sides by `documentedDifference` before comparing, and
 * counted, so the test shows how many cases each one covers. Leaves out:
 * BuildKit checks no GS6xx rule maps to (ReservedStageName,
 * NoEmptyContinuation, platform checks...).
 */
import { lintText } from "../../src/lint/engine.js";
import { parseDockerfile, type Dockerfile } from "../../src/dockerfile/index.js";
import { buildModel, type LintModel } from "../../src/lint/model/model.js";
import { NO_PROJECT } from "../../src/lint/model/project.js";
import { baseImageMaySet, PLATFORM_ARGS, staticStart } from "../../src/lint/facts/var-scope.js";
import { expandWord } from "../../src/dockerfile/expand/index.js";
import { isKeepAlive } from "../../src/lint/facts/image-role.js";
import { readPragmas } from "../../src/lint/pragma.js";
import { RULES } from "../../src/lint/rules/index.js";
import type { Rule } from "../../src/lint/rule.js";

/** The oracle's answer for one Dockerfile. */
export interface BuildkitAnswer {
  readonly warnings: readonly { readonly rule: string; readonly line: number; readonly message: string }[];
  readonly error?: string;
  readonly panic?: string;
}

/** The GS6xx rules with a BuildKit counterpart, and every check they map to. */
export const MAPPED_RULES: readonly Rule[] = RULES.filter((r) => /^GS6/.test(r.meta.id) && r.meta.buildkit.length > 0);
export const CHECKS: readonly string[] = MAPPED_RULES.flatMap((r) => r.meta.buildkit);
const RULE_OF_CHECK: ReadonlyMap<string, string> = new Map(MAPPED_RULES.flatMap((r) => r.meta.buildkit.map((c) => [c, r.meta.id] as const)));

/** One place one side reports, before the documented differences are taken out. */
export interface Place {
  readonly check: string;
  /** Start line of the instruction. */
  readonly line: number;
  /** The variable, for the undefined-variable checks. */
  readonly name?: string;
}

/** Why a place is left out of the comparison (a row of the README table). */
export type Difference =
  | "base-image-env"
  | "proxy-arg-in-from"
  | "global-arg-casing"
  | "keep-alive-command"
  | "onbuild-trigger-stage"
  | "undeclared-from-variable"
  | "workdir-variable"
  | "workdir-drive-path"
  | "pragma"
  | "check-directive";

export interface CheckOutcome {
  readonly check: string;
  readonly agree: boolean;
  /** Places only BuildKit reports / only goship reports, after exclusions. */
  readonly onlyBuildkit: readonly string[];
  readonly onlyGoship: readonly string[];
  /** Places taken out as documented differences, by reason. */
  readonly excluded: readonly Difference[];
}

export interface FileOutcome {
  readonly checks: readonly CheckOutcome[];
}

const key = (p: Place): string => (p.name !== undefined ? `${p.line}:$${p.name}` : String(p.line));

/** Where BuildKit warns, for the mapped checks. */
export function buildkitPlaces(ans: BuildkitAnswer): Place[] {
  const out: Place[] = [];
  for (const w of ans.warnings) {
    if (!RULE_OF_CHECK.has(w.rule)) continue;
    if (w.rule === "UndefinedVar" || w.rule === "UndefinedArgInFrom") {
      const m = /'\$?([^']*)'/.exec(w.message);
      out.push({ check: w.rule, line: w.line, name: m ? m[1]! : "?" });
    } else out.push({ check: w.rule, line: w.line });
  }
  return out;
}

/** The start line of the instruction holding `line`. */
function instructionStart(df: Dockerfile, line: number): number {
  let best = line;
  for (const i of df.instructions) if (i.startLine <= line && line <= i.endLine) best = i.startLine;
  return best;
}

/** Where goship reports, mapped onto BuildKit's check names. */
export function goshipPlaces(source: string, df: Dockerfile): Place[] {
  const { findings } = lintText(source, { rules: MAPPED_RULES });
  const out: Place[] = [];
  for (const f of findings) {
    const line = instructionStart(df, f.line);
    const ins = df.instructions.find((i) => i.startLine === line);
    if (f.ruleId === "GS601") {
      const m = /\$([A-Za-z0-9_]+)/.exec(f.message);
      out.push({ check: ins?.kind === "FROM" ? "UndefinedArgInFrom" : "UndefinedVar", line, name: m ? m[1]! : "?" });
      continue;
    }
    const rule = MAPPED_RULES.find((r) => r.meta.id === f.ruleId)!;
    out.push({ check: rule.meta.buildkit[0]!, line });
  }
  return out;
}

/**
 * The documented, deliberate differences (test/oracle/buildcheck/README.md):
 * returns the reason when goship is meant to differ from BuildKit at `p`.
 */
export function documentedDifference(p: Place, side: "buildkit" | "goship", ctx: DiffContext): Difference | null {
  if (ctx.skippedByCheckDirective(p.check, p.line)) return "check-directive";
  if (side === "buildkit" && ctx.suppressedByPragma(RULE_OF_CHECK.get(p.check)!, p.line)) return "pragma";
  if (side === "buildkit" && p.check === "UndefinedVar" && p.name !== undefined && ctx.imageMaySet(p.line, p.name)) return "base-image-env";
  if (side === "buildkit" && p.check === "UndefinedArgInFrom" && p.name !== undefined && PROXY.has(p.name)) return "proxy-arg-in-from";
  if (side === "goship" && p.check === "ConsistentInstructionCasing" && ctx.isGlobalArg(p.line)) return "global-arg-casing";
  if (!FILE_LEVEL.has(p.check) && ctx.runsOnbuildTriggers(p.line)) return "onbuild-trigger-stage";
  if (side === "buildkit" && p.check === "JSONArgsRecommended" && ctx.isKeepAlive(p.line)) return "keep-alive-command";
  if (side === "buildkit" && p.check === "WorkdirRelativePath") {
    const v = ctx.workdirStart(p.line);
    if (v === null) return "workdir-variable";
    if (/^[A-Za-z]:/.test(v)) return "workdir-drive-path";
  }
  return null;
}

/** Checks about FROM lines and keywords, which ONBUILD triggers do not affect. */
const FILE_LEVEL = new Set(["DuplicateStageName", "StageNameCasing", "FromAsCasing", "ConsistentInstructionCasing", "UndefinedArgInFrom"]);

const PROXY = new Set(["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]);

export interface DiffContext {
  skippedByCheckDirective(check: string, line: number): boolean;
  suppressedByPragma(ruleId: string, line: number): boolean;
  imageMaySet(line: number, name: string): boolean;
  isGlobalArg(line: number): boolean;
  /** True when the FROM of the stage holding `line` uses a name no global ARG declares (and that is not a platform arg). */
  fromUsesUndeclared(line: number): boolean;
  /** True when the stage holding `line` builds FROM a stage (of this file) with ONBUILD triggers. */
  runsOnbuildTriggers(line: number): boolean;
  /** True when the CMD/ENTRYPOINT at `line` only keeps the container alive. */
  isKeepAlive(line: number): boolean;
  /** staticStart of the WORKDIR path at `line` (null: it starts with a variable's value). */
  workdirStart(line: number): string | null;
}

function diffContext(source: string, df: Dockerfile, model: LintModel): DiffContext {
  const pragmas = readPragmas(source);
  const starts = df.instructions.map((i) => i.startLine);
  const metaLines = new Set(df.metaArgs.map((a) => a.startLine));
  return {
    skippedByCheckDirective: (check, line) => checkSkipped(df, line, check),
    suppressedByPragma: (ruleId, line) =>
      pragmas.some((p) => {
        const hit = p.tool === "goship" ? p.codes.includes(ruleId) : p.codes.some((c) => MAPPED_RULES.find((r) => r.meta.id === ruleId)!.meta.hadolint.includes(c));
        if (!hit) return false;
        return p.global || starts.find((s) => s > p.line) === line;
      }),
    imageMaySet: (line, name) => {
      const s = model.stageOf(line);
      return s !== null && baseImageMaySet(model, s, name);
    },
    isGlobalArg: (line) => metaLines.has(line),
    fromUsesUndeclared: (line) => {
      const s = model.stageOf(line);
      if (s === null || !s.stage.baseName.includes("$")) return false;
      try {
        const { unmatched } = expandWord(s.stage.baseName, (k) => (model.globalArgs.has(k) || PLATFORM_ARGS.includes(k) ? "" : undefined), { escapeToken: df.escapeToken });
        return unmatched.size > 0;
      } catch {
        return false;
      }
    },
    runsOnbuildTriggers: (line) => {
      const s = model.stageOf(line);
      for (let p = s?.parent ?? null; p !== null; p = model.stages[p]!.parent) {
        if (model.stages[p]!.stage.commands.some((c) => c.kind === "ONBUILD")) return true;
      }
      return false;
    },
    isKeepAlive: (line) => df.instructions.some((i) => i.startLine === line && isKeepAlive(i)),
    workdirStart: (line) => {
      const w = df.instructions.find((i) => i.startLine === line);
      return w?.kind === "WORKDIR" ? staticStart(w.path, df.escapeToken) : "";
    },
  };
}

/** The checks a `check=` option string turns off ("all" for skip=all); null when BuildKit rejects it (ParseLintOptions). */
function skipsOf(options: string): "all" | Set<string> | null {
  const out = new Set<string>();
  const text = options.trim();
  if (text === "") return out;
  for (const part of text.split(";").slice(0, 3)) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    if (part.slice(0, eq).trim() !== "skip") continue;
    const v = part.slice(eq + 1).trim();
    if (v === "all") return "all";
    for (const c of v.split(",")) out.add(c.trim());
  }
  return out;
}

/**
 * The checks turned off at one instruction: by the file's `# check=skip=`
 * directive, or by a `# check=skip=` comment directly above the instruction
 * (BuildKit's WithMergedConfigFromComments; the first `check=` comment
 * counts, its value up to the first blank). DuplicateStageName and
 * ConsistentInstructionCasing run with the file's settings only.
 */
function checkSkipped(df: Dockerfile, line: number, check: string): boolean {
  const skipped = (s: "all" | Set<string> | null): boolean => s !== null && (s === "all" || s.has(check));
  if (df.check && skipped(skipsOf(df.check.value))) return true;
  if (check === "DuplicateStageName" || check === "ConsistentInstructionCasing") return false;
  const ins = df.instructions.find((i) => i.startLine === line);
  for (const c of ins?.comments ?? []) {
    const m = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(c.trimStart());
    if (!m || m[1]!.toLowerCase() !== "check") continue;
    return skipped(skipsOf(m[2]!.split(" ")[0]!));
  }
  return false;
}

/** Compares one Dockerfile that both sides accept. */
export function compareFile(source: string, ans: BuildkitAnswer): FileOutcome {
  const df = parseDockerfile(source);
  const model = buildModel("Dockerfile", source, df, NO_PROJECT);
  const ctx = diffContext(source, df, model);
  const bk = buildkitPlaces(ans);
  const gs = goshipPlaces(source, df);
  const checks = CHECKS.map((check): CheckOutcome => {
    const excluded: Difference[] = [];
    const keep = (side: "buildkit" | "goship") => (p: Place): boolean => {
      if (p.check !== check) return false;
      const d = documentedDifference(p, side, ctx);
      if (d !== null) excluded.push(d);
      return d === null;
    };
    const b = new Set(bk.filter(keep("buildkit")).map(key));
    const g = new Set(gs.filter(keep("goship")).map(key));
    const onlyBuildkit = [...b].filter((k) => !g.has(k));
    const onlyGoship = [...g].filter((k) => !b.has(k));
    return { check, agree: onlyBuildkit.length === 0 && onlyGoship.length === 0, onlyBuildkit, onlyGoship, excluded };
  });
  return { checks };
}
