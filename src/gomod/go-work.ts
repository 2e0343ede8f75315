/**
 * parseGoWork: go.work files as golang.org/x/mod/modfile.ParseWork (v0.43.0,
 * nil VersionFixer) reads them: go, toolchain, godebug, use (directory of a
 * workspace module), replace; single-line and block forms (blocks only for
 * godebug, use and replace). Rejected files throw GoModSyntaxError with
 * x/mod's problems, in its order and words.
 *
 * Leaves out editing and formatting; Use.ModulePath (never set by parsing).
 */
import { ByteLocator } from "./byte-locator.js";
import { fromBytes, toBytes } from "../golang/utf8.js";
import type { GoModDirective, GoModGodebug, GoModGo, GoModReplace, GoModToolchain } from "./go-mod.js";
import {
  ArgError,
  GO_VERSION_RE,
  type ModError,
  parseGodebug,
  parseReplace,
  parseStringArg,
  TOOLCHAIN_RE,
} from "./modfile-directives.js";
import { collectErrors, deepFreeze, lineComments } from "./modfile-result.js";
import { parseSyntax, type SyntaxLine } from "./modfile-syntax.js";

export interface GoWorkUse extends GoModDirective {
  /** The module directory, as written (relative to the go.work file). */
  readonly path: string;
}

/** A parsed go.work (modfile.WorkFile without the syntax tree). Deeply frozen. */
export interface GoWork {
  readonly file: string;
  readonly go: GoModGo | null;
  readonly toolchain: GoModToolchain | null;
  readonly godebug: readonly GoModGodebug[];
  readonly use: readonly GoWorkUse[];
  readonly replace: readonly GoModReplace[];
}

const BLOCK_VERBS = new Set(["godebug", "use", "replace"]);

/** Parses go.work text; throws GoModSyntaxError where modfile.ParseWork fails. */
export function parseGoWork(text: string, file = "go.work"): GoWork {
  const data = toBytes(text);
  const fname = toBytes(file);
  const loc = new ByteLocator(data);
  const syntax = collectErrors(file, fname, loc, () => parseSyntax(fname, data));
  const errs: ModError[] = [];
  let go: GoModGo | null = null;
  let toolchain: GoModToolchain | null = null;
  const godebug: GoModGodebug[] = [];
  const use: GoWorkUse[] = [];
  const replace: GoModReplace[] = [];

  const add = (line: SyntaxLine, verb: string, args: readonly string[]): void => {
    const errorf = (text: string): void => {
      errs.push({ pos: line.start, line, text });
    };
    const base: GoModDirective = { range: loc.range(line.start, line.end), inBlock: line.inBlock, comments: lineComments(line) };
    try {
      switch (verb) {
        default:
          return errorf(`unknown directive: ${verb}`);
        case "go": {
          if (go) return errorf("repeated go statement");
          if (args.length !== 1) return errorf("go directive expects exactly one argument");
          const v = args[0] as string;
          if (!GO_VERSION_RE.test(v)) return errorf(`invalid go version '${v}': must match format 1.23.0`);
          go = { ...base, version: fromBytes(v) };
          return;
        }
        case "toolchain": {
          if (toolchain) return errorf("repeated toolchain statement");
          if (args.length !== 1) return errorf("toolchain directive expects exactly one argument");
          const v = args[0] as string;
          if (!TOOLCHAIN_RE.test(v)) return errorf(`invalid toolchain version '${v}': must match format go1.23.0 or default`);
          toolchain = { ...base, name: fromBytes(v) };
          return;
        }
        case "godebug": {
          const [key, value] = parseGodebug(args);
          godebug.push({ ...base, key: fromBytes(key), value: fromBytes(value) });
          return;
        }
        case "use": {
          if (args.length !== 1) return errorf(`usage: ${verb} local/dir`);
          use.push({ ...base, path: fromBytes(parseStringArg(args[0] as string)) });
          return;
        }
        case "replace": {
          const r = parseReplace(verb, args);
          replace.push({
            ...base,
            old: { path: fromBytes(r.oldPath), version: fromBytes(r.oldVersion) },
            new: { path: fromBytes(r.newPath), version: fromBytes(r.newVersion) },
            local: r.newVersion === "",
          });
          return;
        }
      }
    } catch (e) {
      if (e instanceof ArgError) return errorf(e.text);
      throw e;
    }
  };

  for (const x of syntax.stmts) {
    if (x.kind === "line") add(x, x.tokens[0] as string, x.tokens.slice(1));
    else if (x.kind === "block") {
      const verb = x.tokens[0] as string;
      if (x.tokens.length > 1 || !BLOCK_VERBS.has(verb)) {
        errs.push({ pos: x.start, line: x, text: `unknown block type: ${x.tokens.join(" ")}` });
        continue;
      }
      for (const l of x.lines) add(l, verb, l.tokens);
    }
  }
  collectErrors(file, fname, loc, () => {
    if (errs.length > 0) throw errs;
  });
  return deepFreeze({ file, go, toolchain, godebug, use, replace });
}
