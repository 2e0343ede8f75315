/**
 * What go.mod and go.work parsing share after the syntax pass: turning
 * x/mod's error list into a GoModSyntaxError, the comment texts exposed on
 * each directive, and freezing results so callers cannot change them.
 */
import type { Range } from "../diagnostic/located-error.js";
import type { ByteLocator } from "./byte-locator.js";
import { fromBytes } from "../golang/utf8.js";
import { type ModError, positionPrefix } from "./modfile-directives.js";
import { GoModSyntaxError, type GoModProblem } from "./modfile-error.js";
import { SyntaxFailure, type SyntaxLine } from "./modfile-syntax.js";

/** Runs `fn`; a thrown SyntaxFailure or ModError[] becomes a GoModSyntaxError for `file`. */
export function collectErrors<T>(file: string, fname: string, loc: ByteLocator, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    let errs: readonly ModError[];
    if (e instanceof SyntaxFailure) errs = [e.error];
    else if (Array.isArray(e)) errs = e as ModError[];
    else throw e;
    const problems: GoModProblem[] = errs.map((m) => {
      let range: Range;
      if (m.line && m.line.kind === "line") range = loc.range(m.pos, m.line.end);
      else range = loc.range(m.pos, m.pos);
      return { message: fromBytes(m.text), range, goText: fromBytes(positionPrefix(fname, m.pos) + m.text) };
    });
    throw new GoModSyntaxError(file, problems);
  }
}

/** The `//` comments of a line (before it, then on it), without the slashes, trimmed. */
export function lineComments(line: SyntaxLine): string[] {
  const out: string[] = [];
  for (const c of [...line.comments.before, ...line.comments.suffix]) {
    if (c.token.startsWith("//")) out.push(fromBytes(c.token.slice(2)).trim());
  }
  return out;
}

/** Object.freeze, all the way down. */
export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    if (Array.isArray(x)) for (let i = 0; i < x.length; i++) deepFreeze(x[i]);
    else for (const k in x) deepFreeze(x[k]);
    Object.freeze(x);
  }
  return x;
}
