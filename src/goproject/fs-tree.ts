/**
 * fsTree: the SourceTree (tree.ts) of a directory on disk, over node:fs
 * (synchronous calls; results are not cached, so the tree is read as it is).
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Stats, type Dirent } from "node:fs";
import { join } from "node:path";
import { compareGo, type EntryKind, type SourceTree, type TreeEntry } from "./tree.js";

function kindOf(s: Stats | Dirent): EntryKind {
  if (s.isSymbolicLink()) return "symlink";
  if (s.isDirectory()) return "dir";
  if (s.isFile()) return "file";
  return "other";
}

export function fsTree(root: string): SourceTree {
  const abs = (rel: string): string => (rel === "" ? root : join(root, rel));
  return {
    readDir(rel) {
      try {
        return readdirSync(abs(rel), { withFileTypes: true })
          .map((d): TreeEntry => ({ name: d.name, kind: kindOf(d) }))
          .sort((a, b) => compareGo(a.name, b.name));
      } catch {
        return null;
      }
    },
    lstat(rel) {
      try {
        return kindOf(lstatSync(abs(rel)));
      } catch {
        return null;
      }
    },
    stat(rel) {
      try {
        return kindOf(statSync(abs(rel)));
      } catch {
        return null;
      }
    },
    readFile(rel) {
      try {
        return readFileSync(abs(rel)).toString("latin1");
      } catch {
        return null;
      }
    },
  };
}
