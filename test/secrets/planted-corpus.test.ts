/**
 * goship's detectors on the planted corpus (planted-corpus.ts): every planted
 * secret of every kind is found (recall 100%), no look-alike is reported
 * (zero false positives), and no finding carries more than 4 characters of
 * its secret. Seeded: GOSHIP_SEED=<n> reproduces a run.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { scanDockerfile } from "../../src/secrets/dockerfile.js";
import { scanText } from "../../src/secrets/scan.js";
import { rngFromEnv } from "../support/random.js";
import { generateCorpus, PLANTED_KINDS, scoreHits } from "./planted-corpus.js";

test("planted corpus: recall 100% on every kind, no false positive", () => {
  const rng = rngFromEnv();
  const corpus = generateCorpus(rng.seed);
  console.log(`planted corpus seed: GOSHIP_SEED=${rng.seed}; ${corpus.files.size} files, ${corpus.planted.length} secrets, ${corpus.decoys} look-alikes`);
  const hits = [];
  for (const [file, text] of corpus.files) {
    const found = /Dockerfile/.test(file) ? scanDockerfile(text, { file }) : scanText(text, { file });
    for (const f of found) {
      assert.ok(f.preview.endsWith("****") && f.preview.length <= 8, `preview ${f.preview} shows more than 4 characters`);
      hits.push({ file, line: f.line });
    }
  }
  const score = scoreHits(corpus, hits);
  for (const k of PLANTED_KINDS) {
    const s = score.perKind.get(k)!;
    assert.ok(s.planted > 0, `no ${k} planted`);
    assert.equal(s.found, s.planted, `${k}: found ${s.found} of ${s.planted}`);
  }
  assert.deepEqual(score.falsePositives.map((h) => `${h.file}:${h.line}: ${corpus.files.get(h.file)!.split("\n")[h.line - 1]}`), []);
  console.log(`planted corpus: recall ${score.found}/${score.planted}, false positives ${score.falsePositives.length}`);
});
