import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../support/paths.js";

test("lint on the real corpus: 0 crashes and every triaged default-on rule at >= 90% precision", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "corpus-report.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /0 crashes/);
});
