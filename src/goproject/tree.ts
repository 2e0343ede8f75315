/**
 * The read-only view of a source tree that src/goproject's analysis works on:
 * directory listings, lstat/stat kinds and file contents, addressed by
 * slash-separated paths relative to the module root ("" is the root; "../x"
 * reaches outside it). The analysis is pure over this interface; fs-tree.ts
 * implements it over node:fs, tests may implement it in memory.
 *
 * Also Go's string order (byte-wise over UTF-8), which the go command uses
 * for every sorted list it prints.
 */

export type EntryKind = "file" | "dir" | "symlink" | "other";

export interface TreeEntry {
  readonly name: string;
  /** The entry's own type (a symlink is "symlink", not followed). */
  readonly kind: EntryKind;
}

export interface SourceTree {
  /** Entries of a directory in Go's byte order, or null when `rel` is not a readable directory. */
  readDir(rel: string): readonly TreeEntry[] | null;
  /** Kind of `rel` without following a final symlink (os.Lstat), or null when missing. */
  lstat(rel: string): EntryKind | null;
  /** Kind of `rel` following symlinks (os.Stat), or null when missing. */
  stat(rel: string): EntryKind | null;
  /** Contents as a byte string (one char per byte), or null when unreadable. */
  readFile(rel: string): string | null;
}

/** Go's string comparison: byte-wise over the UTF-8 encoding. */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** path.Join for relative slash paths ("" is the root). */
export function joinRel(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}
