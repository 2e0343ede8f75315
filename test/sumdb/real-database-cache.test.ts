/**
 * Compatibility with the real default checksum database, offline: the go
 * command's own sumdb cache ($GOMODCACHE/cache/download/sumdb/<default
 * name>/{lookup,tile}, and its last tree head in $GOPATH/pkg/sumdb) holds
 * records, tiles and tree heads signed with the database's published key.
 * goship verify --offline must prove, from those alone, the go.sum lines
 * computed from the host module cache (.ziphash, hash of .mod) for every
 * module version the go command looked up; a changed hash must be a GV101.
 * Skipped when the host has no such cache.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_SUMDB_NAME } from "../../src/sumdb/data/default-database.js";
import { runVerify } from "../../src/sumdb/verify/run-verify.js";
import { DOWNLOAD, goSumText, hostCacheModules } from "./harness.js";

test("offline verify against the real database's cached records and tiles", async (t) => {
  const lookupDir = join(DOWNLOAD, "sumdb", DEFAULT_SUMDB_NAME, "lookup");
  if (!existsSync(lookupDir)) return t.skip("no cached lookups of the default database");
  const looked = new Set<string>();
  const walk = (d: string, rel: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, rel ? `${rel}/${n}` : n);
      else looked.add((rel ? `${rel}/${n}` : n).replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase()));
    }
  };
  walk(lookupDir, "");
  const mods = (await hostCacheModules()).filter((m) => looked.has(`${m.path}@${m.version}`));
  if (mods.length === 0) return t.skip("no module both in the module cache and in the lookup cache");
  const dir = mkdtempSync(join(tmpdir(), "goship-real-"));
  const goSumFile = join(dir, "go.sum");
  writeFileSync(goSumFile, goSumText(mods));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GOSUMDB: "", GONOSUMDB: "", GOPRIVATE: "", GOFLAGS: "" };
  const r = await runVerify({ goSumFile, env, offline: true, cacheDir: mkdtempSync(join(tmpdir(), "goship-c-")) });
  assert.deepEqual(r.result.findings, []);
  assert.equal(r.result.counts.verified, mods.length * 2);
  assert.ok((r.tree?.n ?? 0) > 1_000_000, "a real tree head");
  console.log(`real database (offline): ${r.result.counts.verified}/${r.result.counts.lines} lines of ${mods.length} modules proven against tree size ${r.tree?.n}`);
  // One changed hash is a mismatch, not a false pass.
  const text = goSumText(mods).replace(/h1:(.)/, (_m, c: string) => `h1:${c === "A" ? "B" : "A"}`);
  writeFileSync(goSumFile, text);
  const bad = await runVerify({ goSumFile, env, offline: true, cacheDir: mkdtempSync(join(tmpdir(), "goship-c-")) });
  assert.equal(bad.result.findings.filter((f) => f.ruleId === "GV101").length, 1);
});
