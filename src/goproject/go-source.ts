/**
 * readGoSource: what go/build's readGoInfo learns from one .go file (Go 1.26),
 * plus the top-level string variables goship needs for `-ldflags -X`:
 *
 * - the package clause (`package name`);
 * - the import declarations (single and grouped, with `.`/`_`/named forms),
 *   each path unquoted as strconv.Unquote does; a path that is not a valid
 *   import (isValidImport) makes the file a parse error, as in go/build;
 * - when the file imports "embed", every `//go:embed` comment anywhere in the
 *   file (found with the lexer, so text inside strings never counts), parsed
 *   as ast.ParseDirective + Directive.ParseArgs do (bare words, "..." and
 *   `...` strings; a malformed line is skipped, as go/build skips it);
 * - package-level `var` declarations whose value can be set with `-X`: type
 *   `string` without a value, or a single string literal value (optionally
 *   typed `string`), in plain and grouped form.
 *
 * Input is a byte string (src/golang/utf8.ts); positions are 1-based lines and
 * byte columns as go/token reports them. Limits: no full Go parser — syntax
 * errors after the import block are not detected, `var x = "a" + "b"` or a
 * `const` is not reported as a string variable, and cgo preamble (`#cgo`
 * lines) is not read.
 */
import { goUnquoteBytes } from "../golang/strconv-unquote.js";
import { isPrint, isSpace } from "../golang/unicode.js";
import { decodeRune, fromBytes } from "../golang/utf8.js";
import { goTokens, type Token } from "./go-tokens.js";

/** A byte position: 1-based line and 1-based byte column, plus the byte offset. */
export interface SourcePos {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface GoImport extends SourcePos {
  readonly path: string;
}

export interface GoEmbedPattern extends SourcePos {
  readonly pattern: string;
}

export interface GoStringVar extends SourcePos {
  readonly name: string;
  /** The initial value (unquoted), or null when declared `var name string`. */
  readonly value: string | null;
}

export interface GoSourceInfo {
  /** The package name, or "" when the package clause is missing or malformed. */
  readonly packageName: string;
  readonly imports: readonly GoImport[];
  readonly embeds: readonly GoEmbedPattern[];
  readonly stringVars: readonly GoStringVar[];
  /** Why go/parser would reject the header (package clause / imports), or "". */
  readonly parseError: string;
}

class Positions {
  private readonly lineStarts: number[] = [0];
  constructor(src: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  at(offset: number): SourcePos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1 };
  }
}

const ILLEGAL_IMPORT_CHARS = "!\"#$%&'()*,:;<=>?[\\]^{|}`\ufffd";

/** go/build isValidImport, on the decoded text of a path. */
function isValidImport(path: string): boolean {
  if (path === "") return false;
  for (const ch of path) {
    const r = ch.codePointAt(0) as number;
    // IsGraphic = IsPrint plus the Zs spaces, all of which IsSpace rejects anyway.
    if (!isPrint(r) || isSpace(r) || ILLEGAL_IMPORT_CHARS.includes(ch)) return false;
  }
  return true;
}

/** Reads one Go source file given as a byte string. */
export function readGoSource(src: string): GoSourceInfo {
  const pos = new Positions(src);
  const all = goTokens(src);
  const toks = all.filter((t) => t.kind !== "comment");
  let k = 0;
  const peek = (): Token | undefined => toks[k];
  let packageName = "";
  let parseError = "";
  const imports: GoImport[] = [];

  const fail = (t: Token | undefined, what: string): void => {
    if (parseError === "") {
      const p = pos.at(t ? t.start : src.length);
      parseError = `${p.line}:${p.column}: ${what}`;
    }
  };

  // package clause
  if (peek()?.kind === "ident" && peek()?.text === "package") {
    k++;
    const name = peek();
    if (name?.kind === "ident" && !KEYWORD_LIKE.has(name.text)) {
      packageName = fromBytes(name.text);
      k++;
    } else {
      fail(name, "expected package name");
    }
  } else {
    fail(peek(), "expected 'package'");
  }
  if (parseError === "") {
    if (peek()?.kind === "semi") k++;
    else if (peek() !== undefined) fail(peek(), "expected ';'");
  }

  const readSpec = (): boolean => {
    let t = peek();
    if (t?.kind === "ident" || (t?.kind === "op" && t.text === ".")) {
      k++;
      t = peek();
    }
    if (t?.kind !== "string") {
      fail(t, "missing import path");
      return false;
    }
    k++;
    const raw = goUnquoteBytes(t.text);
    if (raw === null) {
      fail(t, "invalid import path literal");
      return false;
    }
    const path = fromBytes(raw);
    if (!isValidImport(path)) {
      fail(t, `invalid import path: ${path}`);
      return false;
    }
    imports.push({ ...pos.at(t.start), path });
    return true;
  };

  while (parseError === "" && peek()?.kind === "ident" && peek()?.text === "import") {
    k++;
    if (peek()?.kind === "op" && peek()?.text === "(") {
      k++;
      while (parseError === "" && !(peek()?.kind === "op" && peek()?.text === ")")) {
        if (peek() === undefined) {
          fail(undefined, "expected ')'");
          break;
        }
        if (!readSpec()) break;
        if (peek()?.kind === "semi") k++;
        else if (!(peek()?.kind === "op" && peek()?.text === ")")) fail(peek(), "expected ';'");
      }
      if (parseError === "") k++;
    } else if (!readSpec()) {
      break;
    }
    if (parseError === "" && peek() !== undefined) {
      if (peek()?.kind === "semi") k++;
      else fail(peek(), "expected ';'");
    }
  }

  const hasEmbed = parseError === "" && imports.some((i) => i.path === "embed");
  const embeds: GoEmbedPattern[] = [];
  if (hasEmbed) {
    for (const t of all) {
      if (t.kind === "comment" && t.text.startsWith("//go:embed")) embeds.push(...parseGoEmbed(t, pos));
    }
  }
  const stringVars = parseError === "" ? topLevelStringVars(toks, k, pos) : [];
  return {
    packageName,
    imports: parseError === "" ? imports : [],
    embeds,
    stringVars,
    parseError,
  };
}

const KEYWORD_LIKE = new Set(["import", "package", "var", "func", "const", "type"]);

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "0" && c <= "9"));
}

/** ast.ParseDirective + ParseArgs for a `//go:embed` comment; [] when malformed or not `go:embed`. */
function parseGoEmbed(t: Token, pos: Positions): GoEmbedPattern[] {
  const c = t.text;
  if (!(c.length >= 3 && isAlnum(c[2]))) return [];
  const body = c.slice(2);
  const colon = body.indexOf(":");
  if (colon <= 0 || colon + 1 >= body.length) return [];
  for (let i = 0; i <= colon + 1; i++) if (i !== colon && !isAlnum(body[i])) return [];
  if (body.slice(0, colon) !== "go") return [];
  let i = colon + 1;
  const nameStart = i;
  while (i < body.length && !spaceAt(body, i)) i += runeLen(body, i);
  if (body.slice(nameStart, i) !== "embed") return [];
  // args: the rest with trailing space trimmed
  let end = body.length;
  while (end > i) {
    const s = lastRuneStart(body, end);
    if (!spaceAt(body, s)) break;
    end = s;
  }
  const args = body.slice(0, end);
  const out: GoEmbedPattern[] = [];
  const base = t.start + 2;
  for (;;) {
    while (i < args.length && spaceAt(args, i)) i += runeLen(args, i);
    if (i >= args.length) break;
    const argStart = i;
    const q = args[i];
    let value: string;
    if (q === '"' || q === "`") {
      let j = i + 1;
      if (q === "`") {
        while (j < args.length && args[j] !== "`") j++;
      } else {
        while (j < args.length && args[j] !== '"') j += args[j] === "\\" ? 2 : 1;
      }
      if (j >= args.length) return [];
      const lit = args.slice(i, j + 1);
      const un = goUnquoteBytes(lit);
      if (un === null) return [];
      value = un;
      i = j + 1;
      if (i < args.length && !spaceAt(args, i)) return [];
    } else {
      while (i < args.length && !spaceAt(args, i)) i += runeLen(args, i);
      value = args.slice(argStart, i);
    }
    out.push({ ...pos.at(base + argStart), pattern: fromBytes(value) });
  }
  return out;
}

function runeLen(b: string, i: number): number {
  return decodeRune(b, i)[1] || 1;
}

function spaceAt(b: string, i: number): boolean {
  return isSpace(decodeRune(b, i)[0]);
}

function lastRuneStart(b: string, end: number): number {
  let s = end - 1;
  while (s > 0 && end - s < 4 && ((b.charCodeAt(s) & 0xc0) === 0x80)) s--;
  const [, n] = decodeRune(b, s);
  return s + n === end ? s : end - 1;
}

/** Package-level `var` specs settable with -X, from token index `k` (after the imports). */
function topLevelStringVars(toks: readonly Token[], k: number, pos: Positions): GoStringVar[] {
  const out: GoStringVar[] = [];
  let depth = 0;
  const isOp = (t: Token | undefined, s: string): boolean => t?.kind === "op" && t.text === s;
  for (let i = k; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.kind === "op" && (t.text === "(" || t.text === "{" || t.text === "[")) depth++;
    else if (t.kind === "op" && (t.text === ")" || t.text === "}" || t.text === "]")) depth = Math.max(0, depth - 1);
    if (depth !== 0 || t.kind !== "ident" || t.text !== "var") continue;
    if (isOp(toks[i + 1], "(")) {
      let j = i + 2;
      while (j < toks.length && !isOp(toks[j], ")")) {
        const end = specEnd(toks, j);
        readVarSpec(toks.slice(j, end), pos, out);
        j = end;
        while (toks[j]?.kind === "semi") j++;
      }
      i = j;
    } else {
      const end = specEnd(toks, i + 1);
      readVarSpec(toks.slice(i + 1, end), pos, out);
      i = end - 1;
    }
  }
  return out;
}

/** Index of the `;` (or `)` closing a group) ending the spec that starts at `j`. */
function specEnd(toks: readonly Token[], j: number): number {
  let depth = 0;
  for (let i = j; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.kind === "op" && (t.text === "(" || t.text === "{" || t.text === "[")) depth++;
    else if (t.kind === "op" && (t.text === ")" || t.text === "}" || t.text === "]")) {
      if (depth === 0) return i;
      depth--;
    } else if (t.kind === "semi" && depth === 0) return i;
  }
  return toks.length;
}

function readVarSpec(spec: readonly Token[], pos: Positions, out: GoStringVar[]): void {
  const names: Token[] = [];
  let i = 0;
  for (;;) {
    const t = spec[i];
    if (t?.kind !== "ident" || KEYWORD_LIKE.has(t.text)) return;
    names.push(t);
    i++;
    if (spec[i]?.kind === "op" && spec[i]?.text === ",") {
      i++;
      continue;
    }
    break;
  }
  const eq = spec.findIndex((t, j) => j >= i && t.kind === "op" && t.text === "=");
  const typeToks = spec.slice(i, eq < 0 ? spec.length : eq);
  const typed = typeToks.length === 1 && typeToks[0]?.kind === "ident" && typeToks[0].text === "string";
  if (typeToks.length > 0 && !typed) return;
  if (eq < 0) {
    if (!typed) return;
    for (const n of names) out.push({ ...pos.at(n.start), name: fromBytes(n.text), value: null });
    return;
  }
  // values: comma-separated, each must be exactly one string literal
  const values: Token[][] = [[]];
  for (const t of spec.slice(eq + 1)) {
    if (t.kind === "op" && t.text === ",") values.push([]);
    else (values[values.length - 1] as Token[]).push(t);
  }
  if (values.length !== names.length) return;
  names.forEach((n, idx) => {
    const v = values[idx] as Token[];
    if (v.length !== 1 || v[0]?.kind !== "string") return;
    const un = goUnquoteBytes(v[0].text);
    if (un === null) return;
    out.push({ ...pos.at(n.start), name: fromBytes(n.text), value: fromBytes(un) });
  });
}
