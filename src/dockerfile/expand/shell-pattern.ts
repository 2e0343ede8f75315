/**
 * The shell patterns of `${V#p}`, `${V##p}`, `${V%p}`, `${V%%p}`,
 * `${V/p/r}` and `${V//p/r}` as BuildKit evaluates them (lex.go:
 * convertShellPatternToRegex, trimPrefix, trimSuffix, reversePattern, and Go
 * regexp's FindStringIndex / ReplaceAllString with its `$` template
 * expansion). `*` and `?` never match a newline, as Go's `.` does not.
 *
 * Instead of a regular expression the pattern is compiled to a token list and
 * matched with a memoized depth-first search in the order a backtracking
 * engine tries alternatives (Go's leftmost-first rule), so the result equals
 * Go's while the cost stays O(pattern × value) for any input.
 * Leaves out: bracket expressions (`[...]`), which BuildKit does not support either.
 */

import { isDigit, isLetter } from "../../golang/unicode.js";

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const EOF = -1;

type Token = number; // >= 0: literal code point; ANY or STAR below
const ANY = -2;
const STAR = -3;

export interface CompiledPattern {
  readonly tokens: readonly Token[];
  /** `*` prefers the longest (true) or the shortest (false) text. */
  readonly greedy: boolean;
}

/** A pattern Go rejects; the message is BuildKit's inner error text. */
export class PatternError extends Error {}

/** Code points of `s`, dropping a leading U+FEFF as Go's text/scanner does. */
function scanRunes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  if (out[0] === 0xfeff) out.shift();
  return out;
}

/** Go `string(rune)`: EOF (-1) becomes U+FFFD. */
function runeString(r: number): string {
  return r < 0 ? "\ufffd" : String.fromCodePoint(r);
}

/** convertShellPatternToRegex: `*` any run, `?` one rune, `\*` `\?` `\\` literal, `\}` `\/` drop the backslash. */
export function compilePattern(pattern: string, greedy: boolean): CompiledPattern {
  const src = scanRunes(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < src.length; i++) {
    const tok = src[i] as number;
    if (tok === 0x2a) tokens.push(STAR);
    else if (tok === 0x3f) tokens.push(ANY);
    else if (tok === BACKSLASH) {
      const next = i + 1 < src.length ? (src[i + 1] as number) : EOF;
      if (next === 0x7d || next === 0x2f) continue;
      i++;
      if (next !== 0x2a && next !== 0x3f && next !== BACKSLASH) {
        throw new PatternError(`invalid escape '\\${runeString(next)}'`);
      }
      tokens.push(next);
    } else tokens.push(tok);
  }
  return { tokens, greedy };
}

/** compilePattern with BuildKit's `invalid pattern (p) in substitution: …` wording. */
function compileForSubstitution(pattern: string, greedy: boolean): CompiledPattern {
  try {
    return compilePattern(pattern, greedy);
  } catch (e) {
    if (e instanceof PatternError) throw new PatternError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
    throw e;
  }
}

/**
 * A matcher over one subject: `find(from)` returns [start, end] of the
 * leftmost-first match starting at or after `from`, or undefined. States
 * (token index, position) whose whole subtree failed are remembered across
 * calls: whether a state can reach the end of the pattern does not depend on
 * how it was reached, so each state is expanded at most once per subject.
 */
class Matcher {
  private readonly failed: Uint32Array;
  private readonly frames: number[] = [];
  constructor(
    private readonly p: CompiledPattern,
    private readonly text: readonly number[],
  ) {
    this.failed = new Uint32Array(Math.ceil(((p.tokens.length + 1) * (text.length + 1)) / 32));
  }

  private hasFailed(state: number): boolean {
    return ((this.failed[state >>> 5] as number) & (1 << (state & 31))) !== 0;
  }

  private markFailed(state: number): void {
    this.failed[state >>> 5] = (this.failed[state >>> 5] as number) | (1 << (state & 31));
  }

  /** End of the preferred match starting exactly at `start`, or -1. */
  matchAt(start: number): number {
    const { tokens, greedy } = this.p;
    const k = tokens.length;
    const n = this.text.length;
    const width = n + 1;
    if (k === 0) return start;
    if (this.hasFailed(start)) return -1;
    // Each frame is (token index, position, alternatives already tried).
    const frames = this.frames;
    frames.length = 0;
    frames.push(0, start, 0);
    while (frames.length > 0) {
      const top = frames.length - 3;
      const i = frames[top] as number;
      const p = frames[top + 1] as number;
      const stage = frames[top + 2] as number;
      frames[top + 2] = stage + 1;
      const tok = tokens[i] as Token;
      const ch = p < n ? (this.text[p] as number) : EOF;
      const advances = ch !== EOF && ch !== NEWLINE;
      let ci = -1;
      let cp = -1;
      if (tok === STAR) {
        // Alternatives in preference order: greedy grows by one rune first,
        // lazy leaves the star first. An impossible growth is skipped.
        for (let s = stage; s < 2 && ci < 0; s++) {
          frames[top + 2] = s + 1;
          if (greedy === (s === 0)) {
            if (advances) {
              ci = i;
              cp = p + 1;
            }
          } else {
            ci = i + 1;
            cp = p;
          }
        }
      } else if (stage === 0 && (tok === ANY ? advances : ch === tok)) {
        ci = i + 1;
        cp = p + 1;
      }
      if (ci < 0) {
        this.markFailed(i * width + p);
        frames.length = top;
        continue;
      }
      if (ci === k) return cp;
      if (!this.hasFailed(ci * width + cp)) frames.push(ci, cp, 0);
    }
    return -1;
  }

  find(from: number): readonly [number, number] | undefined {
    for (let s = from; s <= this.text.length; s++) {
      const end = this.matchAt(s);
      if (end >= 0) return [s, end];
    }
    return undefined;
  }
}

function toRunes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

function fromRunes(rs: readonly number[], lo = 0, hi = rs.length): string {
  let s = "";
  for (let i = lo; i < hi; i++) s += String.fromCodePoint(rs[i] as number);
  return s;
}

/** lex.go trimPrefix: drop the anchored match of `pattern` from the start of `value`. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const compiled = compileForSubstitution(pattern, greedy);
  const text = toRunes(value);
  const end = new Matcher(compiled, text).matchAt(0);
  return end >= 0 ? fromRunes(text, end) : value;
}

/** lex.go reversePattern: reverse runes but keep each `\x` pair in order. */
export function reversePattern(pattern: string): string {
  const rs = toRunes(pattern);
  const out: number[] = new Array<number>(rs.length);
  const last = rs.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = rs[i] as number;
    const o = last - i;
    if (tok === BACKSLASH && i !== last) {
      out[o - 1] = tok;
      out[o] = rs[i + 1] as number;
      i += 2;
    } else {
      out[o] = tok;
      i++;
    }
  }
  return fromRunes(out);
}

function reverseString(s: string): string {
  return fromRunes(toRunes(s).reverse());
}

/**
 * lex.go trimSuffix: reverse both, trim a prefix, reverse back. Errors name
 * the reversed pattern, as BuildKit's do.
 */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

function isNameRune(r: number): boolean {
  return isLetter(r) || isDigit(r) || r === 0x5f;
}

/** Go `Regexp.Expand` for a match with no groups: `$0`/`${0}` is the match, `$$` a dollar, other names empty. */
function expandTemplate(template: readonly number[], match: string): string {
  let out = "";
  let i = 0;
  const n = template.length;
  while (i < n) {
    const r = template[i] as number;
    if (r !== 0x24) {
      out += String.fromCodePoint(r);
      i++;
      continue;
    }
    i++;
    if (i < n && template[i] === 0x24) {
      out += "$";
      i++;
      continue;
    }
    // extract(): a name of letters, digits and _ , optionally in braces.
    let j = i;
    const brace = j < n && template[j] === 0x7b;
    if (brace) j++;
    const nameStart = j;
    while (j < n && isNameRune(template[j] as number)) j++;
    if (j === nameStart || (brace && (j >= n || template[j] !== 0x7d))) {
      out += "$"; // malformed: the dollar is literal text
      continue;
    }
    const nameEnd = j;
    if (brace) j++;
    i = j;
    // Only group 0 exists; a name is a number when all ASCII digits, < 1e8, no leading zero.
    const isZero = nameEnd - nameStart === 1 && template[nameStart] === 0x30;
    if (isZero) out += match;
  }
  return out;
}

/**
 * `${V/p/r}` (all = false) and `${V//p/r}` (all = true): p unanchored and
 * greedy. The first form splices `r` in literally; the second goes through Go
 * ReplaceAllString, which expands `$` in `r` and never replaces an empty match
 * right after a previous match.
 */
export function replacePattern(
  pattern: string,
  value: string,
  replacement: string,
  all: boolean,
): string {
  const compiled = compileForSubstitution(pattern, true);
  const text = toRunes(value);
  const m = new Matcher(compiled, text);
  if (!all) {
    const hit = m.find(0);
    if (!hit) return value;
    return fromRunes(text, 0, hit[0]) + replacement + fromRunes(text, hit[1]);
  }
  const tmpl = toRunes(replacement);
  const n = text.length;
  let out = "";
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= n) {
    const hit = m.find(searchPos);
    if (!hit) break;
    const [a0, a1] = hit;
    out += fromRunes(text, lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0) out += expandTemplate(tmpl, fromRunes(text, a0, a1));
    lastMatchEnd = a1;
    const width = searchPos < n ? 1 : 0;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  return out + fromRunes(text, lastMatchEnd);
}
