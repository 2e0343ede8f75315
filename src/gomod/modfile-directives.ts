/**
 * The directive helpers go.mod and go.work share: a port of the argument
 * parsers in golang.org/x/mod/modfile rule.go (v0.43.0): parseString,
 * parseVersion (with a nil VersionFixer: versions must canonicalize),
 * parseReplace, parseVersionInterval, parseDeprecation,
 * parseDirectiveComment, isIndirect, IsDirectoryPath, and the Error type's
 * text (`file:line[:col]: [verb [path]: ]message`).
 *
 * Works on byte strings (src/golang/utf8.ts). Leaves out VersionFixer callbacks
 * (the go command's fixVersion queries the network) and editing.
 */
import { goQuoteBytes } from "../golang/strconv-quote.js";
import { goUnquoteBytes } from "../golang/strconv-unquote.js";
import { fieldsBytes, trimSpaceBytes } from "../golang/strings.js";
import { checkPathMajor, splitPathVersion } from "./module-path.js";
import type { GoPosition, SyntaxBlock, SyntaxComment, SyntaxLine } from "./modfile-syntax.js";
import { canonicalModuleVersion } from "./semver.js";

/** A modfile.Error, kept apart until the caller formats it. */
export interface ModError {
  readonly pos: GoPosition;
  readonly line?: SyntaxLine | SyntaxBlock;
  /** Verb/path prefix plus message: everything after x/mod's `file:line: `. */
  readonly text: string;
}

/** modfile.Error's directive prefix: "verb path: ", "verb: " or "". */
export function directivePrefix(verb: string, modPath: string): string {
  if (modPath !== "") return `${verb} ${modPath}: `;
  if (verb !== "") return `${verb}: `;
  return "";
}

/** modfile.Error's position prefix. */
export function positionPrefix(file: string, pos: GoPosition): string {
  if (pos.lineRune > 1) return `${file}:${pos.line}:${pos.lineRune}: `;
  if (pos.line > 0) return `${file}:${pos.line}: `;
  if (file !== "") return `${file}: `;
  return "";
}

/** A thrown argument error: the text of the error value (already prefixed if it was a nested modfile.Error). */
export class ArgError {
  constructor(readonly text: string) {}
}

/** modfile.GoVersionRE. */
export const GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
/** The lax go version form ParseLax repairs ("1.21beta"). */
export const LAX_GO_VERSION_RE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][^\n]*)$/;
/** modfile.ToolchainRE. */
export const TOOLCHAIN_RE = /^default$|^go1($|\.)/;

/** parseString: unquotes a "..." token; rejects other quotes. Throws ArgError with the bare message. */
export function parseString(t: string): string {
  if (t.startsWith('"')) {
    const u = goUnquoteBytes(t);
    if (u === null) throw new ArgError("invalid syntax");
    return u;
  }
  if (/["'`]/.test(t)) throw new ArgError("unquoted string cannot contain quote");
  return t;
}

/** parseString as a directive argument: error text "invalid quoted string: ...". */
export function parseStringArg(t: string): string {
  try {
    return parseString(t);
  } catch (e) {
    if (e instanceof ArgError) throw new ArgError(`invalid quoted string: ${e.text}`);
    throw e;
  }
}

/**
 * parseVersion with a nil fixer (canonicalize, or fail) or the retract
 * fixer that keeps the text (`keep`). The thrown text is a nested
 * modfile.Error: "verb path: version "x" invalid: ...".
 */
export function parseVersion(verb: string, path: string, s: string, keep: boolean): string {
  let t: string;
  try {
    t = parseString(s);
  } catch (e) {
    if (e instanceof ArgError) throw new ArgError(`${directivePrefix(verb, path)}version ${goQuoteBytes(s)} invalid: ${e.text}`);
    throw e;
  }
  if (keep) return t;
  const cv = canonicalModuleVersion(t);
  if (cv === "") {
    throw new ArgError(`${directivePrefix(verb, path)}version ${goQuoteBytes(t)} invalid: must be of the form v1.2.3`);
  }
  return cv;
}

/** modulePathMajor: the path's major suffix, or "invalid module path". */
export function modulePathMajor(path: string): string {
  const sp = splitPathVersion(path);
  if (!sp.ok) throw new ArgError("invalid module path");
  return sp.pathMajor;
}

/** modfile.IsDirectoryPath: ./x, ../x, rooted or drive-letter paths (both slash styles). */
export function isDirectoryPath(ns: string): boolean {
  return (
    ns === "." || ns.startsWith("./") || ns.startsWith(".\\") ||
    ns === ".." || ns.startsWith("../") || ns.startsWith("..\\") ||
    ns.startsWith("/") || ns.startsWith("\\") ||
    (ns.length >= 2 && /^[A-Za-z]$/.test(ns[0] as string) && ns[1] === ":")
  );
}

export interface ParsedReplace {
  readonly oldPath: string;
  readonly oldVersion: string;
  readonly newPath: string;
  readonly newVersion: string;
}

/** parseReplace; throws ArgError with the full text after the position prefix. */
export function parseReplace(verb: string, args: readonly string[]): ParsedReplace {
  let arrow = 2;
  if (args.length >= 2 && args[1] === "=>") arrow = 1;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== "=>") {
    throw new ArgError(
      `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`,
    );
  }
  const s = parseStringArg(args[0] as string);
  let pathMajor: string;
  try {
    pathMajor = modulePathMajor(s);
  } catch (e) {
    if (e instanceof ArgError) throw new ArgError(directivePrefix(verb, s) + e.text);
    throw e;
  }
  let v = "";
  if (arrow === 2) {
    v = parseVersion(verb, s, args[1] as string, false);
    const err = checkPathMajor(v, pathMajor);
    if (err !== null) throw new ArgError(directivePrefix(verb, s) + err);
  }
  const ns = parseStringArg(args[arrow + 1] as string);
  let nv = "";
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns)) {
      if (ns.includes("@")) throw new ArgError("replacement module must match format 'path version', not 'path@version'");
      throw new ArgError("replacement module without version must be directory path (rooted or starting with . or ..)");
    }
    if (ns.includes("\\")) throw new ArgError("replacement directory appears to be Windows path (on a non-windows system)");
  }
  if (args.length === arrow + 3) {
    nv = parseVersion(verb, ns, args[arrow + 2] as string, false);
    if (isDirectoryPath(ns)) throw new ArgError(`replacement module directory path ${goQuoteBytes(ns)} cannot have version`);
  }
  return { oldPath: s, oldVersion: v, newPath: ns, newVersion: nv };
}

/** parseVersionInterval for retract (the text is kept, as Parse's dontFixRetract does). Returns [low, high, rest]. */
export function parseVersionInterval(verb: string, args: readonly string[]): [string, string, readonly string[]] {
  let toks = args;
  if (toks.length === 0 || toks[0] === "(") throw new ArgError("expected '[' or version");
  if (toks[0] !== "[") {
    const v = parseVersion(verb, "", toks[0] as string, true);
    return [v, v, toks.slice(1)];
  }
  toks = toks.slice(1);
  if (toks.length === 0) throw new ArgError("expected version after '['");
  const low = parseVersion(verb, "", toks[0] as string, true);
  toks = toks.slice(1);
  if (toks.length === 0 || toks[0] !== ",") throw new ArgError("expected ',' after version");
  toks = toks.slice(1);
  if (toks.length === 0) throw new ArgError("expected version after ','");
  const high = parseVersion(verb, "", toks[0] as string, true);
  toks = toks.slice(1);
  if (toks.length === 0 || toks[0] !== "]") throw new ArgError("expected ']' after version");
  return [low, high, toks.slice(1)];
}

/** parseDirectiveComment: the line's comments, or the block's when the line has none. */
export function directiveComment(block: SyntaxBlock | null, line: SyntaxLine): string {
  let comments = line.comments;
  if (block && comments.before.length === 0 && comments.suffix.length === 0) comments = block.comments;
  const lines: string[] = [];
  for (const g of [comments.before, comments.suffix]) {
    for (const c of g as SyntaxComment[]) {
      if (!c.token.startsWith("//")) continue;
      lines.push(trimSpaceBytes(c.token.slice(2)));
    }
  }
  return lines.join("\n");
}

const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** parseDeprecation: the first "Deprecated:" paragraph of the module directive's comments. */
export function deprecation(block: SyntaxBlock | null, line: SyntaxLine): string {
  const m = DEPRECATED_RE.exec(directiveComment(block, line));
  return m ? (m[1] as string) : "";
}

/** isIndirect: the first suffix comment is "// indirect" or starts "// indirect;". */
export function isIndirect(line: SyntaxLine): boolean {
  const first = line.comments.suffix[0];
  if (!first) return false;
  const t = first.token.startsWith("//") ? first.token.slice(2) : first.token;
  const f = fieldsBytes(t);
  return (f.length === 1 && f[0] === "indirect") || (f.length > 1 && f[0] === "indirect;");
}

/** The godebug argument check shared by go.mod and go.work; returns [key, value] or throws. */
export function parseGodebug(args: readonly string[]): [string, string] {
  const a = args[0];
  if (args.length !== 1 || a === undefined || /["`',]/.test(a)) throw new ArgError("usage: godebug key=value");
  const eq = a.indexOf("=");
  if (eq < 0) throw new ArgError("usage: godebug key=value");
  return [a.slice(0, eq), a.slice(eq + 1)];
}

/** The module path checks require/exclude apply after the version: path major suffix, then CheckPathMajor. */
export function checkArgsModulePath(verb: string, path: string, version: string): void {
  const pathMajor = modulePathMajor(path);
  const err = checkPathMajor(version, pathMajor);
  if (err !== null) throw new ArgError(directivePrefix(verb, path) + err);
}
