/**
 * Parser for the Go regexp syntax (regexp/syntax with the Perl flags that
 * regexp.Compile uses: ClassNL | OneLine | PerlX | UnicodeGroups), limited to
 * what moby/patternmatcher can hand it.
 *
 * patternmatcher turns a .dockerignore pattern into a Go regexp string by
 * escaping only `$ ( ) + .` (its escape bitmap is meant to cover `| { }` too
 * but they do not fit in it), so a backslash escape in the pattern becomes a
 * Go regexp escape (`\d`, `\b`, `\x41`, `\Q...\E`, `\pL`, `\p{Greek}`),
 * `[`/`]` pass through raw, even around the text generated for `*`, `?` and
 * `**`, and `|` and `{n,m}` keep their regexp meaning. Matching exactly
 * therefore needs Go's rules, not JavaScript's: this module reproduces them,
 * including the errors (a pattern whose regexp does not compile fails every
 * time BuildKit evaluates it).
 *
 * Covered: literals; escapes (punctuation, octal, \x, \a\f\n\r\t\v); \A \z
 * \b \B \Q..\E; `^` `$` (whole text, OneLine); `.` (not \n); classes with
 * ranges, negation, POSIX [:name:] and [:^name:], Perl \d\s\w and their
 * negations, Unicode \pX and \p{Name} (Go's names, src/golang/unicode-tables.ts);
 * `|`; `*` `+` `?` `{n}` `{n,}` `{n,m}` with lazy markers, a `{` that is no
 * repeat being a literal; the errors for bad escapes, classes and ranges,
 * nested repetition, missing argument and repeat counts over 1000.
 * Left out: `(?flags)` and named groups (patternmatcher always escapes `(`,
 * so the only group is the one it generates for `**`); case folding; the
 * exact wording of Go's error messages. Unicode classes use JavaScript's
 * tables (Node's Unicode version, not Go's 15.0.0): characters assigned
 * after Unicode 15.0 may be classified differently.
 */

import { CATEGORIES, CATEGORY_ALIASES, SCRIPTS } from "../golang/unicode-tables.js";

export type RegexNode =
  | { readonly op: "empty" }
  | { readonly op: "lit"; readonly cp: number }
  | { readonly op: "set"; readonly test: (cp: number) => boolean }
  | { readonly op: "assert"; readonly kind: "begin" | "end" | "word" | "nonword" }
  | { readonly op: "cat"; readonly subs: readonly RegexNode[] }
  | { readonly op: "alt"; readonly subs: readonly RegexNode[] }
  | { readonly op: "star" | "plus" | "quest" | "cap"; readonly sub: RegexNode }
  | { readonly op: "repeat"; readonly min: number; readonly max: number; readonly sub: RegexNode };

/** A regexp Go's regexp.Compile would reject. */
export class GoRegexpError extends Error {
  override readonly name = "GoRegexpError";
}

type Ranges = number[]; // flat [lo, hi, lo, hi, ...]

const CP = (s: string): number => s.codePointAt(0) as number;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isOctal = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x37;

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function inRanges(r: Ranges, c: number): boolean {
  for (let i = 0; i < r.length; i += 2) if (c >= (r[i] as number) && c <= (r[i + 1] as number)) return true;
  return false;
}

const PERL: Readonly<Record<string, Ranges>> = {
  d: [0x30, 0x39],
  s: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20],
  w: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
};

const POSIX: Readonly<Record<string, Ranges>> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a, 0x5f, 0x5f],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/** regexp/syntax canonicalName: first letter upper, rest lower, `_- ` dropped. */
function canonicalName(name: string): string {
  let out = "";
  let first = true;
  for (const ch of name) {
    if (ch === "_" || ch === "-" || ch === " ") continue;
    // Go changes ASCII letters only.
    out += first ? ch.replace(/[a-z]/, (x) => x.toUpperCase()) : ch.replace(/[A-Z]/, (x) => x.toLowerCase());
    first = false;
  }
  return out;
}

let unicodeTables: Map<string, RegExp> | null = null;

/** Canonical name -> class, in Go's lookup order (special names, categories, scripts, aliases). */
function unicodeTableMap(): Map<string, RegExp> {
  if (unicodeTables) return unicodeTables;
  const m = new Map<string, RegExp>([
    ["Any", /[^]/u],
    ["Assigned", /\P{gc=Cn}/u],
    ["Ascii", /[\0-\x7f]/u],
  ]);
  for (const c of CATEGORIES) {
    const key = c === "LC" ? "Lc" : c;
    if (!m.has(key)) m.set(key, new RegExp(`\\p{gc=${c}}`, "u"));
  }
  for (const sc of SCRIPTS) if (!m.has(sc)) m.set(sc, new RegExp(`\\p{sc=${sc}}`, "u"));
  for (const pair of CATEGORY_ALIASES) {
    const [alias, actual] = pair.split("=") as [string, string];
    const key = canonicalName(alias);
    if (!m.has(key)) m.set(key, new RegExp(`\\p{gc=${actual}}`, "u"));
  }
  unicodeTables = m;
  return m;
}

function unicodeTest(name: string): ((cp: number) => boolean) | null {
  const re = unicodeTableMap().get(canonicalName(name));
  if (!re) return null;
  return (cp) => re.test(String.fromCodePoint(cp));
}

class Parser {
  private pos = 0;
  constructor(private readonly s: readonly number[]) {}

  parse(): RegexNode {
    const node = this.parseAlt(false);
    if (this.pos < this.s.length) throw new GoRegexpError("unexpected )");
    return node;
  }

  private peek(off = 0): number | undefined {
    return this.s[this.pos + off];
  }

  private parseAlt(inGroup: boolean): RegexNode {
    const alts: RegexNode[] = [this.parseConcat()];
    while (this.peek() === CP("|")) {
      this.pos++;
      alts.push(this.parseConcat());
    }
    if (inGroup) {
      if (this.peek() !== CP(")")) throw new GoRegexpError("missing closing )");
      this.pos++;
    }
    return alts.length === 1 ? (alts[0] as RegexNode) : { op: "alt", subs: alts };
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    let lastWasRepeat = false;
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === CP("|") || c === CP(")")) break;
      let rep: { min: number; max: number; end: number } | null = null;
      if (c === CP("{")) {
        rep = this.parseRepeat();
        if (rep === null) {
          // Not a valid {n,m}: the brace is a literal.
          this.pos++;
          items.push({ op: "lit", cp: c });
          lastWasRepeat = false;
          continue;
        }
        if (rep.min < 0 || rep.min > 1000 || rep.max > 1000 || (rep.max >= 0 && rep.min > rep.max)) {
          throw new GoRegexpError("invalid repeat count");
        }
      }
      if (c === CP("*") || c === CP("+") || c === CP("?") || rep !== null) {
        if (lastWasRepeat) throw new GoRegexpError("invalid nested repetition operator");
        const prev = items.pop();
        if (prev === undefined) throw new GoRegexpError("missing argument to repetition operator");
        this.pos = rep !== null ? rep.end : this.pos + 1;
        if (this.peek() === CP("?")) this.pos++; // non-greedy: same language
        if (rep !== null) items.push({ op: "repeat", min: rep.min, max: rep.max, sub: prev });
        else items.push({ op: c === CP("*") ? "star" : c === CP("+") ? "plus" : "quest", sub: prev });
        lastWasRepeat = true;
        continue;
      }
      lastWasRepeat = false;
      this.parseAtom(items);
    }
    if (items.length === 0) return { op: "empty" };
    return items.length === 1 ? (items[0] as RegexNode) : { op: "cat", subs: items };
  }

  /** parseInt: decimal digits at i, no leading zero; value -1 when too big. */
  private parseInt(i: number): { value: number; end: number } | null {
    const first = this.s[i];
    if (first === undefined || !isDigit(first)) return null;
    const second = this.s[i + 1];
    if (first === CP("0") && second !== undefined && isDigit(second)) return null;
    let end = i;
    let value = 0;
    while (end < this.s.length && isDigit(this.s[end] as number)) {
      if (value >= 1e8) value = -1;
      else if (value >= 0) value = value * 10 + ((this.s[end] as number) - 0x30);
      end++;
    }
    return { value, end };
  }

  /** parseRepeat: `{n}`, `{n,}` or `{n,m}` at pos (max -1: unbounded); null if not one. */
  private parseRepeat(): { min: number; max: number; end: number } | null {
    const lo = this.parseInt(this.pos + 1);
    if (lo === null) return null;
    let min = lo.value;
    let max: number;
    let i = lo.end;
    if (this.s[i] === undefined) return null;
    if (this.s[i] !== CP(",")) {
      max = min;
    } else {
      i++;
      if (this.s[i] === undefined) return null;
      if (this.s[i] === CP("}")) {
        max = -1;
      } else {
        const hi = this.parseInt(i);
        if (hi === null) return null;
        max = hi.value;
        i = hi.end;
        if (max < 0) min = -1;
      }
    }
    if (this.s[i] !== CP("}")) return null;
    return { min, max, end: i + 1 };
  }

  /** Appends zero or more nodes (\Q..\E yields one per literal). */
  private parseAtom(items: RegexNode[]): void {
    const c = this.peek() as number;
    switch (c) {
      case CP("("):
        this.pos++;
        if (this.peek() === CP("?")) throw new GoRegexpError("unsupported (? group");
        items.push({ op: "cap", sub: this.parseAlt(true) });
        return;
      case CP("^"):
        this.pos++;
        items.push({ op: "assert", kind: "begin" });
        return;
      case CP("$"):
        this.pos++;
        items.push({ op: "assert", kind: "end" });
        return;
      case CP("."):
        this.pos++;
        items.push({ op: "set", test: (x) => x !== 0x0a });
        return;
      case CP("["):
        items.push(this.parseClass());
        return;
      case CP("\\"):
        this.parseBackslash(items);
        return;
      default:
        this.pos++;
        items.push({ op: "lit", cp: c });
    }
  }

  private parseBackslash(items: RegexNode[]): void {
    const n = this.peek(1);
    if (n !== undefined) {
      switch (n) {
        case CP("A"):
          this.pos += 2;
          items.push({ op: "assert", kind: "begin" });
          return;
        case CP("z"):
          this.pos += 2;
          items.push({ op: "assert", kind: "end" });
          return;
        case CP("b"):
          this.pos += 2;
          items.push({ op: "assert", kind: "word" });
          return;
        case CP("B"):
          this.pos += 2;
          items.push({ op: "assert", kind: "nonword" });
          return;
        case CP("C"):
          throw new GoRegexpError("invalid escape sequence: \\C");
        case CP("Q"): {
          this.pos += 2;
          while (this.pos < this.s.length) {
            if (this.peek() === CP("\\") && this.peek(1) === CP("E")) {
              this.pos += 2;
              break;
            }
            items.push({ op: "lit", cp: this.s[this.pos++] as number });
          }
          return;
        }
      }
    }
    const uni = this.parseUnicodeClass();
    if (uni) {
      items.push(setNode(uni, false));
      return;
    }
    const perl = this.parsePerlClass();
    if (perl) {
      items.push(setNode(perl, false));
      return;
    }
    items.push({ op: "lit", cp: this.parseEscape() });
  }

  /** regexp/syntax parseEscape: the character a backslash escape stands for. */
  private parseEscape(): number {
    this.pos++; // backslash
    const c = this.s[this.pos++];
    if (c === undefined) throw new GoRegexpError("trailing backslash at end of expression");
    if (c < 0x80 && !isAlnum(c)) return c;
    if (c >= CP("0") && c <= CP("7")) {
      if (c !== CP("0") && !isOctal(this.peek())) throw new GoRegexpError("invalid escape sequence");
      let r = c - 0x30;
      for (let i = 1; i < 3 && isOctal(this.peek()); i++) r = r * 8 + ((this.s[this.pos++] as number) - 0x30);
      return r;
    }
    switch (c) {
      case CP("x"): {
        let d = this.s[this.pos++];
        if (d === undefined) break;
        if (d === CP("{")) {
          let r = 0;
          let nhex = 0;
          for (;;) {
            d = this.s[this.pos++];
            if (d === undefined) throw new GoRegexpError("invalid escape sequence");
            if (d === CP("}")) break;
            const v = unhex(d);
            if (v < 0) throw new GoRegexpError("invalid escape sequence");
            r = r * 16 + v;
            if (r > 0x10ffff) throw new GoRegexpError("invalid escape sequence");
            nhex++;
          }
          if (nhex === 0) break;
          return r;
        }
        const e = this.s[this.pos++];
        if (e === undefined) break;
        const x = unhex(d);
        const y = unhex(e);
        if (x < 0 || y < 0) break;
        return x * 16 + y;
      }
      case CP("a"):
        return 0x07;
      case CP("f"):
        return 0x0c;
      case CP("n"):
        return 0x0a;
      case CP("r"):
        return 0x0d;
      case CP("t"):
        return 0x09;
      case CP("v"):
        return 0x0b;
    }
    throw new GoRegexpError("invalid escape sequence");
  }

  /** `\pX`, `\p{Name}`, `\PX` at pos; null when not there. */
  private parseUnicodeClass(): ((cp: number) => boolean) | null {
    if (this.peek() !== CP("\\")) return null;
    const p = this.peek(1);
    if (p !== CP("p") && p !== CP("P")) return null;
    let sign = p === CP("P") ? -1 : 1;
    this.pos += 2;
    const c = this.s[this.pos];
    let name: string;
    if (c !== CP("{")) {
      if (c !== undefined) this.pos++;
      name = c === undefined ? "" : String.fromCodePoint(c);
    } else {
      const end = this.s.indexOf(CP("}"), this.pos);
      if (end < 0) throw new GoRegexpError("invalid character class range");
      name = String.fromCodePoint(...this.s.slice(this.pos + 1, end));
      this.pos = end + 1;
    }
    if (name.startsWith("^")) {
      sign = -sign;
      name = name.slice(1);
    }
    const test = unicodeTest(name);
    if (!test) throw new GoRegexpError("invalid character class range");
    return sign > 0 ? test : (cp) => !test(cp);
  }

  /** `\d \D \s \S \w \W` at pos; null when not there. */
  private parsePerlClass(): ((cp: number) => boolean) | null {
    if (this.peek() !== CP("\\")) return null;
    const n = this.peek(1);
    if (n === undefined) return null;
    const letter = String.fromCodePoint(n);
    if (!"dDsSwW".includes(letter)) return null;
    const r = PERL[letter.toLowerCase()] as Ranges;
    this.pos += 2;
    const neg = letter !== letter.toLowerCase();
    return neg ? (cp) => !inRanges(r, cp) : (cp) => inRanges(r, cp);
  }

  /** `[:name:]` / `[:^name:]` at pos; null when there is no `:]` ahead. */
  private parseNamedClass(): ((cp: number) => boolean) | null {
    let end = -1;
    for (let i = this.pos + 2; i + 1 < this.s.length; i++) {
      if (this.s[i] === CP(":") && this.s[i + 1] === CP("]")) {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    let name = String.fromCodePoint(...this.s.slice(this.pos + 2, end));
    const neg = name.startsWith("^");
    if (neg) name = name.slice(1);
    const r = Object.prototype.hasOwnProperty.call(POSIX, name) ? POSIX[name] : undefined;
    if (!r) throw new GoRegexpError("invalid character class range");
    this.pos = end + 2;
    return neg ? (cp) => !inRanges(r, cp) : (cp) => inRanges(r, cp);
  }

  private parseClassChar(): number {
    const c = this.peek();
    if (c === undefined) throw new GoRegexpError("missing closing ]");
    if (c === CP("\\")) return this.parseEscape();
    this.pos++;
    return c;
  }

  /** regexp/syntax parseClass with PerlX (a `-` is fine anywhere) and ClassNL. */
  private parseClass(): RegexNode {
    this.pos++; // [
    let negated = false;
    if (this.peek() === CP("^")) {
      negated = true;
      this.pos++;
    }
    const ranges: Ranges = [];
    const tests: Array<(cp: number) => boolean> = [];
    let first = true;
    while (this.peek() === undefined || this.peek() !== CP("]") || first) {
      first = false;
      if (this.pos + 2 < this.s.length && this.peek() === CP("[") && this.peek(1) === CP(":")) {
        const named = this.parseNamedClass();
        if (named) {
          tests.push(named);
          continue;
        }
      }
      const uni = this.parseUnicodeClass();
      if (uni) {
        tests.push(uni);
        continue;
      }
      const perl = this.parsePerlClass();
      if (perl) {
        tests.push(perl);
        continue;
      }
      const lo = this.parseClassChar();
      let hi = lo;
      if (this.peek() === CP("-") && this.peek(1) !== undefined && this.peek(1) !== CP("]")) {
        this.pos++;
        hi = this.parseClassChar();
        if (hi < lo) throw new GoRegexpError("invalid character class range");
      }
      ranges.push(lo, hi);
    }
    this.pos++; // ]
    const test = tests.length === 0 ? (cp: number) => inRanges(ranges, cp) : (cp: number) => inRanges(ranges, cp) || tests.some((t) => t(cp));
    return setNode(test, negated);
  }
}

function setNode(test: (cp: number) => boolean, negated: boolean): RegexNode {
  return { op: "set", test: negated ? (cp) => !test(cp) : test };
}

/** Parses `source` as regexp.Compile would; throws GoRegexpError where Go fails. */
export function parseGoRegexp(source: string): RegexNode {
  const cps: number[] = [];
  for (const ch of source) cps.push(ch.codePointAt(0) as number);
  return new Parser(cps).parse();
}
