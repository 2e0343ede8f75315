/**
 * The go command calls of a Dockerfile's RUNs (`go build`, `go install`,
 * `go get`, `go mod download`, `go test`...), as GS1xx/GS2xx rules read them:
 * the subcommand, the flags as the go command's flag package reads them
 * (`-flag`, `--flag`, `-flag=value`, `-flag value` for flags that take one),
 * the package arguments, the variables set for that call (`K=V go build`,
 * `env K=V go build`, an earlier `export K=V` in the same RUN), and GOFLAGS.
 * Recognises `go`, `/usr/local/go/bin/go`, and tonistiigi/xx's `xx-go`
 * behind the wrappers `env`, `time`, `sudo`, `nice`.
 * Leaves out go calls hidden in Makefiles, scripts, or `sh -c "..."`.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { RunInstruction } from "../../dockerfile/instructions/types.js";
import type { SimpleCommand, Word } from "../../shell/ast.js";
import type { LintModel, StageModel } from "../model/model.js";
import { envBefore, type VarSetting } from "./go-env.js";
import { runScripts, unquoteShell } from "./go-run-scripts.js";

export interface GoFlag {
  readonly name: string;
  /** The value (literal after quote removal); true for a bare boolean flag; null when it expands a variable. */
  readonly value: string | true | null;
  /** The value as written (for flags whose value holds a variable, e.g. -ldflags "-X main.v=${V}"). */
  readonly raw: string;
  readonly range: Range;
}

export interface GoInvocation {
  readonly stage: StageModel;
  readonly run: RunInstruction;
  /** "build", "install", "get", "mod download", "mod tidy", "mod vendor", "test", "run", "env", "generate", ... */
  readonly subcommand: string;
  readonly flags: readonly GoFlag[];
  /** Package / module arguments, as written. */
  readonly packages: readonly Word[];
  /** Variables set for this call inside the RUN (assignments, env, export before it); values null when not literal. */
  readonly runEnv: ReadonlyMap<string, string | null>;
  /** Where `go ...` is written. */
  readonly range: Range;
  /** Where the subcommand word(s) are (e.g. `build`). */
  readonly subcommandRange: Range;
}

/** Flags of build-like go subcommands that take a value (cmd/go/internal/work AddBuildFlags and friends). */
const VALUE_FLAGS = new Set([
  "C", "o", "p", "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags", "installsuffix", "ldflags", "mod", "modfile",
  "overlay", "pgo", "pkgdir", "tags", "toolexec", "coverpkg", "covermode", "exec", "run", "skip", "count", "timeout", "cpu",
  "parallel", "bench", "benchtime", "coverprofile", "x-json", "reuse",
]);

const WRAPPERS = new Set(["env", "time", "sudo", "nice", "nohup", "exec"]);

const cache = new WeakMap<LintModel, readonly GoInvocation[]>();

/** Every go command call in the file's RUNs, in file order. */
export function goInvocations(model: LintModel): readonly GoInvocation[] {
  let out = cache.get(model);
  if (out) return out;
  const list: GoInvocation[] = [];
  for (const stage of model.stages) {
    for (const ins of stage.stage.commands) {
      if (ins.kind !== "RUN") continue;
      for (const sr of runScripts(model, ins)) {
        const exported = new Map<string, { at: number; value: string | null }[]>();
        for (const call of sr.calls) {
          const first = call.args[0]?.literal;
          if (first === "export") {
            for (const w of call.args.slice(1)) {
              const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w.raw);
              if (m) exported.set(m[1]!, [...(exported.get(m[1]!) ?? []), { at: w.start, value: unquoteShell(m[2]!) }]);
            }
          }
        }
        for (const call of sr.calls) {
          const inv = invocation(call, stage, ins, sr.range, exported);
          if (inv) list.push(inv);
        }
      }
    }
  }
  out = list;
  cache.set(model, out);
  return out;
}

function invocation(
  call: SimpleCommand,
  stage: StageModel,
  run: RunInstruction,
  range: (s: number, e: number) => Range,
  exported: Map<string, { at: number; value: string | null }[]>,
): GoInvocation | null {
  const env = new Map<string, string | null>();
  for (const [k, list] of exported) {
    const before = list.filter((e) => e.at < call.start);
    if (before.length > 0) env.set(k, before[before.length - 1]!.value);
  }
  for (const a of call.assigns) env.set(a.name, unquoteShell(a.value));
  let words = call.args;
  // unwrap env/time/sudo (and env's K=V words and flags)
  while (words.length > 0 && WRAPPERS.has(words[0]!.literal ?? "")) {
    const isEnv = words[0]!.literal === "env";
    words = words.slice(1);
    while (words.length > 0) {
      const w = words[0]!;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w.raw);
      if (isEnv && m) env.set(m[1]!, unquoteShell(m[2]!));
      else if (!w.raw.startsWith("-")) break;
      words = words.slice(1);
    }
  }
  const name = words[0]?.literal;
  if (!(name === "go" || name === "xx-go" || (typeof name === "string" && /\/go$/.test(name)))) return null;
  let i = 1;
  // `go -C dir build`
  if (words[i]?.literal === "-C") i += 2;
  const sub = words[i]?.literal;
  if (!sub || sub.startsWith("-")) return null;
  let subcommand = sub;
  const subStart = words[i]!.start;
  let subEnd = words[i]!.end;
  i++;
  if ((sub === "mod" || sub === "tool" || sub === "work") && words[i]?.literal) {
    subcommand = `${sub} ${words[i]!.literal}`;
    subEnd = words[i]!.end;
    i++;
  }
  const flags: GoFlag[] = [];
  const packages: Word[] = [];
  for (; i < words.length; i++) {
    const w = words[i]!;
    const text = w.literal ?? w.raw;
    if (text === "--") {
      // go run/test pass the rest to the program
      break;
    }
    if (text.startsWith("-") && text.length > 1 && packages.length === 0) {
      const body = text.replace(/^--?/, "");
      const eq = body.indexOf("=");
      if (eq >= 0) {
        const rawEq = w.raw.indexOf("=");
        flags.push({ name: body.slice(0, eq), value: w.literal === null ? null : body.slice(eq + 1), raw: w.raw.slice(rawEq + 1), range: range(w.start, w.end) });
      } else if (VALUE_FLAGS.has(body) && i + 1 < words.length) {
        const v = words[i + 1]!;
        flags.push({ name: body, value: v.literal, raw: v.raw, range: range(w.start, v.end) });
        i++;
      } else {
        flags.push({ name: body, value: w.literal === null ? null : true, raw: "", range: range(w.start, w.end) });
      }
    } else {
      if (sub === "run" && packages.length > 0) break; // program arguments
      packages.push(w);
    }
  }
  const goWord = words[0]!;
  return {
    stage,
    run,
    subcommand,
    flags,
    packages,
    runEnv: env,
    range: range(goWord.start, call.end),
    subcommandRange: range(subStart, subEnd),
  };
}

/** Subcommands that fetch modules when they are missing (and so use GOPROXY / GOSUMDB). */
export function downloadsModules(inv: GoInvocation): boolean {
  return ["build", "install", "get", "mod download", "mod tidy", "mod vendor", "test", "run", "generate", "vet", "list", "mod graph", "mod verify"].includes(inv.subcommand);
}

/** A variable as this call sees it: set in the RUN, else by ENV/ARG/go env -w in the stage. */
export interface EffectiveVar {
  /** null when not literal / unknown (ARG without default, variable inside). */
  readonly value: string | null;
  readonly origin: "RUN" | "stage";
  readonly setting?: VarSetting;
}

export function effectiveVar(model: LintModel, inv: GoInvocation, name: string): EffectiveVar | undefined {
  if (inv.runEnv.has(name)) return { value: inv.runEnv.get(name) ?? null, origin: "RUN" };
  const s = envBefore(model, inv.stage, inv.run.startLine).get(name);
  if (!s) return undefined;
  return { value: s.known ? s.value : null, origin: "stage", setting: s };
}

/** The flag named `name` given on the command line or through GOFLAGS; the command line wins. */
export function goFlag(model: LintModel, inv: GoInvocation, name: string): { value: string | true | null; raw: string; from: "command" | "GOFLAGS"; range?: Range } | undefined {
  const own = [...inv.flags].reverse().find((f) => f.name === name);
  if (own) return { value: own.value, raw: own.raw, from: "command", range: own.range };
  const goflags = effectiveVar(model, inv, "GOFLAGS");
  if (!goflags || goflags.value === null) return undefined;
  for (const f of goflags.value.split(/\s+/)) {
    const body = f.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const n = eq >= 0 ? body.slice(0, eq) : body;
    if (n === name) return { value: eq >= 0 ? body.slice(eq + 1) : true, raw: eq >= 0 ? body.slice(eq + 1) : "", from: "GOFLAGS" };
  }
  return undefined;
}

/** The go calls of one stage (not of the stages it builds on). */
export function stageInvocations(model: LintModel, stage: StageModel): readonly GoInvocation[] {
  return goInvocations(model).filter((g) => g.stage === stage);
}

/** The go calls of a stage and of the stages it builds FROM. */
export function chainInvocations(model: LintModel, stage: StageModel): readonly GoInvocation[] {
  const chain = new Set<StageModel>();
  for (let s: StageModel | undefined = stage; s && !chain.has(s); s = s.parent !== null ? model.stages[s.parent] : undefined) chain.add(s);
  return goInvocations(model).filter((g) => chain.has(g.stage));
}

/** True when this call compiles the main module's code (`go build`, `go install` of local packages). */
export function buildsBinary(inv: GoInvocation): boolean {
  if (inv.subcommand === "build") return true;
  if (inv.subcommand === "install") return !inv.packages.some((p) => (p.literal ?? p.raw).includes("@"));
  return false;
}
