import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { UsageError } from "../diagnostic/located-error.js";
import { compilePatterns } from "../ignore/index.js";
import { contextChangesSince } from "./git-changes.js";

test("changed, added, deleted and untracked files that enter the context", () => {
  const root = mkdtempSync(join(tmpdir(), "goship-gitdiff-"));
  const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...a], { cwd: root, stdio: "pipe" });
  try {
    git("init", "-q");
    for (const n of ["a.go", "b.go", "docs.md", "gone.go"]) writeFileSync(join(root, n), n);
    git("add", ".");
    git("commit", "-qm", "one");
    writeFileSync(join(root, "a.go"), "changed");
    writeFileSync(join(root, "docs.md"), "changed");
    unlinkSync(join(root, "gone.go"));
    writeFileSync(join(root, "new.go"), "new");
    const got = contextChangesSince(root, "HEAD", compilePatterns(["*.md"]));
    assert.deepEqual(got, [{ path: "a.go", status: "modified" }, { path: "gone.go", status: "deleted" }, { path: "new.go", status: "untracked" }]);
    assert.throws(() => contextChangesSince(root, "no-such-ref", null), UsageError);
    assert.throws(() => contextChangesSince(root, "--output=x", null), UsageError);
  } finally {
    rmSync(root, { recursive: true });
  }
});
