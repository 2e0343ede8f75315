#!/usr/bin/env node
// Writes the planted secrets corpus (test/secrets/planted-corpus.ts, compiled
// into dist/) to a folder: the files, and truth.json with every planted
// secret's file, kind and lines. Usage:
//   node scripts/gen-secret-corpus.mjs <out-dir> [seed] [files]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [out, seedArg, filesArg] = process.argv.slice(2);
if (!out) {
  console.error("usage: node scripts/gen-secret-corpus.mjs <out-dir> [seed] [files]");
  process.exit(2);
}
const { generateCorpus } = await import(join(root, "dist", "test", "secrets", "planted-corpus.js"));
const corpus = generateCorpus(Number(seedArg ?? 1), Number(filesArg ?? 240));
for (const [name, text] of corpus.files) {
  mkdirSync(dirname(join(out, "files", name)), { recursive: true });
  writeFileSync(join(out, "files", name), text);
}
writeFileSync(join(out, "truth.json"), JSON.stringify({ seed: corpus.seed, decoys: corpus.decoys, planted: corpus.planted }, null, 1) + "\n");
console.log(`${corpus.files.size} files, ${corpus.planted.length} planted secrets, ${corpus.decoys} look-alikes -> ${out}`);
