/**
 * The unused weight of a build context: files the builder sends that no
 * COPY/ADD source (and no RUN bind mount) of the Dockerfile can reach. A
 * source reaches a path when it is the path or one of its parent folders,
 * or when it is a glob (Go filepath.Match, as BuildKit's copy resolves
 * wildcards) matching the path or one of its parents. A dynamic source
 * (holding a variable) could reach anything: then the answer is "unknown".
 * The Dockerfile and the ignore file are left out: the frontend reads them.
 * Leaves out COPY --exclude and --parents subtleties (an excluded path
 * still counts as reached).
 */
import { filepathMatch } from "../golang/path-match.js";
import { toBytes } from "../golang/utf8.js";
import type { CopySource } from "./copy-sources.js";
import type { ContextEntry } from "./walk.js";

export interface UnusedWeight {
  /** False when some source holds a variable: nothing can be called unused. */
  readonly known: boolean;
  /** Sources that copy the whole context. */
  readonly wholeContext: boolean;
  readonly files: readonly ContextEntry[];
  readonly bytes: number;
  /** Smallest set of top folders/files that hold every unused file (for ignore lines). */
  readonly roots: readonly string[];
}

function globReaches(pattern: string, path: string): boolean {
  const pat = toBytes(pattern);
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    if (filepathMatch(pat, toBytes(parts.slice(0, i).join("/"))).matched) return true;
  }
  return false;
}

/** Does `src` reach context path `path`? */
export function reaches(src: CopySource, path: string): boolean {
  if (src.dynamic) return true;
  if (src.path === "") return true;
  if (src.glob) return globReaches(src.path, path);
  return path === src.path || path.startsWith(src.path + "/");
}

/** The context files no source reaches; `skip` names files read by the frontend itself. */
export function unusedWeight(entries: readonly ContextEntry[], sources: readonly CopySource[], skip: readonly string[] = []): UnusedWeight {
  const wholeContext = sources.some((s) => s.path === "" && !s.dynamic);
  const known = !sources.some((s) => s.dynamic);
  if (wholeContext || !known) return { known, wholeContext, files: [], bytes: 0, roots: [] };
  const skipSet = new Set(skip);
  const files = entries.filter((e) => !e.dir && !skipSet.has(e.path) && !sources.some((s) => reaches(s, e.path)));
  const bytes = files.reduce((n, e) => n + e.size, 0);
  return { known, wholeContext, files, bytes, roots: unusedRoots(entries, files, sources, skipSet) };
}

/**
 * Compresses unused files into the highest folders whose every file is
 * unused (and that no source names), else the files themselves.
 */
function unusedRoots(entries: readonly ContextEntry[], unused: readonly ContextEntry[], sources: readonly CopySource[], skip: ReadonlySet<string>): string[] {
  const unusedSet = new Set(unused.map((e) => e.path));
  const dirAllUnused = new Map<string, boolean>();
  for (const e of entries) {
    if (e.dir) continue;
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      const ok = unusedSet.has(e.path) && !skip.has(e.path);
      dirAllUnused.set(d, (dirAllUnused.get(d) ?? true) && ok);
    }
  }
  const namedBySource = (d: string): boolean => sources.some((s) => !s.glob && (s.path === d || s.path.startsWith(d + "/")));
  const roots: string[] = [];
  for (const f of unused) {
    const parts = f.path.split("/");
    let root = f.path;
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      if (dirAllUnused.get(d) === true && !namedBySource(d)) {
        root = d;
        break;
      }
    }
    if (roots[roots.length - 1] !== root && !roots.includes(root)) roots.push(root);
  }
  return roots;
}
