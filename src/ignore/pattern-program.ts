/**
 * One .dockerignore pattern turned into a matcher, as patternmatcher v0.6.1's
 * Pattern.compile and Pattern.match do it on Linux.
 *
 * compile walks the cleaned pattern rune by rune (text/scanner, which drops
 * one leading U+FEFF) and builds a Go regexp: `*` is `[^/]*`, `?` is `[^/]`,
 * `**` (eating one `/` after it) is an optional run of anything that ends in
 * `/`, a trailing `**` is `.*`; `$()+.` are escaped (`|{}` are meant to be
 * but are not); `\x` passes on as the Go regexp escape `\x`; `[` and `]`
 * pass through raw; other characters are copied. Patterns with no wildcard
 * stay plain string tests: exact (`path == pattern`), prefix (a literal
 * ending in `**`: HasPrefix), suffix (a leading `**` and only literals after
 * it: HasSuffix, or `**` + `/foo` also matching "foo"). A regexp Go cannot
 * compile gives kind "invalid": evaluating it is an error, which BuildKit
 * surfaces as a failed build, only when the pattern is reached.
 */
import { compileGoRegexp, type GoRegexp } from "./go-regexp-match.js";
import { GoRegexpError } from "./go-regexp-parse.js";

export type PatternKind = "exact" | "prefix" | "suffix" | "regexp" | "invalid";

export interface PatternProgram {
  readonly kind: PatternKind;
  /** The Go regexp source for kind "regexp" and "invalid" (for explanations). */
  readonly regexp: string | null;
  /** Why Go's regexp.Compile rejects it, for kind "invalid". */
  readonly error: string | null;
  /** Pattern.match: throws BadPatternError for kind "invalid". */
  test(path: string): boolean;
}

/** filepath.ErrBadPattern raised while matching (a lazily compiled regexp failed). */
export class BadPatternError extends Error {
  override readonly name = "BadPatternError";
  constructor(readonly pattern: string, readonly reason: string) {
    super("syntax error in pattern");
  }
}

/**
 * shouldEscape's set. patternmatcher lists `.+()|{}$`, but its 8-byte bitmap
 * (bit b/8 of byte b%8) cannot hold characters from 64 up, so `|`, `{` and
 * `}` are never escaped and keep their regexp meaning.
 */
const REGEXP_ESCAPED = new Set([".", "+", "(", ")", "$"]);

/** The last UTF-8 byte of the code point ending at `s[end-1]`, or -1. */
function lastUtf8ByteBefore(s: string, end: number): number {
  if (end <= 0) return -1;
  let cp = s.charCodeAt(end - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && end >= 2) {
    const hi = s.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) cp = ((hi - 0xd800) << 10) + (cp - 0xdc00) + 0x10000;
  }
  return cp < 0x80 ? cp : 0x80 | (cp & 0x3f);
}

/** Compiles a cleaned pattern (no leading "!") the way Pattern.compile does. */
export function compilePatternProgram(cleaned: string): PatternProgram {
  const runes = Array.from(cleaned);
  let k = 0;
  if (runes[0] === "\uFEFF") k = 1; // text/scanner skips a leading BOM
  let re = "^";
  let kind: "exact" | "prefix" | "suffix" | "regexp" = "exact";
  for (let i = 0; k < runes.length; i++) {
    const ch = runes[k++] as string;
    if (ch === "*") {
      if (runes[k] === "*") {
        k++;
        if (runes[k] === "/") k++;
        if (k >= runes.length) {
          if (kind === "exact") {
            kind = "prefix";
          } else {
            re += ".*";
            kind = "regexp";
          }
        } else {
          re += "(.*/)?";
          kind = "regexp";
        }
        if (i === 0) kind = "suffix";
      } else {
        re += "[^/]*";
        kind = "regexp";
      }
    } else if (ch === "?") {
      re += "[^/]";
      kind = "regexp";
    } else if (REGEXP_ESCAPED.has(ch)) {
      re += "\\" + ch;
    } else if (ch === "\\") {
      if (k < runes.length) {
        re += "\\" + (runes[k++] as string);
        kind = "regexp";
      } else {
        re += "\\";
      }
    } else if (ch === "[" || ch === "]") {
      re += ch;
      kind = "regexp";
    } else {
      re += ch;
    }
  }

  switch (kind) {
    case "exact":
      return { kind, regexp: null, error: null, test: (p) => p === cleaned };
    case "prefix": {
      const prefix = cleaned.slice(0, -2);
      return { kind, regexp: null, error: null, test: (p) => p.startsWith(prefix) };
    }
    case "suffix":
      return { kind, regexp: null, error: null, test: suffixTest(cleaned) };
    case "regexp": {
      re += "$";
      let compiled: GoRegexp;
      try {
        compiled = compileGoRegexp(re);
      } catch (e) {
        if (!(e instanceof GoRegexpError)) throw e;
        const reason = e.message;
        return {
          kind: "invalid",
          regexp: re,
          error: reason,
          test: () => {
            throw new BadPatternError(cleaned, reason);
          },
        };
      }
      return { kind, regexp: re, error: null, test: (p) => compiled.test(p) };
    }
  }
}

/** suffixMatch: cleanedPattern[2:] as a byte suffix; `**` + "/foo" also matches "foo". */
function suffixTest(cleaned: string): (path: string) => boolean {
  if (cleaned.startsWith("\uFEFF")) {
    // Go slices bytes: [2:] of EF BB BF '*' '*' rest is BF '*' '*' rest, so
    // the path must end in "**rest" after a character whose last UTF-8 byte
    // is 0xBF. (A pattern line that starts with a second BOM gets here.)
    const tail = cleaned.slice(1);
    return (p) => p.endsWith(tail) && lastUtf8ByteBefore(p, p.length - tail.length) === 0xbf;
  }
  const suffix = cleaned.slice(2);
  const bare = suffix.startsWith("/") ? suffix.slice(1) : null;
  return (p) => p.endsWith(suffix) || p === bare;
}
