/**
 * packageDirs: the directories `go list ./...` considers in a module, as
 * cmd/go's search.MatchDirs (Go 1.26) walks them from the module root:
 * lexical order, symlinked directories not followed, `.foo`, `_foo` and
 * `testdata` trees skipped, trees holding their own go.mod (nested modules)
 * skipped, directories matched by the go.mod `ignore` directive skipped
 * (`./x` anchored at the root, `x` anywhere), and `vendor` directories not
 * descended into (pkgpattern excludes every path with a non-final `vendor`
 * element; a directory named vendor may itself be a package).
 *
 * Which of them are packages is decided by package-load.ts.
 */
import { joinRel, type SourceTree } from "./tree.js";

function normalize(p: string): string {
  if (!p.startsWith("/")) p = "/" + p;
  if (!p.endsWith("/")) p += "/";
  return p;
}

/** search.IgnorePatterns.ShouldIgnore for go.mod `ignore` paths. */
export function ignoreMatcher(patterns: readonly string[]): (relDir: string) => boolean {
  const relative: string[] = [];
  const any: string[] = [];
  for (const p of patterns) {
    if (p.startsWith("./")) relative.push(normalize(p.slice(2)));
    else any.push(normalize(p));
  }
  return (dir) => {
    if (dir === "") return false;
    const d = normalize(dir);
    return relative.some((p) => d.startsWith(p)) || any.some((p) => d.includes(p));
  };
}

/** Candidate package directories relative to the root ("." first), in walk order. */
export function packageDirs(tree: SourceTree, ignore: readonly string[] = []): string[] {
  const ignored = ignoreMatcher(ignore);
  const out: string[] = ["."];
  const walk = (dir: string): void => {
    for (const e of tree.readDir(dir) ?? []) {
      if (e.kind !== "dir") continue;
      const name = e.name;
      if (name.startsWith(".") || name.startsWith("_") || name === "testdata") continue;
      const rel = joinRel(dir, name);
      if (ignored(rel)) continue;
      const gomod = tree.stat(`${rel}/go.mod`);
      if (gomod !== null && gomod !== "dir") continue;
      out.push(rel);
      if (name !== "vendor") walk(rel);
    }
  };
  walk("");
  return out;
}
