/**
 * Build constraints: a port of go/build/constraint (Go 1.26) — Parse of
 * `//go:build` expressions (`linux && (amd64 || arm64) && !cgo`: `!` binds
 * tightest, then `&&`, then `||`; double negation, a lone `&`/`|`, unbalanced
 * parentheses and more than 1,000 terms are syntax errors with Go's texts and
 * byte offsets) and of legacy `// +build` lines (space = OR, comma = AND,
 * invalid words become the tag "ignore"), IsGoBuild / IsPlusBuild, Expr.String
 * and Expr.Eval (both operands evaluated, as Go does).
 *
 * Lines are handled as Go handles them: as UTF-8 bytes (tags are runs of
 * Unicode letters, digits, `_` and `.`; an invalid byte ends a tag), so
 * offsets are byte offsets. Leaves out PlusBuildLines and GoVersion.
 */
import { isLetter, isDigit } from "../golang/unicode.js";
import { trimSpaceBytes } from "../golang/strings.js";
import { decodeRune, fromBytes, toBytes } from "../golang/utf8.js";
import { fieldsBytes } from "../golang/strings.js";

/** A parsed build constraint (constraint.Expr). Tags are text (decoded UTF-8). */
export type ConstraintExpr =
  | { readonly kind: "tag"; readonly tag: string }
  | { readonly kind: "not"; readonly x: ConstraintExpr }
  | { readonly kind: "and"; readonly x: ConstraintExpr; readonly y: ConstraintExpr }
  | { readonly kind: "or"; readonly x: ConstraintExpr; readonly y: ConstraintExpr };

/** constraint.SyntaxError, or the plain errors Parse returns (offset -1). */
export class ConstraintSyntaxError extends Error {
  override readonly name = "ConstraintSyntaxError";
  constructor(
    message: string,
    /** Byte offset in the expression text (after `//go:build`) where the error was found; -1 for whole-line errors. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_SIZE = 1000;
const MAX_OLD_SIZE = 100;

const tag = (t: string): ConstraintExpr => ({ kind: "tag", tag: t });
const not = (x: ConstraintExpr): ConstraintExpr => ({ kind: "not", x });
const and = (x: ConstraintExpr, y: ConstraintExpr): ConstraintExpr => ({ kind: "and", x, y });
const or = (x: ConstraintExpr, y: ConstraintExpr): ConstraintExpr => ({ kind: "or", x, y });

/**
 * constraint.Parse: parses one `//go:build` or `// +build` line (text).
 * Throws ConstraintSyntaxError ("not a build constraint" when it is neither).
 */
export function parseConstraint(line: string): ConstraintExpr {
  return parseConstraintBytes(toBytes(line));
}

/** parseConstraint over a byte string (see src/golang/utf8.ts). */
export function parseConstraintBytes(line: string): ConstraintExpr {
  const go = splitGoBuild(line);
  if (go !== null) return parseExpr(go);
  const plus = splitPlusBuild(line);
  if (plus !== null) return parsePlusBuildExpr(plus);
  throw new ConstraintSyntaxError("not a build constraint", -1);
}

/** constraint.IsGoBuild. */
export function isGoBuildLine(line: string): boolean {
  return splitGoBuild(toBytes(line)) !== null;
}

/** constraint.IsPlusBuild. */
export function isPlusBuildLine(line: string): boolean {
  return splitPlusBuild(toBytes(line)) !== null;
}

/** constraint.IsPlusBuild over a byte string. */
export function isPlusBuildBytes(line: string): boolean {
  return splitPlusBuild(line) !== null;
}

function stripNewline(line: string): string | null {
  if (line.endsWith("\n")) line = line.slice(0, -1);
  return line.includes("\n") ? null : line;
}

function splitGoBuild(raw: string): string | null {
  let line = stripNewline(raw);
  if (line === null || !line.startsWith("//go:build")) return null;
  line = trimSpaceBytes(line).slice("//go:build".length);
  const trim = trimSpaceBytes(line);
  if (line.length === trim.length && line !== "") return null;
  return trim;
}

function splitPlusBuild(raw: string): string | null {
  let line = stripNewline(raw);
  if (line === null || !line.startsWith("//")) return null;
  line = trimSpaceBytes(line.slice(2));
  if (!line.startsWith("+build")) return null;
  line = line.slice("+build".length);
  const trim = trimSpaceBytes(line);
  if (line.length === trim.length && line !== "") return null;
  return trim;
}

function isTagRune(r: number): boolean {
  return isLetter(r) || isDigit(r) || r === 0x5f || r === 0x2e;
}

class ExprParser {
  i = 0;
  tok = "";
  isTag = false;
  pos = 0;
  size = 0;
  constructor(readonly s: string) {}

  fail(offset: number, message: string): never {
    throw new ConstraintSyntaxError(message, offset);
  }

  or(): ConstraintExpr {
    let x = this.and();
    while (this.tok === "||") x = or(x, this.and());
    return x;
  }

  and(): ConstraintExpr {
    let x = this.not();
    while (this.tok === "&&") x = and(x, this.not());
    return x;
  }

  not(): ConstraintExpr {
    this.size++;
    if (this.size > MAX_SIZE) this.fail(this.pos, "build expression too large");
    this.lex();
    if (this.tok === "!") {
      this.lex();
      if (this.tok === "!") this.fail(this.pos, "double negation not allowed");
      return not(this.atom());
    }
    return this.atom();
  }

  atom(): ConstraintExpr {
    if (this.tok === "(") {
      const pos = this.pos;
      let x: ConstraintExpr;
      try {
        x = this.or();
      } catch (e) {
        if (e instanceof ConstraintSyntaxError && e.message === "unexpected end of expression") {
          throw new ConstraintSyntaxError("missing close paren", e.offset);
        }
        throw e;
      }
      if ((this.tok as string) !== ")") this.fail(pos, "missing close paren");
      this.lex();
      return x;
    }
    if (!this.isTag) {
      if (this.tok === "") this.fail(this.pos, "unexpected end of expression");
      this.fail(this.pos, "unexpected token " + fromBytes(this.tok));
    }
    const t = this.tok;
    this.lex();
    return tag(fromBytes(t));
  }

  lex(): void {
    const s = this.s;
    this.isTag = false;
    while (this.i < s.length && (s[this.i] === " " || s[this.i] === "\t")) this.i++;
    if (this.i >= s.length) {
      this.tok = "";
      this.pos = this.i;
      return;
    }
    const c = s[this.i] as string;
    if (c === "(" || c === ")" || c === "!") {
      this.pos = this.i;
      this.i++;
      this.tok = c;
      return;
    }
    if (c === "&" || c === "|") {
      if (this.i + 1 >= s.length || s[this.i + 1] !== c) this.fail(this.i, "invalid syntax at " + fromBytes(c));
      this.pos = this.i;
      this.i += 2;
      this.tok = s.slice(this.pos, this.i);
      return;
    }
    let end = this.i;
    while (end < s.length) {
      const [r, n] = decodeRune(s, end);
      if (!isTagRune(r)) break;
      end += n;
    }
    if (end === this.i) {
      const [r] = decodeRune(s, this.i);
      this.fail(this.i, "invalid syntax at " + String.fromCodePoint(r));
    }
    this.pos = this.i;
    this.i = end;
    this.tok = s.slice(this.pos, this.i);
    this.isTag = true;
  }
}

function parseExpr(text: string): ConstraintExpr {
  const p = new ExprParser(text);
  const x = p.or();
  if (p.tok !== "") p.fail(p.pos, "unexpected token " + fromBytes(p.tok));
  return x;
}

function isValidTag(word: string): boolean {
  if (word === "") return false;
  for (let i = 0; i < word.length; ) {
    const [r, n] = decodeRune(word, i);
    if (!isTagRune(r)) return false;
    i += n;
  }
  return true;
}

function parsePlusBuildExpr(text: string): ConstraintExpr {
  let size = 0;
  let x: ConstraintExpr | null = null;
  for (const clause of fieldsBytes(text)) {
    let y: ConstraintExpr | null = null;
    for (let lit of clause.split(",")) {
      let z: ConstraintExpr;
      if (lit.startsWith("!!") || lit === "!") {
        z = tag("ignore");
      } else {
        const neg = lit.startsWith("!");
        if (neg) lit = lit.slice(1);
        z = isValidTag(lit) ? tag(fromBytes(lit)) : tag("ignore");
        if (neg) z = not(z);
      }
      if (y === null) {
        y = z;
      } else {
        if (++size > MAX_OLD_SIZE) throw new ConstraintSyntaxError("expression too complex for // +build lines", -1);
        y = and(y, z);
      }
    }
    if (y === null) continue;
    if (x === null) {
      x = y;
    } else {
      if (++size > MAX_OLD_SIZE) throw new ConstraintSyntaxError("expression too complex for // +build lines", -1);
      x = or(x, y);
    }
  }
  return x ?? tag("ignore");
}

/** Expr.String(): the canonical `//go:build` form (minimal parentheses). */
export function constraintString(x: ConstraintExpr): string {
  switch (x.kind) {
    case "tag":
      return x.tag;
    case "not": {
      const s = constraintString(x.x);
      return "!" + (x.x.kind === "and" || x.x.kind === "or" ? `(${s})` : s);
    }
    case "and":
      return `${wrapIf(x.x, "or")} && ${wrapIf(x.y, "or")}`;
    case "or":
      return `${wrapIf(x.x, "and")} || ${wrapIf(x.y, "and")}`;
  }
}

function wrapIf(x: ConstraintExpr, kind: "and" | "or"): string {
  const s = constraintString(x);
  return x.kind === kind ? `(${s})` : s;
}

/** Expr.Eval: `ok` answers whether one tag is satisfied; both sides of && and || are evaluated. */
export function evalConstraint(x: ConstraintExpr, ok: (tag: string) => boolean): boolean {
  switch (x.kind) {
    case "tag":
      return ok(x.tag);
    case "not":
      return !evalConstraint(x.x, ok);
    case "and": {
      const a = evalConstraint(x.x, ok);
      const b = evalConstraint(x.y, ok);
      return a && b;
    }
    case "or": {
      const a = evalConstraint(x.x, ok);
      const b = evalConstraint(x.y, ok);
      return a || b;
    }
  }
}

/** The tags an expression mentions, sorted and unique. */
export function constraintTags(x: ConstraintExpr): readonly string[] {
  const out = new Set<string>();
  const walk = (e: ConstraintExpr): void => {
    if (e.kind === "tag") out.add(e.tag);
    else if (e.kind === "not") walk(e.x);
    else {
      walk(e.x);
      walk(e.y);
    }
  };
  walk(x);
  return [...out].sort();
}
