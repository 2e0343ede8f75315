/**
 * Go's path.Match and filepath.Match (on Linux) as of Go 1.26: shell patterns
 * over slash-separated names (`*` stays inside one element, `?`, `[a-z]`,
 * `[^x]`, `\` escapes), with their ErrBadPattern rules. The two differ in one
 * point, kept here as two functions:
 *
 * - `pathMatch` (path.Match) checks the rest of the pattern before it returns
 *   false, so a malformed pattern is reported even when the name already
 *   failed to match ("a*[" against "." is ErrBadPattern);
 * - `filepathMatch` (filepath.Match) returns false as soon as the name fails,
 *   so only the chunks it reaches are checked ("a*[" against "." is false, no
 *   error), which is what patternmatcher.New relies on.
 *
 * Both work on byte strings (utf8.ts): ranges compare decoded runes, and an
 * invalid UTF-8 byte inside a range is ErrBadPattern. Leaves out Windows
 * (`\` as separator, no escapes) and Glob.
 */
import { decodeRune, RUNE_ERROR } from "./utf8.js";

/** path.ErrBadPattern's (and filepath.ErrBadPattern's) text. */
export const BAD_PATTERN = "syntax error in pattern";

/** Outcome of path.Match / filepath.Match. */
export interface PathMatch {
  readonly matched: boolean;
  /** BAD_PATTERN when the pattern is malformed. */
  readonly error?: string;
}

function scanChunk(pattern: string): [boolean, string, string] {
  let star = false;
  while (pattern.length > 0 && pattern[0] === "*") {
    pattern = pattern.slice(1);
    star = true;
  }
  let inrange = false;
  for (let i = 0; i < pattern.length; i++) {
    switch (pattern[i]) {
      case "\\":
        if (i + 1 < pattern.length) i++;
        break;
      case "[":
        inrange = true;
        break;
      case "]":
        inrange = false;
        break;
      case "*":
        if (!inrange) return [star, pattern.slice(0, i), pattern.slice(i)];
        break;
    }
  }
  return [star, pattern, ""];
}

class BadPattern {}

function getEsc(chunk: string): [number, string] {
  if (chunk.length === 0 || chunk[0] === "-" || chunk[0] === "]") throw new BadPattern();
  if (chunk[0] === "\\") {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPattern();
  }
  const [r, n] = decodeRune(chunk, 0);
  if (r === RUNE_ERROR && n === 1) throw new BadPattern();
  const nchunk = chunk.slice(n);
  if (nchunk.length === 0) throw new BadPattern();
  return [r, nchunk];
}

/** matchChunk: the rest of s after chunk, or null; throws BadPattern. */
function matchChunk(chunk: string, s: string): string | null {
  let failed = false;
  while (chunk.length > 0) {
    failed = failed || s.length === 0;
    switch (chunk[0]) {
      case "[": {
        let r = 0;
        if (!failed) {
          const [rr, n] = decodeRune(s, 0);
          r = rr;
          s = s.slice(n);
        }
        chunk = chunk.slice(1);
        let negated = false;
        if (chunk.length > 0 && chunk[0] === "^") {
          negated = true;
          chunk = chunk.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (chunk.length > 0 && chunk[0] === "]" && nrange > 0) {
            chunk = chunk.slice(1);
            break;
          }
          let lo: number;
          [lo, chunk] = getEsc(chunk);
          let hi = lo;
          if (chunk[0] === "-") [hi, chunk] = getEsc(chunk.slice(1));
          match = match || (lo <= r && r <= hi);
          nrange++;
        }
        failed = failed || match === negated;
        break;
      }
      case "?":
        if (!failed) {
          failed = s[0] === "/";
          const [, n] = decodeRune(s, 0);
          s = s.slice(n);
        }
        chunk = chunk.slice(1);
        break;
      default:
        if (chunk[0] === "\\") {
          chunk = chunk.slice(1);
          if (chunk.length === 0) throw new BadPattern();
        }
        if (!failed) {
          failed = chunk[0] !== s[0];
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
    }
  }
  return failed ? null : s;
}

function tryChunk(chunk: string, s: string): { rest: string | null; bad: boolean } {
  try {
    return { rest: matchChunk(chunk, s), bad: false };
  } catch (e) {
    if (e instanceof BadPattern) return { rest: null, bad: true };
    throw e;
  }
}

/** The loop both Match functions share; `checkRest` is path.Match's final syntax check. */
function match(pattern: string, name: string, checkRest: boolean): PathMatch {
  const bad: PathMatch = { matched: false, error: BAD_PATTERN };
  pattern: while (pattern.length > 0) {
    let star: boolean;
    let chunk: string;
    [star, chunk, pattern] = scanChunk(pattern);
    if (star && chunk === "") return { matched: !name.includes("/") };
    const t = tryChunk(chunk, name);
    if (t.rest !== null && (t.rest.length === 0 || pattern.length > 0)) {
      name = t.rest;
      continue;
    }
    if (t.bad) return bad;
    if (star) {
      for (let i = 0; i < name.length && name[i] !== "/"; i++) {
        const u = tryChunk(chunk, name.slice(i + 1));
        if (u.rest !== null) {
          if (pattern.length === 0 && u.rest.length > 0) continue;
          name = u.rest;
          continue pattern;
        }
        if (u.bad) return bad;
      }
    }
    if (checkRest) {
      while (pattern.length > 0) {
        [, chunk, pattern] = scanChunk(pattern);
        if (tryChunk(chunk, "").bad) return bad;
      }
    }
    return { matched: false };
  }
  return { matched: name.length === 0 };
}

/** path.Match(pattern, name) on byte strings. */
export function pathMatch(pattern: string, name: string): PathMatch {
  return match(pattern, name, true);
}

/** filepath.Match(pattern, name) on Linux, on byte strings. */
export function filepathMatch(pattern: string, name: string): PathMatch {
  return match(pattern, name, false);
}
