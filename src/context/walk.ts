/**
 * Walks a build context the way BuildKit's file sync (fsutil v0.0.0-20261103
 * filterFS.Walk over fs.Walk) does with a .dockerignore matcher: entries in
 * lexical order, excluded entries left out, directories that no exception can
 * reach not entered at all, and an excluded directory still sent (once, just
 * before its first entry) when something below it is included, as fsutil's
 * parentDirs bookkeeping does. Symlinks are listed as entries and never
 * followed (BuildKit sends the link itself); FIFOs and devices are listed
 * with their type and size 0; sockets are sent by fsutil with the socket bit
 * cleared, so they are listed as type "socket" (a file on the other side).
 * Returns context-relative paths with forward slashes.
 * Leaves out: fsutil's error for an unreadable directory (here it is skipped
 * and reported in `unreadable`), uid/gid mapping and xattrs.
 */
import { lstatSync, readdirSync, readlinkSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { Matcher, ParentMatch } from "../ignore/index.js";

export type EntryType = "file" | "dir" | "symlink" | "fifo" | "socket" | "device";

export interface ContextEntry {
  readonly path: string;
  /** Bytes of a regular file (0 for everything else). */
  readonly size: number;
  readonly dir: boolean;
  readonly symlink: boolean;
  /** The entry's type; absent in entries built by hand (then: dir/symlink/file from the flags). */
  readonly type?: EntryType;
  /** Permission bits. */
  readonly mode?: number;
  /** A symlink's target, as written. */
  readonly linkTarget?: string;
  /** An excluded directory sent only because something below it is included. */
  readonly parentOnly?: boolean;
}

export interface WalkOptions {
  /** Stop after this many entries (protects lint from a huge context); the walk reports truncation. */
  readonly limit?: number;
}

export interface WalkResult {
  readonly entries: readonly ContextEntry[];
  readonly truncated: boolean;
  /** Directories that could not be read (BuildKit would fail the transfer). */
  readonly unreadable?: readonly string[];
}

function typeOf(st: Stats): EntryType {
  if (st.isDirectory()) return "dir";
  if (st.isSymbolicLink()) return "symlink";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  if (st.isBlockDevice() || st.isCharacterDevice()) return "device";
  return "file";
}

/** Byte-wise comparison of names (Go's sort order), not UTF-16 code units. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

const ASCII = /^[\x00-\x7f]*$/;

function sortNames(names: string[]): string[] {
  return names.every((n) => ASCII.test(n)) ? names.sort() : names.sort(byteOrder);
}

interface Pending {
  readonly entry: ContextEntry;
  emitted: boolean;
}

export function walkContext(root: string, matcher: Matcher | null, opts: WalkOptions = {}): WalkResult {
  const entries: ContextEntry[] = [];
  const unreadable: string[] = [];
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const active = matcher !== null && matcher.patterns.length > 0 ? matcher : null;
  let truncated = false;
  const emit = (e: ContextEntry, parents: readonly Pending[]): void => {
    for (const p of parents) {
      if (!p.emitted) {
        p.emitted = true;
        entries.push(p.entry);
      }
    }
    entries.push(e);
  };
  const visit = (dir: string, rel: string, parent: ParentMatch | undefined, parents: Pending[]): void => {
    let names: string[];
    try {
      names = sortNames(readdirSync(dir));
    } catch {
      if (rel !== "") unreadable.push(rel);
      return;
    }
    for (const name of names) {
      if (entries.length >= limit) {
        truncated = true;
        return;
      }
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(dir, name);
      let st: Stats;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      const type = typeOf(st);
      const isDir = type === "dir";
      const v = active ? active.visit(path, isDir, parent) : null;
      if (v?.skipDir) continue;
      let linkTarget: string | undefined;
      if (type === "symlink") {
        try {
          linkTarget = readlinkSync(abs);
        } catch {
          linkTarget = undefined;
        }
      }
      const entry: ContextEntry = {
        path,
        size: type === "file" ? st.size : 0,
        dir: isDir,
        symlink: type === "symlink",
        type,
        mode: st.mode & 0o7777,
        ...(linkTarget !== undefined ? { linkTarget } : {}),
      };
      const excluded = v?.excluded === true;
      if (!excluded) emit(entry, parents);
      if (isDir) {
        const here: Pending = excluded ? { entry: { ...entry, parentOnly: true }, emitted: false } : { entry, emitted: true };
        parents.push(here);
        visit(abs, path, v?.state, parents);
        parents.pop();
      }
    }
  };
  visit(root, "", undefined, []);
  return { entries, truncated, ...(unreadable.length > 0 ? { unreadable } : {}) };
}
