/**
 * Differential test (a): every Dockerfile of the shared corpus parses to the
 * same normalized answer in goship and in BuildKit (test/oracle/dockerfile).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { CORPUS } from "../support/paths.js";
import { runOracle } from "../support/oracle.js";
import { normalize } from "./dockerfile-normalize.js";
import { compareAnswers } from "./dockerfile-compare.js";

test("corpus Dockerfiles: goship agrees with BuildKit", async () => {
  const files = readdirSync(CORPUS)
    .filter((d) => existsSync(join(CORPUS, d, "Dockerfile")))
    .sort()
    .map((d) => ({ name: d, content: readFileSync(join(CORPUS, d, "Dockerfile"), "utf8") }));
  assert.ok(files.length > 0, "corpus is empty");
  const answers = await runOracle<{ name: string; content: string }, unknown>("dockerfile", "parse", files);
  const failures: string[] = [];
  files.forEach((f, i) => {
    const v = compareAnswers(answers[i], normalize(f.content));
    if (!v.ok) failures.push(`${f.name}: ${v.why}`);
  });
  console.log(`corpus: ${files.length - failures.length}/${files.length} agree`);
  assert.deepEqual(failures, []);
});
