/**
 * The .dockerignore matcher: moby/patternmatcher v0.6.1's New,
 * MatchesOrParentMatches and MatchesUsingParentResults (Linux), plus the
 * directory-skip rule of fsutil's filterFS.Walk, which is what BuildKit
 * v0.34.2 runs on the client side of a build-context transfer.
 *
 * compilePatterns = New: each pattern is trimmed, skipped when empty, cleaned
 * with filepath.Clean (with its "!" still on, so "!/" cleans to "!" and is
 * rejected), split into exception flag and body, and checked with
 * filepath.Match(body, "."). Errors are LocatedErrors naming file and line.
 *
 * Two questions can be asked of a path, and their answers differ in rare
 * cases, so both are offered:
 * - matches(path): MatchesOrParentMatches. Patterns apply in order; a pattern
 *   is only tried when it could change the answer (an inclusion while not
 *   excluded, an exception while excluded); it hits when it matches the path
 *   or any of its parent directories.
 * - excludedFromContext(path): what fsutil's walk decides. Each directory
 *   level is matched with MatchesUsingParentResults, which inherits, per
 *   pattern, whether it hit the parent (only if it was tried there) and
 *   otherwise matches the path alone; and a matched directory may be skipped
 *   whole (see canSkipDir). Example: with "a", "!a/b", "a" the path a/b is
 *   excluded by matches() but transferred by the walk.
 * Paths are slash-separated and relative to the context root, as fsutil
 * hands them (clean, no leading "/"); they are not cleaned here (Go does not
 * either).
 */
import { LocatedError } from "../diagnostic/located-error.js";
import { cleanPath, dirPath } from "./clean-path.js";
import { filepathMatch } from "../golang/path-match.js";
import { trimSpace } from "../golang/strings.js";
import { toBytes } from "../golang/utf8.js";
import { BadPatternError, compilePatternProgram, type PatternKind, type PatternProgram } from "./pattern-program.js";
import type { IgnorePattern } from "./read-ignore-file.js";

/** One compiled pattern. */
export interface CompiledPattern {
  /** Where it came from (line, text as written). */
  readonly origin: IgnorePattern;
  /** An exception ("!" pattern): re-includes what earlier patterns excluded. */
  readonly exclusion: boolean;
  /** Pattern.String(): the cleaned pattern without its "!". */
  readonly cleaned: string;
  readonly kind: PatternKind;
}

/** Per-pattern parent results carried from a directory to its entries. */
export interface ParentMatch {
  readonly parentMatched: readonly boolean[];
}

/** The answer for one entry of a directory walk. */
export interface WalkVisit {
  /** The entry is left out of the context (fsutil still sends an excluded directory when something below it is included). */
  readonly excluded: boolean;
  /** The entry is a directory the walk does not enter (nothing below it is sent). */
  readonly skipDir: boolean;
  /** Pass to visit() for the entries of this directory. */
  readonly state: ParentMatch;
  /** The pattern that last set the answer (null: no pattern matched). */
  readonly decidedBy: IgnorePattern | null;
}

export interface Matcher {
  readonly file: string;
  readonly patterns: readonly CompiledPattern[];
  /** Some pattern is an exception (Exclusions()). */
  readonly hasExclusions: boolean;
  /**
   * Patterns New accepts but whose Go regexp does not compile: BuildKit fails
   * the build when it first evaluates one. Listed so a linter can say so early.
   */
  readonly lateErrors: readonly LocatedError[];
  /** MatchesOrParentMatches; throws LocatedError when it reaches a pattern in lateErrors. */
  matches(path: string): boolean;
  /** The pattern whose match decided matches(path) (the last one that flipped it), or null. */
  matchingPattern(path: string): IgnorePattern | null;
  /** MatchesUsingParentResults; parent omitted (top-level entries) means no parent info. */
  matchWithParent(path: string, parent?: ParentMatch): { readonly matched: boolean; readonly decidedBy: IgnorePattern | null } & ParentMatch;
  /**
   * fsutil's rule: may the walk skip this directory, once it is matched
   * (excluded), without looking below it? Yes when no exception has a
   * wildcard (`* ? [ ] ^ \` after dropping a trailing "/**" or "/*") and
   * either there are no exceptions or none of them (minus that trailing
   * glob) lies inside the directory; never when some exception has one.
   */
  canSkipDir(dir: string): boolean;
  /** One step of fsutil's walk: the entry at path, a directory or not, below `parent`. */
  visit(path: string, isDir: boolean, parent?: ParentMatch): WalkVisit;
  /** Whether fsutil's walk leaves path out (an ancestor skipped, or the path matched). */
  excludedFromContext(path: string): boolean;
}

/**
 * New's syntax check: filepath.Match(pattern, ".") reports ErrBadPattern. Only
 * the chunks Match reaches are checked: "a*[" passes ("a" already fails
 * against ".") while "[" and "*[" do not. A pattern that passes can still
 * fail later, when its regexp is compiled (pattern-program.ts).
 */
function isBadGlob(pattern: string): boolean {
  return filepathMatch(toBytes(pattern), ".").error !== undefined;
}

function asPattern(p: IgnorePattern | string, index: number, file: string): IgnorePattern {
  if (typeof p !== "string") return p;
  const line = index + 1;
  return { pattern: p, source: p, line, file, range: { start: { line, column: 1 }, end: { line, column: p.length + 1 } } };
}

/** fsutil's patternWithoutTrailingGlob. */
function withoutTrailingGlob(p: string): string {
  if (p.endsWith("/**")) p = p.slice(0, -3);
  if (p.endsWith("/*")) p = p.slice(0, -2);
  return p;
}

const WILDCARD_CHARS = /[*[\]?^\\]/;

interface Entry {
  readonly compiled: CompiledPattern;
  readonly program: PatternProgram;
}

/**
 * patternmatcher.New over ignore-file patterns (or plain strings, numbered
 * from line 1). Throws LocatedError for `!` alone and for patterns
 * filepath.Match rejects.
 */
export function compilePatterns(patterns: readonly (IgnorePattern | string)[], file?: string): Matcher {
  const entries: Entry[] = [];
  const lateErrors: LocatedError[] = [];
  patterns.forEach((raw, index) => {
    const origin = asPattern(raw, index, file ?? "");
    const where = file ?? origin.file;
    let p = trimSpace(origin.pattern);
    if (p === "") return;
    p = cleanPath(p);
    let exclusion = false;
    if (p[0] === "!") {
      if (p.length === 1) throw new LocatedError('illegal exclusion pattern: "!"', where, origin.range);
      exclusion = true;
      p = p.slice(1);
    }
    if (isBadGlob(p)) throw new LocatedError(`syntax error in pattern ${JSON.stringify(origin.pattern)}`, where, origin.range);
    const program = compilePatternProgram(p);
    if (program.kind === "invalid") {
      lateErrors.push(
        new LocatedError(`syntax error in pattern ${JSON.stringify(origin.pattern)}: Go regexp ${program.regexp}: ${program.error}`, where, origin.range),
      );
    }
    entries.push({ compiled: { origin, exclusion, cleaned: p, kind: program.kind }, program });
  });
  const file_ = file ?? entries[0]?.compiled.origin.file ?? "";
  const hasExclusions = entries.some((e) => e.compiled.exclusion);
  const onlyPrefixExceptions = !entries.some((e) => e.compiled.exclusion && WILDCARD_CHARS.test(withoutTrailingGlob(e.compiled.cleaned)));

  const evaluate = (e: Entry, path: string): boolean => {
    try {
      return e.program.test(path);
    } catch (err) {
      if (!(err instanceof BadPatternError)) throw err;
      const o = e.compiled.origin;
      throw new LocatedError(`syntax error in pattern ${JSON.stringify(o.pattern)}`, file ?? o.file, o.range);
    }
  };

  /** MatchesOrParentMatches, also returning the deciding pattern. */
  const decide = (path: string): { matched: boolean; decidedBy: IgnorePattern | null } => {
    let matched = false;
    let decidedBy: IgnorePattern | null = null;
    const parent = dirPath(path);
    const parentDirs = parent.split("/");
    for (const e of entries) {
      if (e.compiled.exclusion !== matched) continue;
      let match = evaluate(e, path);
      if (!match && parent !== ".") {
        let prefix = "";
        for (let i = 0; i < parentDirs.length; i++) {
          prefix = i === 0 ? (parentDirs[0] as string) : prefix + "/" + (parentDirs[i] as string);
          if (e.program.test(prefix)) {
            match = true;
            break;
          }
        }
      }
      if (match) {
        matched = !e.compiled.exclusion;
        decidedBy = e.compiled.origin;
      }
    }
    return { matched, decidedBy };
  };

  const matchWithParent = (path: string, parent?: ParentMatch) => {
    const parentMatched = parent?.parentMatched ?? [];
    if (parentMatched.length !== 0 && parentMatched.length !== entries.length) {
      throw new Error("wrong number of values in parentMatched");
    }
    let matched = false;
    let decidedBy: IgnorePattern | null = null;
    const info: boolean[] = new Array<boolean>(entries.length).fill(false);
    entries.forEach((e, i) => {
      let match = parentMatched.length !== 0 ? (parentMatched[i] as boolean) : false;
      if (!match) {
        if (e.compiled.exclusion !== matched) return;
        match = evaluate(e, path);
        if (!match && parentMatched.length === 0) {
          const parentPath = dirPath(path);
          if (parentPath !== ".") {
            const dirs = parentPath.split("/");
            for (let j = 0; j < dirs.length; j++) {
              if (e.program.test(dirs.slice(0, j + 1).join("/"))) {
                match = true;
                break;
              }
            }
          }
        }
      }
      info[i] = match;
      if (match) {
        matched = !e.compiled.exclusion;
        decidedBy = e.compiled.origin;
      }
    });
    return { matched, decidedBy, parentMatched: info };
  };

  const canSkipDir = (dir: string): boolean => {
    if (!onlyPrefixExceptions) return false;
    if (!hasExclusions) return true;
    const dirSlash = dir + "/";
    return !entries.some((e) => e.compiled.exclusion && (withoutTrailingGlob(e.compiled.cleaned) + "/").startsWith(dirSlash));
  };

  const visit = (path: string, isDir: boolean, parent?: ParentMatch): WalkVisit => {
    if (entries.length === 0) return { excluded: false, skipDir: false, state: { parentMatched: [] }, decidedBy: null };
    const r = matchWithParent(path, parent);
    return {
      excluded: r.matched,
      skipDir: r.matched && isDir && canSkipDir(path),
      state: { parentMatched: r.parentMatched },
      decidedBy: r.decidedBy,
    };
  };

  const excludedFromContext = (path: string): boolean => {
    const parts = path.split("/");
    let state: ParentMatch | undefined;
    for (let i = 1; i < parts.length; i++) {
      const v = visit(parts.slice(0, i).join("/"), true, state);
      if (v.skipDir) return true;
      state = v.state;
    }
    return visit(path, false, state).excluded;
  };

  return {
    file: file_,
    patterns: entries.map((e) => e.compiled),
    hasExclusions,
    lateErrors,
    matches: (path) => decide(path).matched,
    matchingPattern: (path) => decide(path).decidedBy,
    matchWithParent,
    canSkipDir,
    visit,
    excludedFromContext,
  };
}
