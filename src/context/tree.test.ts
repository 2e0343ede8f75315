import assert from "node:assert/strict";
import { test } from "node:test";
import { contextTotals, formatBytes, largest, renderTree, sizeTree } from "./tree.js";
import type { ContextEntry } from "./walk.js";

const f = (path: string, size: number): ContextEntry => ({ path, size, dir: false, symlink: false, type: "file" });
const d = (path: string): ContextEntry => ({ path, size: 0, dir: true, symlink: false, type: "dir" });
const ENTRIES = [d("a"), f("a/x", 3000), f("a/y", 10), d("b"), d("b/c"), f("b/c/z", 500), f("top", 1), { path: "l", size: 0, dir: false, symlink: true, type: "symlink" as const }];

test("totals, largest folders and files, and the tree sorted by size", () => {
  assert.deepEqual(contextTotals(ENTRIES), { files: 4, dirs: 3, symlinks: 1, other: 0, bytes: 3511 });
  const big = largest(ENTRIES, 2);
  assert.deepEqual(big.folders.map((x) => [x.path, x.bytes]), [["a", 3010], ["b", 500]]);
  assert.deepEqual(big.files.map((x) => x.path), ["a/x", "b/c/z"]);
  assert.deepEqual(renderTree(sizeTree(ENTRIES), { depth: 1, width: 2 }), ["./  3.5 kB  (4 files)", "├── a/  3.0 kB  (2 files)", "├── b/  500 B  (1 file)", "└── … 2 more  1 B"]);
  assert.equal(formatBytes(123456789), "123.5 MB");
});
