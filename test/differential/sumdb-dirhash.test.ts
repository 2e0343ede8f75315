/**
 * src/sumdb/dirhash against golang.org/x/mod/sumdb/dirhash (oracle-sumdb):
 * HashZip on every module zip of the host module cache (and the go
 * command's own .ziphash beside it), HashDir on extracted module folders,
 * and Hash1 on random file sets whose names sort differently in UTF-16 and
 * UTF-8.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { hash1, hashDir, hashZip } from "../../src/sumdb/dirhash/index.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv } from "../support/random.js";

const GOMODCACHE = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
const DOWNLOAD = join(GOMODCACHE, "cache", "download");

function findZips(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "sumdb") continue;
    if (statSync(p).isDirectory()) findZips(p, out);
    else if (name.endsWith(".zip")) out.push(p);
  }
  return out;
}

test("hashZip agrees with dirhash.HashZip on every module zip in the host module cache", async () => {
  const zips = findZips(DOWNLOAD);
  if (zips.length === 0) return console.log("no module zips in the host cache; skipped");
  const want = await runOracle<{ file: string }, { hash: string; err: string }>("sumdb", "hash-zip", zips.map((file) => ({ file })));
  let agree = 0;
  let withZiphash = 0;
  const t0 = performance.now();
  for (const [i, file] of zips.entries()) {
    const got = await hashZip(readFileSync(file));
    assert.equal(got, want[i]?.hash, file);
    agree++;
    const zh = file + "hash";
    if (existsSync(zh)) {
      assert.equal(got, readFileSync(zh, "utf8").trim(), `${file} vs .ziphash`);
      withZiphash++;
    }
  }
  console.log(`module zips: ${agree}/${zips.length} agree with HashZip (${withZiphash} also with the go command's .ziphash) in ${(performance.now() - t0).toFixed(0)} ms`);
});

test("hashDir agrees with dirhash.HashDir on extracted modules", async () => {
  const dirs: { dir: string; prefix: string }[] = [];
  const walk = (d: string, rel: string, depth: number): void => {
    if (depth > 4 || dirs.length >= 40) return;
    for (const name of readdirSync(d).sort()) {
      if (name === "cache") continue;
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      const r = rel ? `${rel}/${name}` : name;
      if (name.includes("@")) dirs.push({ dir: p, prefix: r });
      else walk(p, r, depth + 1);
    }
  };
  if (existsSync(GOMODCACHE)) walk(GOMODCACHE, "", 0);
  if (dirs.length === 0) return console.log("no extracted modules; skipped");
  const want = await runOracle<{ dir: string; prefix: string }, { hash: string; err: string }>("sumdb", "hash-dir", dirs);
  for (const [i, d] of dirs.entries()) assert.equal(await hashDir(d.dir, d.prefix), want[i]?.hash, d.dir);
  console.log(`module folders: ${dirs.length} agree with HashDir`);
});

test("hash1 sorts names by UTF-8 bytes as Go does", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const alphabet = ["a", "B", "z", "/", ".", "é", "\uffff", "\u{1F600}", "\ue000", "-", "0"];
  const reqs: { files: Record<string, string> }[] = [];
  for (let i = 0; i < 200; i++) {
    const files: Record<string, string> = {};
    for (let k = 1 + rng.int(8); k > 0; k--) {
      let name = "m@v1.0.0/";
      for (let j = 1 + rng.int(6); j > 0; j--) name += rng.pick(alphabet);
      files[name] = Buffer.from(`content ${rng.int(1000)}`).toString("base64");
    }
    reqs.push({ files });
  }
  const want = await runOracle<typeof reqs[number], { hash: string }>("sumdb", "hash-files", reqs);
  for (const [i, r] of reqs.entries()) {
    const got = await hash1(Object.keys(r.files), (n) => Buffer.from(r.files[n] as string, "base64"));
    assert.equal(got, want[i]?.hash, JSON.stringify(Object.keys(r.files)));
  }
  console.log(`file sets: ${reqs.length} agree with Hash1`);
});
