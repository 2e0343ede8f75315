import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { makeRng } from "../../test/support/random.js";
import { unifiedDiff } from "./diff.js";

/** Applies a unified diff with GNU patch, the reference consumer of the format. */
function patch(before: string, diff: string): string {
  const dir = mkdtempSync(join(tmpdir(), "goship-diff-"));
  writeFileSync(join(dir, "f"), before);
  writeFileSync(join(dir, "d"), diff);
  execFileSync("patch", ["-s", "-u", join(dir, "f"), join(dir, "d")]);
  return execFileSync("cat", [join(dir, "f")], { encoding: "utf8" });
}

test("diff of equal texts is empty", () => {
  assert.equal(unifiedDiff("a\nb\n", "a\nb\n", "f"), "");
});

test("hunks put deletions before insertions and count lines like diff -u", () => {
  const d = unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "f");
  assert.equal(d, "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
});

test("GNU patch applies every diff to reproduce the new text (300 random pairs)", () => {
  const rng = makeRng(20261124);
  const words = ["FROM golang", "RUN go build", "COPY . .", "USER 65532", "", "# c", "ENV A=1"];
  for (let n = 0; n < 300; n++) {
    const mk = (): string => Array.from({ length: rng.int(12) }, () => rng.pick(words)).join("\n") + "\n";
    const a = mk();
    const b = mk();
    const d = unifiedDiff(a, b, "f");
    if (a === b) continue;
    assert.equal(patch(a, d), b, `case ${n}:\n${a}---\n${b}---\n${d}`);
  }
});
