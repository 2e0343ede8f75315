/**
 * Variable scope of a Dockerfile as BuildKit v0.34.2 evaluates it for its
 * UndefinedVar and UndefinedArgInFrom checks (dockerfile2llb/convert.go
 * dispatch, dispatchArg, dispatchEnv, buildDispatchStates; validations.go
 * reportUnmatchedVariables, reportUnusedFromArgs):
 *
 * - FROM (image and --platform) expands with the global ARGs that have a
 *   value plus the predefined platform args (BUILDPLATFORM, TARGETARCH...);
 *   a name is undefined when no global ARG declares it (with or without a
 *   value) and it is not predefined.
 * - Inside a stage the names in scope are the base image's ENV, the stage's
 *   own ARGs (declared so far, with or without a value) and ENVs, and all of
 *   those inherited from the parent stage (FROM <stage>). Global ARGs and the
 *   predefined args (TARGETOS, HTTP_PROXY...) are NOT in scope until the
 *   stage redeclares them with `ARG NAME`.
 * - Expanded (and so checked): ENV keys and values (all pairs against the
 *   scope before the instruction), LABEL keys and values, COPY/ADD sources,
 *   destination, --chown, --chmod, ADD --checksum, expanding heredoc bodies
 *   of COPY/ADD (backslash escape, quotes kept), WORKDIR, USER, VOLUME,
 *   STOPSIGNAL, RUN --mount values, ARG defaults (one after another: `ARG
 *   A=1 B=$A` is fine). Never: RUN/CMD/ENTRYPOINT commands, HEALTHCHECK,
 *   EXPOSE (BuildKit expands it without reporting), SHELL, ONBUILD,
 *   MAINTAINER, COPY --from.
 *
 * Differs from BuildKit on purpose: the base image's ENV is known only for
 * image families goship can name (golang: GOPATH, GOLANG_VERSION,
 * GOTOOLCHAIN; every image: PATH). For other images (or a FROM that is
 * still a variable) only the names images do not set are reported: global
 * ARG names (except *_VERSION, which images like node and python export)
 * and predefined build args used without `ARG` in the stage. Proxy
 * args (HTTP_PROXY...) in FROM are accepted (BuildKit would report them);
 * --build-arg values are unknown, so every ARG counts as declared.
 */
import type { Range } from "../../diagnostic/located-error.js";
import { expandWord } from "../../dockerfile/expand/index.js";
import { csvFields } from "../../dockerfile/go/csv-fields.js";
import { closestOptions } from "../../dockerfile/instructions/suggest.js";
import type { Instruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";

/** Platform args BuildKit defines for FROM and for `ARG NAME` without a default (platform.go defaultArgs). */
export const PLATFORM_ARGS: readonly string[] = [
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDOSVERSION",
  "BUILDARCH",
  "BUILDVARIANT",
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETOSVERSION",
  "TARGETARCH",
  "TARGETVARIANT",
  "TARGETSTAGE",
];

/** Proxy build args every builder accepts without a declaration (Docker's predefined ARGs). */
export const PROXY_ARGS: readonly string[] = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
];

const PREDEFINED = new Set([...PLATFORM_ARGS, ...PROXY_ARGS]);

/** Why a name is undefined, for a specific message. */
export type UndefinedKind = "global-arg" | "predefined" | "unknown";

export interface UndefinedUse {
  readonly name: string;
  readonly kind: UndefinedKind;
  /** The instruction that uses it. */
  readonly instruction: Instruction;
  /** True for FROM (BuildKit's UndefinedArgInFrom). */
  readonly inFrom: boolean;
  /** Where `$NAME` / `${NAME` is written (the instruction's keyword when not found). */
  readonly range: Range;
  /** A defined name within edit distance 2, if any. */
  readonly suggestion: string | null;
}

/** ENV keys of base images goship can name; null: unknown image, its ENV could hold anything. */
function baseEnv(s: StageModel): readonly string[] | null {
  if (s.dynamic) return null;
  switch (s.base.family) {
    case "golang":
      return ["PATH", "GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN"];
    case "distroless-static":
    case "distroless-base":
    case "chainguard-static":
      return ["PATH", "SSL_CERT_FILE"];
    case "scratch":
    case "alpine":
    case "debian":
    case "ubuntu":
    case "busybox":
      return ["PATH"];
    default:
      return null;
  }
}

/** The stage at the root of `s`'s FROM chain (the one built on an image). */
function rootStage(model: LintModel, s: StageModel): StageModel {
  let r = s;
  while (r.parent !== null) r = model.stages[r.parent]!;
  return r;
}

/**
 * True when goship assumes the base image of stage `s` may set `name` in its
 * ENV, so a use of it is not reported: a name in the known ENV of the image
 * family, or, for an image goship cannot name, any name but the predefined
 * args and the global ARGs (except *_VERSION). BuildKit reads the real image
 * config instead; this is the one place goship's answer is a guess.
 */
export function baseImageMaySet(model: LintModel, s: StageModel, name: string): boolean {
  const env = baseEnv(rootStage(model, s));
  if (env !== null) return env.includes(name);
  if (PREDEFINED.has(name)) return false;
  return !model.globalArgs.has(name) || /_VERSION$/.test(name);
}

interface Scope {
  readonly names: Set<string>;
  /** False when the base image's ENV is unknown. */
  readonly complete: boolean;
}

/** Every use of an undefined variable in the file, in file order. */
export function undefinedVariables(model: LintModel): UndefinedUse[] {
  const out: UndefinedUse[] = [];
  const escapeToken = model.dockerfile.escapeToken;
  const globals = model.globalArgs;

  // FROM: global ARGs with a value plus the platform args.
  const fromKnown = new Set<string>([...globals.keys(), ...PREDEFINED]);
  const fromLookup = (k: string): string | undefined => {
    if (globals.has(k)) return globals.get(k);
    return PLATFORM_ARGS.includes(k) ? "" : undefined;
  };

  const finalScopes: Scope[] = [];
  for (const s of model.stages) {
    const from = s.stage.from;
    for (const word of [s.stage.baseName, s.stage.platform]) {
      if (!word) continue;
      for (const name of unmatched(word, fromLookup, escapeToken, false)) {
        if (fromKnown.has(name)) continue;
        out.push(use(model, name, "unknown", from, true, [...globals.keys(), ...PLATFORM_ARGS]));
      }
    }

    const parent = s.parent !== null ? finalScopes[s.parent] : undefined;
    const env = parent ? null : baseEnv(s);
    const scope: Scope = parent
      ? { names: new Set(parent.names), complete: parent.complete }
      : { names: new Set(env ?? []), complete: env !== null };
    const lookup = (k: string): string | undefined => (scope.names.has(k) ? "" : undefined);
    const check = (ins: Instruction, words: readonly string[], raw = false): void => {
      for (const w of words) {
        for (const name of unmatched(w, lookup, escapeToken, raw)) {
          const kind: UndefinedKind = PREDEFINED.has(name) ? "predefined" : globals.has(name) ? "global-arg" : "unknown";
          // An unknown image may set the name itself; images conventionally export *_VERSION (node, python...).
          if (!scope.complete && baseImageMaySet(model, s, name)) continue;
          out.push(use(model, name, kind, ins, false, [...scope.names]));
        }
      }
    };
    for (const ins of s.stage.commands) {
      switch (ins.kind) {
        case "ENV":
          check(ins, ins.pairs.flatMap((p) => [p.key, p.value]));
          for (const p of ins.pairs) scope.names.add(p.key);
          break;
        case "LABEL":
          check(ins, ins.pairs.flatMap((p) => [p.key, p.value]));
          break;
        case "COPY":
        case "ADD":
          check(ins, [ins.chown, ins.chmod, ...(ins.kind === "ADD" ? [ins.checksum] : []), ...ins.sources, ins.dest]);
          check(
            ins,
            ins.contents.filter((c) => c.expand).map((c) => c.data),
            true,
          );
          break;
        case "WORKDIR":
          check(ins, [ins.path]);
          break;
        case "USER":
          check(ins, [ins.user]);
          break;
        case "VOLUME":
          check(ins, ins.volumes);
          break;
        case "STOPSIGNAL":
          check(ins, [ins.signal]);
          break;
        case "RUN":
          check(ins, ins.mounts.flatMap((m) => mountValues(m.spec)));
          break;
        case "ARG":
          for (const a of ins.args) {
            if (a.value !== undefined) check(ins, [a.value]);
            scope.names.add(a.key);
          }
          break;
        default:
          break;
      }
    }
    finalScopes.push(scope);
  }
  return out;
}

/**
 * `word` expanded as BuildKit expands it with every variable unset, when its
 * first character does not depend on any variable's value (`/src/$APP`,
 * `"/app"`, `\$DIR`); null when it does (`$GOPATH/src`, `${X:+y}/x`) or
 * BuildKit could not expand the word. For checks on how a path begins.
 */
export function staticStart(word: string, escapeToken: "\\" | "`"): string | null {
  const PLACEHOLDER = "\u0000";
  try {
    const unset = expandWord(word, () => undefined, { escapeToken }).value;
    if (!word.includes("$")) return unset;
    const set = expandWord(word, () => PLACEHOLDER, { escapeToken }).value;
    if (set.startsWith(PLACEHOLDER) || unset.charAt(0) !== set.charAt(0)) return null;
    return unset;
  } catch {
    return null;
  }
}

/** The values of `key=value` fields of a --mount spec (the ones BuildKit expands). */
function mountValues(spec: string): string[] {
  let fields: string[];
  try {
    fields = csvFields(spec);
  } catch {
    return [];
  }
  return fields.flatMap((f) => {
    const i = f.indexOf("=");
    return i < 0 ? [] : [f.slice(i + 1)];
  });
}

/** Names a word looks up without finding them; expansion errors keep the names seen so far (as BuildKit reports them). */
function unmatched(word: string, lookup: (k: string) => string | undefined, escapeToken: "\\" | "`", raw: boolean): string[] {
  if (!word.includes("$")) return [];
  const missing = new Set<string>();
  const record = (k: string): string | undefined => {
    const v = lookup(k);
    if (v === undefined) missing.add(k);
    return v;
  };
  try {
    expandWord(word, record, raw ? { escapeToken: "\\", skipProcessQuotes: true } : { escapeToken });
  } catch {
    // BuildKit reports what it saw before the error too.
  }
  return [...missing];
}

function use(model: LintModel, name: string, kind: UndefinedKind, ins: Instruction, inFrom: boolean, options: readonly string[]): UndefinedUse {
  return { name, kind, instruction: ins, inFrom, range: locateVar(model, ins, name), suggestion: suggest(name, options) };
}

/** The first `$NAME` or `${NAME` in the instruction's lines. */
function locateVar(model: LintModel, ins: Instruction, name: string): Range {
  const re = new RegExp(`\\$\\{?${name.replace(/[^A-Za-z0-9_]/g, (c) => `\\${c}`)}(?![A-Za-z0-9_])`);
  for (let line = ins.startLine; line <= ins.endLine; line++) {
    const text = model.lines[line - 1] ?? "";
    const m = re.exec(text);
    if (m) {
      const col = m.index + 1;
      const len = m[0].startsWith("${") ? m[0].length + 1 : m[0].length;
      const end = Math.min(col + len, text.length + 1);
      return { start: { line, column: col }, end: { line, column: end } };
    }
  }
  return ins.node.keywordRange;
}

/** The closest defined name within edit distance 2 (BuildKit's suggest.Search, case-sensitive as on Linux). */
function suggest(name: string, options: readonly string[]): string | null {
  return closestOptions(name, [...new Set(options)].filter((o) => o !== name), true)[0] ?? null;
}
