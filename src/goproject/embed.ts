/**
 * resolveEmbed: the files `//go:embed` patterns name, as cmd/go's
 * load.resolveEmbed (Go 1.26) computes them for a package directory:
 *
 * - `all:` prefix removed; the rest must be a valid path.Match pattern and
 *   fs.ValidPath (no `.`/`..` elements, no leading or trailing slash) and not
 *   "." — else "invalid pattern syntax";
 * - matches come from filepath.Glob (glob.ts), so a glob picks up dot files;
 * - a match must not sit in (or be) a directory that holds a go.mod ("in
 *   different module"), under a non-directory, or have a name a module zip
 *   cannot hold (`.git`, `.hg`, `.svn`, `.bzr`, names failing
 *   module.CheckFilePath) — each an error;
 * - a regular file is embedded; a symlink or other irregular file is an error
 *   ("cannot embed irregular file"; the embedfollowsymlinks GODEBUG is not
 *   modelled);
 * - a directory is walked in lexical order: files and directories starting
 *   with `.` or `_` are skipped unless the pattern has `all:`, bad names are
 *   skipped (a bad *file* name is an error), directories holding a go.mod are
 *   skipped, irregular files are ignored; a directory that yields no file is
 *   an error ("contains no embeddable files");
 * - a pattern matching nothing is an error ("no matching files found").
 *
 * Errors are EmbedError with Go's text `pattern <p>: <reason>`.
 */
import { pathMatch } from "../golang/path-match.js";
import { isLetter } from "../golang/unicode.js";
import { toBytes } from "../golang/utf8.js";
import { globTree } from "./glob.js";
import { compareGo, joinRel, type SourceTree } from "./tree.js";

export class EmbedError extends Error {
  override readonly name = "EmbedError";
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`pattern ${pattern}: ${reason}`);
  }
}

export interface ResolvedEmbeds {
  /** Every embedded file, relative to the package directory, sorted (Package.EmbedFiles). */
  readonly files: readonly string[];
  /** The files of each pattern, sorted. */
  readonly byPattern: ReadonlyMap<string, readonly string[]>;
}

/** fs.ValidPath. */
function validPath(p: string): boolean {
  if (p === ".") return true;
  for (const elem of p.split("/")) if (elem === "" || elem === "." || elem === "..") return false;
  return true;
}

const BAD_WINDOWS_NAMES = [
  "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
  "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

function fileNameOK(ch: string): boolean {
  const r = ch.codePointAt(0) as number;
  if (r < 0x80) return /[0-9A-Za-z]/.test(ch) || "!#$%&()+,-.=@[]^_{}~ ".includes(ch);
  return isLetter(r);
}

/** load.isBadEmbedName: module.CheckFilePath(name) fails, or a VCS directory name. */
export function isBadEmbedName(name: string): boolean {
  if (name === "" || name === ".bzr" || name === ".hg" || name === ".git" || name === ".svn") return true;
  if (/\uFFFD/.test(name)) return true;
  if (/^\.*$/.test(name) || name.endsWith(".")) return true;
  for (const ch of name) if (!fileNameOK(ch)) return true;
  const dot = name.indexOf(".");
  const short = (dot >= 0 ? name.slice(0, dot) : name).toUpperCase();
  return BAD_WINDOWS_NAMES.includes(short);
}

function base(rel: string): string {
  return rel.slice(rel.lastIndexOf("/") + 1);
}

function parent(rel: string): string {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}

/**
 * Resolves `patterns` for the package in `pkgDir` (relative to the tree
 * root). Throws EmbedError for the first failing pattern, in pattern order.
 */
export function resolveEmbed(tree: SourceTree, pkgDir: string, patterns: readonly string[]): ResolvedEmbeds {
  const at = (rel: string): string => joinRel(pkgDir, rel);
  const have = new Map<string, number>();
  const dirOK = new Set<string>();
  const byPattern = new Map<string, readonly string[]>();
  let pid = 0;
  for (const pattern of patterns) {
    pid++;
    const fail = (reason: string): never => {
      throw new EmbedError(pattern, reason);
    };
    const all = pattern.startsWith("all:");
    const glob = all ? pattern.slice(4) : pattern;
    if (pathMatch(toBytes(glob), "").error || glob === "." || !validPath(glob)) fail("invalid pattern syntax");
    let matches: string[];
    try {
      matches = globTree(tree, pkgDir, glob);
    } catch (e) {
      return fail((e as Error).message);
    }
    const list: string[] = [];
    const add = (rel: string): void => {
      if (have.get(rel) !== pid) {
        have.set(rel, pid);
        list.push(rel);
      }
    };
    for (const rel of matches) {
      const kind = tree.lstat(at(rel));
      if (kind === null) fail(`lstat ${rel}: no such file or directory`);
      const what = kind === "dir" ? "directory" : "file";
      for (let dir = rel; dir !== "" && !dirOK.has(dir); dir = parent(dir)) {
        if (tree.stat(at(joinRel(dir, "go.mod"))) !== null) fail(`cannot embed ${what} ${rel}: in different module`);
        if (dir !== rel) {
          const k = tree.lstat(at(dir));
          if (k !== null && k !== "dir") fail(`cannot embed ${what} ${rel}: in non-directory ${dir}`);
        }
        dirOK.add(dir);
        const elem = base(dir);
        if (isBadEmbedName(elem)) {
          fail(dir === rel ? `cannot embed ${what} ${rel}: invalid name ${elem}` : `cannot embed ${what} ${rel}: in invalid directory ${elem}`);
        }
      }
      if (kind === "file") {
        add(rel);
      } else if (kind === "dir") {
        let count = 0;
        const walk = (dir: string): void => {
          for (const e of tree.readDir(at(dir)) ?? []) {
            const path = `${dir}/${e.name}`;
            const name = e.name;
            if (isBadEmbedName(name) || ((name[0] === "." || name[0] === "_") && !all)) {
              if (e.kind === "dir") continue;
              if (name[0] === "." || name[0] === "_") continue;
              fail(`cannot embed file ${path}: invalid name ${name}`);
            }
            if (e.kind === "dir") {
              if (tree.stat(at(joinRel(path, "go.mod"))) !== null) continue;
              walk(path);
              continue;
            }
            if (e.kind !== "file") continue;
            count++;
            add(path);
          }
        };
        walk(rel);
        if (count === 0) fail(`cannot embed directory ${rel}: contains no embeddable files`);
      } else {
        fail(`cannot embed irregular file ${rel}`);
      }
    }
    if (list.length === 0) fail("no matching files found");
    byPattern.set(pattern, list.sort(compareGo));
  }
  return { files: [...have.keys()].sort(compareGo), byPattern };
}
