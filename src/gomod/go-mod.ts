/**
 * parseGoMod: go.mod files as golang.org/x/mod/modfile.Parse (v0.43.0, nil
 * VersionFixer) reads them, or as ParseLax does for dependencies' go.mod
 * (`{ lax: true }`: unknown directives and main-module-only ones are
 * skipped, "1.21beta"-style go versions are repaired, bad retracts ignored).
 *
 * Directives: module (+ `// Deprecated:` paragraph), go, toolchain, godebug,
 * require (+ `// indirect`), exclude, replace (module or directory on the
 * right, versioned or unversioned left side), retract (single version or
 * `[low, high]`, + rationale comment), tool, ignore; single-line and block
 * forms. Rejected files throw GoModSyntaxError with every problem x/mod
 * reports, in its order and words. Versions are canonicalized as Parse does
 * ("v1.2" becomes "v1.2.0"); retract versions are kept as written.
 *
 * Leaves out editing and formatting, and the go command's network-backed
 * VersionFixer (branch names or commit hashes as versions are errors here,
 * as with Parse(..., nil)).
 */
import type { Range } from "../diagnostic/located-error.js";
import { ByteLocator } from "./byte-locator.js";
import { fromBytes, toBytes } from "../golang/utf8.js";
import {
  ArgError,
  checkArgsModulePath,
  deprecation,
  directiveComment,
  GO_VERSION_RE,
  isIndirect,
  LAX_GO_VERSION_RE,
  type ModError,
  parseGodebug,
  parseReplace,
  parseStringArg,
  parseVersion,
  parseVersionInterval,
  TOOLCHAIN_RE,
} from "./modfile-directives.js";
import { collectErrors, deepFreeze, lineComments } from "./modfile-result.js";
import { parseSyntax, type SyntaxBlock, type SyntaxLine } from "./modfile-syntax.js";
import { goQuoteBytes } from "../golang/strconv-quote.js";

/** Where a directive is and what comments it carries. */
export interface GoModDirective {
  /** From the first token to the end of the last token of the line (1-based, UTF-16 columns). */
  readonly range: Range;
  /** True when the line sits inside a `verb ( ... )` block. */
  readonly inBlock: boolean;
  /** Comment texts attached to the line (whole-line comments before it, then its end-of-line comment), without `//`. */
  readonly comments: readonly string[];
}

export interface ModuleVersion {
  readonly path: string;
  /** "" when the directive names no version (unversioned replace, directory replacement). */
  readonly version: string;
}

export interface GoModModule extends GoModDirective {
  readonly path: string;
  /** The `Deprecated:` paragraph of the module's comments; "" when not deprecated. */
  readonly deprecated: string;
}
export interface GoModGo extends GoModDirective {
  readonly version: string;
}
export interface GoModToolchain extends GoModDirective {
  readonly name: string;
}
export interface GoModGodebug extends GoModDirective {
  readonly key: string;
  readonly value: string;
}
export interface GoModRequire extends GoModDirective, ModuleVersion {
  readonly indirect: boolean;
}
export interface GoModExclude extends GoModDirective, ModuleVersion {}
export interface GoModReplace extends GoModDirective {
  readonly old: ModuleVersion;
  readonly new: ModuleVersion;
  /** The replacement is a directory (modfile.IsDirectoryPath): `./x`, `../x`, `/abs`, `C:\x`. */
  readonly local: boolean;
}
export interface GoModRetract extends GoModDirective {
  readonly low: string;
  readonly high: string;
  readonly rationale: string;
}
export interface GoModTool extends GoModDirective {
  readonly path: string;
}
export interface GoModIgnore extends GoModDirective {
  readonly path: string;
}

/** A parsed go.mod (modfile.File without the syntax tree). Deeply frozen. */
export interface GoMod {
  readonly file: string;
  readonly module: GoModModule | null;
  readonly go: GoModGo | null;
  readonly toolchain: GoModToolchain | null;
  readonly godebug: readonly GoModGodebug[];
  readonly require: readonly GoModRequire[];
  readonly exclude: readonly GoModExclude[];
  readonly replace: readonly GoModReplace[];
  readonly retract: readonly GoModRetract[];
  readonly tool: readonly GoModTool[];
  readonly ignore: readonly GoModIgnore[];
}

export interface ParseGoModOptions {
  /** modfile.ParseLax: for go.mod files of dependencies. */
  readonly lax?: boolean;
}

interface Builder {
  module: GoModModule | null;
  moduleSeen: boolean;
  go: GoModGo | null;
  toolchain: GoModToolchain | null;
  godebug: GoModGodebug[];
  require: GoModRequire[];
  exclude: GoModExclude[];
  replace: GoModReplace[];
  retract: GoModRetract[];
  tool: GoModTool[];
  ignore: GoModIgnore[];
}

const BLOCK_VERBS = new Set(["module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]);
const LAX_VERBS = new Set(["go", "module", "retract", "require", "ignore"]);

/**
 * Parses go.mod text. `file` names the file in errors (x/mod prints it as
 * given). Throws GoModSyntaxError where modfile.Parse (or ParseLax) fails.
 */
export function parseGoMod(text: string, file = "go.mod", options: ParseGoModOptions = {}): GoMod {
  const strict = !options.lax;
  const data = toBytes(text);
  const fname = toBytes(file);
  const loc = new ByteLocator(data);
  const errs: ModError[] = [];
  const syntax = collectErrors(file, fname, loc, () => parseSyntax(fname, data));
  const b: Builder = {
    module: null, moduleSeen: false, go: null, toolchain: null,
    godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [],
  };
  for (const x of syntax.stmts) {
    if (x.kind === "line") {
      add(b, errs, loc, null, x, x.tokens[0] as string, x.tokens.slice(1), strict);
    } else if (x.kind === "block") {
      const verb = x.tokens[0] as string;
      if (x.tokens.length > 1 || !BLOCK_VERBS.has(verb)) {
        if (strict) errs.push({ pos: x.start, line: x, text: `unknown block type: ${x.tokens.join(" ")}` });
        continue;
      }
      for (const l of x.lines) add(b, errs, loc, x, l, verb, l.tokens, strict);
    }
  }
  collectErrors(file, fname, loc, () => {
    if (errs.length > 0) throw errs;
  });
  return deepFreeze({
    file,
    module: b.module,
    go: b.go,
    toolchain: b.toolchain,
    godebug: b.godebug,
    require: b.require,
    exclude: b.exclude,
    replace: b.replace,
    retract: b.retract,
    tool: b.tool,
    ignore: b.ignore,
  });
}

/**
 * The fields every directive shares. Callers copy them field by field into
 * their object literal: `{ ...base(), x }` was ~2x slower for a whole parse.
 */
function base(loc: ByteLocator, line: SyntaxLine): GoModDirective {
  return { range: loc.range(line.start, line.end), inBlock: line.inBlock, comments: lineComments(line) };
}

function add(
  f: Builder,
  errs: ModError[],
  loc: ByteLocator,
  block: SyntaxBlock | null,
  line: SyntaxLine,
  verb: string,
  args: readonly string[],
  strict: boolean,
): void {
  if (!strict && !LAX_VERBS.has(verb)) return;
  const errorf = (text: string): void => {
    errs.push({ pos: line.start, line, text });
  };
  try {
    switch (verb) {
      default:
        errorf(`unknown directive: ${verb}`);
        return;
      case "go": {
        if (f.go) return errorf("repeated go statement");
        if (args.length !== 1) return errorf("go directive expects exactly one argument");
        let v = args[0] as string;
        if (!GO_VERSION_RE.test(v)) {
          const m = strict ? null : LAX_GO_VERSION_RE.exec(v);
          if (!m) return errorf(`invalid go version '${v}': must match format 1.23.0`);
          v = m[1] as string;
        }
        const d = base(loc, line);
        f.go = { range: d.range, inBlock: d.inBlock, comments: d.comments, version: fromBytes(v) };
        return;
      }
      case "toolchain": {
        if (f.toolchain) return errorf("repeated toolchain statement");
        if (args.length !== 1) return errorf("toolchain directive expects exactly one argument");
        const v = args[0] as string;
        if (!TOOLCHAIN_RE.test(v)) return errorf(`invalid toolchain version '${v}': must match format go1.23.0 or default`);
        const d = base(loc, line);
        f.toolchain = { range: d.range, inBlock: d.inBlock, comments: d.comments, name: fromBytes(v) };
        return;
      }
      case "module": {
        if (f.moduleSeen) return errorf("repeated module statement");
        f.moduleSeen = true;
        const deprecated = fromBytes(deprecation(block, line));
        if (args.length !== 1) return errorf("usage: module module/path");
        const s = parseStringArg(args[0] as string);
        const d = base(loc, line);
        f.module = { range: d.range, inBlock: d.inBlock, comments: d.comments, path: fromBytes(s), deprecated };
        return;
      }
      case "godebug": {
        const [key, value] = parseGodebug(args);
        const d = base(loc, line);
        f.godebug.push({ range: d.range, inBlock: d.inBlock, comments: d.comments, key: fromBytes(key), value: fromBytes(value) });
        return;
      }
      case "require":
      case "exclude": {
        if (args.length !== 2) return errorf(`usage: ${verb} module/path v1.2.3`);
        const s = parseStringArg(args[0] as string);
        const v = parseVersion(verb, s, args[1] as string, false);
        checkArgsModulePath(verb, s, v);
        const d = base(loc, line);
        const path = fromBytes(s);
        const version = fromBytes(v);
        if (verb === "require") f.require.push({ range: d.range, inBlock: d.inBlock, comments: d.comments, path, version, indirect: isIndirect(line) });
        else f.exclude.push({ range: d.range, inBlock: d.inBlock, comments: d.comments, path, version });
        return;
      }
      case "replace": {
        const r = parseReplace(verb, args);
        const d = base(loc, line);
        f.replace.push({
          range: d.range,
          inBlock: d.inBlock,
          comments: d.comments,
          old: { path: fromBytes(r.oldPath), version: fromBytes(r.oldVersion) },
          new: { path: fromBytes(r.newPath), version: fromBytes(r.newVersion) },
          local: r.newVersion === "",
        });
        return;
      }
      case "retract": {
        const rationale = directiveComment(block, line);
        let low: string;
        let high: string;
        let rest: readonly string[];
        try {
          [low, high, rest] = parseVersionInterval(verb, args);
        } catch (e) {
          if (e instanceof ArgError && !strict) return;
          throw e;
        }
        if (rest.length > 0 && strict) return errorf(`unexpected token after version: ${goQuoteBytes(rest[0] as string)}`);
        const d = base(loc, line);
        f.retract.push({ range: d.range, inBlock: d.inBlock, comments: d.comments, low: fromBytes(low), high: fromBytes(high), rationale: fromBytes(rationale) });
        return;
      }
      case "tool":
      case "ignore": {
        if (args.length !== 1) return errorf(`${verb} directive expects exactly one argument`);
        const s = parseStringArg(args[0] as string);
        const d = base(loc, line);
        (verb === "tool" ? f.tool : f.ignore).push({ range: d.range, inBlock: d.inBlock, comments: d.comments, path: fromBytes(s) });
        return;
      }
    }
  } catch (e) {
    if (e instanceof ArgError) return errorf(e.text);
    throw e;
  }
}
