/**
 * Walks a build context the way BuildKit's file sync (fsutil) does with a
 * .dockerignore matcher: entries in lexical order, excluded entries left out,
 * directories that no exception can reach not entered at all. Symlinks are
 * listed as entries and never followed (BuildKit sends the link itself).
 * Returns context-relative paths with forward slashes.
 * Leaves out: special files other than symlinks are listed with size 0.
 */
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Matcher, ParentMatch } from "../ignore/index.js";

export interface ContextEntry {
  readonly path: string;
  readonly size: number;
  readonly dir: boolean;
  readonly symlink: boolean;
}

export interface WalkOptions {
  /** Stop after this many entries (protects lint from a huge context); the walk reports truncation. */
  readonly limit?: number;
}

export interface WalkResult {
  readonly entries: readonly ContextEntry[];
  readonly truncated: boolean;
}

export function walkContext(root: string, matcher: Matcher | null, opts: WalkOptions = {}): WalkResult {
  const entries: ContextEntry[] = [];
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  let truncated = false;
  const visit = (dir: string, rel: string, parent: ParentMatch | undefined): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (entries.length >= limit) {
        truncated = true;
        return;
      }
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      const isDir = st.isDirectory();
      const v = matcher ? matcher.visit(path, isDir, parent) : null;
      if (v?.skipDir) continue;
      if (!v?.excluded) entries.push({ path, size: st.isFile() ? st.size : 0, dir: isDir, symlink: st.isSymbolicLink() });
      if (isDir) visit(abs, path, v?.state);
    }
  };
  visit(root, "", undefined);
  return { entries, truncated };
}
