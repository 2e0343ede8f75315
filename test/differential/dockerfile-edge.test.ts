/**
 * Differential test (b): the hand-written edge cases in
 * test/fixtures/dockerfile/edge/ (one small Dockerfile each, valid and
 * invalid) give the same normalized answer, or the same error line and
 * message, in goship and in BuildKit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";
import { runOracle } from "../support/oracle.js";
import { normalize } from "./dockerfile-normalize.js";
import { compareAnswers } from "./dockerfile-compare.js";

const DIR = join(ROOT, "test", "fixtures", "dockerfile", "edge");

test("edge-case Dockerfiles: goship agrees with BuildKit", async () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith(".Dockerfile"))
    .sort()
    .map((f) => ({ name: f, content: readFileSync(join(DIR, f), "utf8") }));
  assert.ok(files.length >= 60, `only ${files.length} edge cases`);
  const answers = await runOracle<{ name: string; content: string }, unknown>("dockerfile", "parse", files);
  const failures: string[] = [];
  let rejected = 0;
  files.forEach((f, i) => {
    const goAns = answers[i] as { error?: unknown };
    if (goAns.error) rejected++;
    const v = compareAnswers(goAns, normalize(f.content));
    if (!v.ok) failures.push(`${f.name}: ${v.why}`);
  });
  console.log(`edge: ${files.length - failures.length}/${files.length} agree (${rejected} rejected by BuildKit)`);
  assert.deepEqual(failures, []);
});
