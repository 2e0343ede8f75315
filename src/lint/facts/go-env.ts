/**
 * The build-time variables a Go build sees, as the Dockerfile sets them:
 * ENV pairs (inherited through `FROM <stage>`), ARG definitions (an in-stage
 * `ARG X` takes the global default as BuildKit does), and `go env -w K=V` in
 * a RUN (persisted in the image's go env file, so later RUNs see it). Also a
 * flat list of every place a variable is assigned (ENV, ARG, and RUN-level
 * `K=V cmd`, `export K=V`, `env K=V cmd`, `go env -w K=V`) with its range,
 * for rules about GOPROXY/GOSUMDB/GOFLAGS values (GS201, GS202, GS203).
 *
 * Values are unquoted and known variables expanded (BuildKit's word
 * expansion for ENV/ARG); `known` is false when a variable is left over.
 * Leaves out: variables set by the base image (except that official golang
 * images set GOTOOLCHAIN=local, which callers decide), `--build-arg`
 * overrides, and RUN-level `export` seen across RUNs (it is not).
 */
import type { Range } from "../../diagnostic/located-error.js";
import { expandWord } from "../../dockerfile/expand/index.js";
import type { ArgInstruction, EnvInstruction, Instruction, RunInstruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";
import { runScripts, unquoteShell, type ScriptInRun } from "./go-run-scripts.js";
import type { SimpleCommand } from "../../shell/ast.js";

export type VarOrigin = "ENV" | "ARG" | "RUN" | "go env -w";

export interface VarSetting {
  readonly name: string;
  /** The value after quote removal and expansion of known variables; null for an ARG without any default. */
  readonly value: string | null;
  /** False when the value still holds a variable BuildKit or the shell resolves later (or is null). */
  readonly known: boolean;
  readonly origin: VarOrigin;
  /** The stage it is set in; null for a global ARG. */
  readonly stage: StageModel | null;
  readonly instruction: Instruction;
  /** Where `NAME=value` (or `NAME`) is written. */
  readonly range: Range;
}

type Env = ReadonlyMap<string, VarSetting>;

const cache = new WeakMap<LintModel, { all: VarSetting[]; ends: Map<number, Env> }>();

/** Every variable assignment in the file, in file order. */
export function variableSettings(model: LintModel): readonly VarSetting[] {
  return compute(model).all;
}

/** The ENV/ARG/`go env -w` values in effect in `stage` before the instruction starting at `line` (all of the stage when omitted). */
export function envBefore(model: LintModel, stage: StageModel, line = Number.MAX_SAFE_INTEGER): Env {
  const inherited = stage.parent !== null ? stageEnd(model, model.stages[stage.parent]!) : new Map<string, VarSetting>();
  const env = new Map(inherited);
  const global = globalSettings(model);
  for (const s of compute(model).all) {
    if (s.stage !== stage || s.instruction.startLine >= line) continue;
    if (s.origin === "RUN") continue;
    if (s.origin === "ARG" && s.value === null && global.has(s.name)) {
      // the value (and where it is written) comes from the global ARG
      env.set(s.name, { ...global.get(s.name)!, stage });
    } else env.set(s.name, s);
  }
  return env;
}

function stageEnd(model: LintModel, stage: StageModel): Env {
  const c = compute(model);
  let e = c.ends.get(stage.index);
  if (!e) {
    // ARG scope ends with the stage; ENV and go env -w carry into FROM <stage>.
    e = new Map([...envBefore(model, stage)].filter(([, v]) => v.origin !== "ARG"));
    c.ends.set(stage.index, e);
  }
  return e;
}

function globalSettings(model: LintModel): Map<string, VarSetting> {
  const m = new Map<string, VarSetting>();
  for (const s of compute(model).all) if (s.stage === null) m.set(s.name, s);
  return m;
}

function compute(model: LintModel): { all: VarSetting[]; ends: Map<number, Env> } {
  let c = cache.get(model);
  if (c) return c;
  const all: VarSetting[] = [];
  const lookup = (env: Map<string, string>) => (k: string) => env.get(k);
  const globalVals = new Map<string, string>();
  for (const a of model.dockerfile.metaArgs) {
    a.args.forEach((d, i) => {
      const v = d.value !== undefined ? expand(d.value, lookup(globalVals)) : null;
      if (v !== null) globalVals.set(d.key, v);
      all.push(setting(d.key, v, "ARG", null, a, argRange(a, i)));
    });
  }
  const stageVals = new Map<number, Map<string, string>>();
  for (const stage of model.stages) {
    const vals = new Map<string, string>(stage.parent !== null ? [...(stageVals.get(stage.parent) ?? new Map<string, string>())] : []);
    for (const ins of stage.stage.commands) {
      if (ins.kind === "ENV") {
        ins.pairs.forEach((p, i) => {
          const v = expand(p.value, lookup(vals));
          all.push(setting(p.key, v, "ENV", stage, ins, envRange(ins, i)));
          vals.set(p.key, v);
        });
      } else if (ins.kind === "ARG") {
        ins.args.forEach((d, i) => {
          let v: string | null = d.value !== undefined ? expand(d.value, lookup(vals)) : null;
          all.push(setting(d.key, v, "ARG", stage, ins, argRange(ins, i)));
          v ??= globalVals.get(d.key) ?? null;
          if (v !== null) vals.set(d.key, v);
        });
      } else if (ins.kind === "RUN") {
        for (const s of runSettings(model, stage, ins)) {
          all.push(s);
          if (s.origin === "go env -w" && s.value !== null) vals.set(s.name, s.value);
        }
      }
    }
    stageVals.set(stage.index, vals);
  }
  c = { all, ends: new Map() };
  cache.set(model, c);
  return c;
}

/** RUN-level assignments: `K=V cmd`, `export K=V`, `env K=V cmd`, `go env -w K=V`. */
function runSettings(model: LintModel, stage: StageModel, run: RunInstruction): VarSetting[] {
  const out: VarSetting[] = [];
  for (const sr of runScripts(model, run)) {
    for (const call of sr.calls) out.push(...callSettings(sr, call, stage, run));
  }
  return out;
}

function callSettings(sr: ScriptInRun, call: SimpleCommand, stage: StageModel, run: RunInstruction): VarSetting[] {
  const out: VarSetting[] = [];
  const push = (name: string, raw: string, start: number, end: number, origin: VarOrigin): void => {
    const v = unquoteShell(raw);
    out.push({ name, value: v ?? raw, known: v !== null && !v.includes("$"), origin, stage, instruction: run, range: sr.range(start, end) });
  };
  // assignments before the command: offsets are not kept per assignment, so find them in the text
  let cursor = call.start;
  for (const a of call.assigns) {
    const at = sr.source.indexOf(`${a.name}=`, cursor);
    const start = at >= 0 ? at : call.start;
    const end = at >= 0 ? start + a.name.length + 1 + a.value.length : call.start;
    push(a.name, a.value, start, end, "RUN");
    cursor = end;
  }
  const words = call.args;
  const name = words[0]?.literal;
  const kv = (from: number, origin: VarOrigin): void => {
    for (const w of words.slice(from)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w.raw);
      if (m) push(m[1]!, m[2]!, w.start, w.end, origin);
      else if (origin === "RUN" && name === "env" && !w.raw.startsWith("-")) break;
    }
  };
  if (name === "export" || name === "env") kv(1, "RUN");
  if (isGo(name) && words[1]?.literal === "env" && words.slice(2).some((w) => w.literal === "-w")) kv(2, "go env -w");
  return out;
}

function isGo(name: string | null | undefined): boolean {
  return name === "go" || name === "xx-go" || (typeof name === "string" && /\/go$/.test(name));
}

function setting(name: string, value: string | null, origin: VarOrigin, stage: StageModel | null, instruction: Instruction, range: Range): VarSetting {
  return { name, value, known: value !== null && !value.includes("$"), origin, stage, instruction, range };
}

function expand(raw: string, env: (k: string) => string | undefined): string {
  try {
    return expandWord(raw, env, { skipUnsetEnv: true }).value;
  } catch {
    return raw;
  }
}

function envRange(ins: EnvInstruction, i: number): Range {
  const k = ins.node.args[i * 3]?.range;
  const v = ins.node.args[i * 3 + 1]?.range;
  if (k && v) return { start: k.start, end: v.end };
  return k ?? ins.range;
}

function argRange(ins: ArgInstruction, i: number): Range {
  return ins.node.args[i]?.range ?? ins.range;
}

/** The effective value of `name` for a stage: a setting, or undefined when nothing in the Dockerfile sets it. */
export function stageVar(model: LintModel, stage: StageModel, name: string, line?: number): VarSetting | undefined {
  return envBefore(model, stage, line).get(name);
}

