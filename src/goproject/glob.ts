/**
 * globTree: path/filepath.Glob (Go 1.26, Unix) over a SourceTree, rooted at a
 * package directory the way cmd/go's resolveEmbed calls it (the directory
 * itself quoted, the pattern relative to it): a pattern without `*?[\` is
 * returned when Lstat finds it; otherwise each directory level is globbed
 * and the last element matched (filepath.Match) against the sorted names.
 * I/O errors are ignored, a malformed pattern is an error. Dot files are
 * matched like any other name (only directory walks skip them).
 */
import { BAD_PATTERN, filepathMatch } from "../golang/path-match.js";
import { toBytes } from "../golang/utf8.js";
import { joinRel, type SourceTree } from "./tree.js";

export class GlobPatternError extends Error {
  override readonly name = "GlobPatternError";
}

function hasMeta(p: string): boolean {
  return /[*?[\\]/.test(p);
}

function match(pattern: string, name: string): boolean {
  const m = filepathMatch(toBytes(pattern), toBytes(name));
  if (m.error) throw new GlobPatternError(BAD_PATTERN);
  return m.matched;
}

/**
 * Matches `pattern` (slash-separated, relative to `base`, a directory of the
 * tree) and returns the matches relative to `base`, in Glob's order.
 */
export function globTree(tree: SourceTree, base: string, pattern: string): string[] {
  match(pattern, "");
  const at = (rel: string): string => (rel === "." ? base : joinRel(base, rel));
  const rec = (pat: string): string[] => {
    if (!hasMeta(pat)) return tree.lstat(at(pat)) === null ? [] : [pat];
    const slash = pat.lastIndexOf("/");
    const dirPart = slash >= 0 ? pat.slice(0, slash + 1) : "";
    const file = pat.slice(slash + 1);
    const dir = dirPart === "" ? "." : dirPart === "/" ? "/" : dirPart.slice(0, -1);
    if (!hasMeta(dir)) return globDir(dir, file, []);
    if (dir === pat) throw new GlobPatternError(BAD_PATTERN);
    let out: string[] = [];
    for (const d of rec(dir)) out = globDir(d, file, out);
    return out;
  };
  const globDir = (dir: string, file: string, acc: string[]): string[] => {
    if (tree.stat(at(dir)) !== "dir") return acc;
    const entries = tree.readDir(at(dir)) ?? [];
    for (const e of entries) if (match(file, e.name)) acc.push(dir === "." ? e.name : `${dir}/${e.name}`);
    return acc;
  };
  return rec(pattern);
}
