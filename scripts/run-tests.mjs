#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with node's built-in test
// runner. Node 20's --test takes no globs, so the files are listed here.
// Arguments filter the list by substring: `node scripts/run-tests.mjs ignore`.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".test.js")) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = walk("dist", [])
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error("run-tests: no test files matched");
  process.exit(1);
}
const reporter = process.env.CI ? ["--test-reporter=spec"] : [];
const r = spawnSync(process.execPath, ["--test", ...reporter, "--test-concurrency=2", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
