import assert from "node:assert/strict";
import { test } from "node:test";
import { FIX_COMMENT, planIgnoreFix } from "./fix.js";
import { findJunk } from "./junk.js";
import type { ContextEntry } from "./walk.js";

const f = (path: string): ContextEntry => ({ path, size: 1, dir: false, symlink: false });
const d = (path: string): ContextEntry => ({ path, size: 0, dir: true, symlink: false });

test("appends only missing lines under one comment, and checks what they exclude", () => {
  const entries = [d(".git"), f(".git/HEAD"), f(".env"), f(".env.example"), f("main.go"), d("cfg"), f("cfg/.env.prod")];
  const junk = findJunk(entries);
  assert.deepEqual(junk.map((j) => [j.kind, j.ignoreLines]), [["git", [".git"]], ["env", ["**/.env*"]]]);
  const plan = planIgnoreFix("# mine\n.git", junk.flatMap((j) => j.ignoreLines), entries, junk.flatMap((j) => j.paths));
  assert.deepEqual(plan.added, ["**/.env*"]);
  assert.equal(plan.after, `# mine\n.git\n\n${FIX_COMMENT}\n**/.env*\n`);
  assert.deepEqual(plan.alsoExcludes, [".env.example"]);
  assert.deepEqual(plan.stillIncluded, []);
  assert.equal(planIgnoreFix(plan.after, ["**/.env*"], entries, []).after, plan.after);
});

test("junk kinds beyond lint's: credentials, kubeconfig, cloud credentials", () => {
  const junk = findJunk([f(".netrc"), d(".kube"), f(".kube/config"), d(".aws"), f(".aws/credentials"), f("deploy/service-account.json"), f("testdata/service-account.json")]);
  assert.deepEqual(junk.map((j) => [j.kind, j.paths, j.ignoreLines]), [
    ["credentials", [".netrc"], [".netrc"]],
    ["kubeconfig", [".kube/config"], [".kube"]],
    ["cloud-credentials", [".aws/credentials", "deploy/service-account.json"], [".aws", "deploy/service-account.json"]],
  ]);
});
