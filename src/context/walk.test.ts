import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compilePatterns } from "../ignore/index.js";
import { walkContext } from "./walk.js";

function tree(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "goship-walk-"));
  for (const f of files) {
    if (f.endsWith("/")) mkdirSync(join(root, f), { recursive: true });
    else {
      mkdirSync(join(root, f, ".."), { recursive: true });
      writeFileSync(join(root, f), f);
    }
  }
  return root;
}

test("an excluded folder is sent once, before its first included entry, as fsutil does", () => {
  const root = tree(["a/b/keep", "a/b/x", "a/c", "a/e/", "z"]);
  try {
    const r = walkContext(root, compilePatterns(["a", "!a/b/keep"]));
    assert.deepEqual(r.entries.map((e) => `${e.path}${e.parentOnly ? " (parent)" : ""}`), ["a (parent)", "a/b (parent)", "a/b/keep", "z"]);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("symlinks are listed with their target and never followed; sizes only for files", () => {
  const root = tree(["d/f"]);
  try {
    symlinkSync("d", join(root, "l"));
    const r = walkContext(root, null);
    assert.deepEqual(r.entries.map((e) => [e.path, e.type, e.size, e.linkTarget ?? null]), [["d", "dir", 0, null], ["d/f", "file", 3, null], ["l", "symlink", 0, "d"]]);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test("the limit truncates", () => {
  const root = tree(["a", "b", "c"]);
  try {
    const r = walkContext(root, null, { limit: 2 });
    assert.equal(r.entries.length, 2);
    assert.equal(r.truncated, true);
  } finally {
    rmSync(root, { recursive: true });
  }
});
