/**
 * goship verify against a checksum database on loopback (x/mod's
 * sumdb.NewTestServer through oracle-sumdb) and a man-in-the-middle that
 * forges its answers: a tampered record, a bad signature, a wrong key, a
 * record whose inclusion proof fails, a tree head that forks from the cached
 * one, a tile with one flipped byte, a proxy zip with one changed file, and
 * a database that signs a wrong hash. Every forgery must be rejected with a
 * clear message; the honest server must give no finding (online, with
 * --download, and offline from the cache). Prints the counts.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateNoteKey } from "../../src/sumdb/note/key.js";
import { runVerify, type RunVerifyOptions } from "../../src/sumdb/verify/run-verify.js";
import type { VerifyResult } from "../../src/sumdb/verify/verify-go-sum.js";
import { goship } from "../support/cli.js";
import { DB_NAME, goSumText, hostCacheModules, startHostProxy, startMitm, startSumdb, type CachedModule, type SumdbServer } from "./harness.js";

let mods: CachedModule[] = [];
let goSumFile = "";
const tally = { forgeries: 0, rejected: 0, honestRuns: 0, falseAlarms: 0 };

function baseEnv(gosumdb: string, goproxy = "off"): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, GOSUMDB: gosumdb, GOPROXY: goproxy, GONOSUMDB: "", GOPRIVATE: "", GONOPROXY: "", GOFLAGS: "-mod=mod" };
}

function opts(env: Record<string, string | undefined>, cacheDir: string, extra: Partial<RunVerifyOptions> = {}): RunVerifyOptions {
  return { goSumFile, env, cacheDir, useGoCache: false, retries: 0, timeoutMs: 10_000, ...extra };
}

const freshCache = (): string => mkdtempSync(join(tmpdir(), "goship-sumdb-cache-"));

async function warm(server: { url: string }, list: readonly CachedModule[]): Promise<void> {
  for (const m of list) {
    const ep = m.path.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase());
    const r = await fetch(`${server.url}/lookup/${ep}@${m.version}`);
    assert.equal(r.status, 200, `warm-up lookup of ${m.path}@${m.version}`);
    await r.arrayBuffer();
  }
}

function expectHonest(name: string, r: VerifyResult): void {
  tally.honestRuns++;
  tally.falseAlarms += r.findings.length;
  assert.deepEqual(r.findings, [], `${name}: no finding on the honest server`);
  assert.equal(r.counts.verified, r.counts.lines, `${name}: every line verified`);
}

function expectRejected(name: string, r: VerifyResult, ruleId: string, pattern: RegExp): void {
  tally.forgeries++;
  const hit = r.findings.find((f) => f.ruleId === ruleId && pattern.test(f.message));
  if (hit) tally.rejected++;
  assert.ok(hit, `${name}: expected ${ruleId} matching ${pattern}, got ${JSON.stringify(r.findings.map((f) => `${f.ruleId} ${f.message.split("\n")[0]}`), null, 1)}`);
  assert.equal(r.counts.verified < r.counts.lines, true, `${name}: not everything verified`);
  console.log(`  ${name}: rejected — ${hit.ruleId} ${hit.message.split("\n")[0]}`);
}

before(async () => {
  const all = await hostCacheModules();
  // A handful of modules, the examples' uuid among them.
  mods = all.filter((m) => m.path === "github.com/google/uuid").concat(all.filter((m) => m.path !== "github.com/google/uuid").slice(0, 5));
  assert.ok(mods.length >= 2, "the host module cache has modules");
  const dir = mkdtempSync(join(tmpdir(), "goship-verify-"));
  goSumFile = join(dir, "go.sum");
  writeFileSync(goSumFile, goSumText(mods));
});

after(() => {
  console.log(`forgeries rejected: ${tally.rejected}/${tally.forgeries}; false alarms on the honest server: ${tally.falseAlarms} in ${tally.honestRuns} runs`);
});

test("honest database: every line verified, online, offline from the cache, and through the CLI", async () => {
  const db = await startSumdb();
  try {
    await warm(db, mods);
    const cache = freshCache();
    const online = await runVerify(opts(baseEnv(db.gosumdb), cache));
    expectHonest("online", online.result);
    assert.equal(online.tree?.n, mods.length);
    const offline = await runVerify(opts(baseEnv(db.gosumdb), cache, { offline: true }));
    expectHonest("offline", offline.result);
    const empty = await runVerify(opts(baseEnv(db.gosumdb), freshCache(), { offline: true }));
    assert.ok(empty.result.findings.length > 0 && empty.result.findings.every((f) => f.ruleId === "GV105"), "offline with an empty cache cannot verify");
    const cli = await goship(["verify", goSumFile, "--no-go-cache", "--cache-dir", freshCache()], { cwd: tmpdir(), env: baseEnv(db.gosumdb) });
    assert.equal(cli.code, 0, cli.stderr + cli.stdout);
    assert.match(cli.stderr, new RegExp(`${mods.length * 2} go.sum lines of ${mods.length} modules against ${DB_NAME}`));
  } finally {
    await db.stop();
  }
});

test("forged answers are rejected", async () => {
  const db = await startSumdb();
  const mitm = await startMitm(db.url);
  try {
    await warm(db, mods);
    const env = baseEnv(`${db.vkey} ${mitm.url}`);
    const run = async (): Promise<VerifyResult> => (await runVerify(opts(env, freshCache()))).result;

    // Control: the man-in-the-middle passing answers on unchanged.
    mitm.setRewrite(undefined);
    expectHonest("pass-through", await run());

    // A record whose text was changed (one hash character).
    mitm.setRewrite((path, body) => {
      if (!path.startsWith("/lookup/")) return undefined;
      const s = body.toString("latin1");
      const i = s.indexOf("h1:") + 5;
      return Buffer.from(s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1), "latin1");
    });
    expectRejected("tampered record", await run(), "GV104", /inclusion proof failed|not proven/);

    // A record served under another record's id: its inclusion proof fails.
    mitm.setRewrite((path, body) => {
      if (!path.startsWith("/lookup/")) return undefined;
      const s = body.toString("latin1");
      const nl = s.indexOf("\n");
      const id = Number(s.slice(0, nl));
      return Buffer.from(`${id === 0 ? 1 : id - 1}${s.slice(nl)}`, "latin1");
    });
    expectRejected("inclusion proof", await run(), "GV104", /inclusion proof failed/);

    // A signature with one character changed (tree heads in /latest and /lookup).
    mitm.setRewrite((path, body) => {
      if (!path.startsWith("/lookup/") && path !== "/latest") return undefined;
      const s = body.toString("utf8");
      const at = s.lastIndexOf("— ");
      const sp = s.indexOf(" ", at + 2) + 1;
      const i = sp + 10;
      return Buffer.from(s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1), "utf8");
    });
    expectRejected("bad signature", await run(), "GV104", /invalid signature/);

    // A tile (hashes, not data) with one flipped byte.
    mitm.setRewrite((path, body) => {
      if (!path.startsWith("/tile/8/0/") || body.length === 0) return undefined;
      const b = Buffer.from(body);
      b[b.length - 1] = (b[b.length - 1] as number) ^ 0x01;
      return b;
    });
    expectRejected("flipped tile byte", await run(), "GV104", /tile that does not match/);

    // The right database name with someone else's key.
    mitm.setRewrite(undefined);
    const other = generateNoteKey(DB_NAME).verifierKey;
    const wrong = (await runVerify(opts(baseEnv(`${other} ${mitm.url}`), freshCache()))).result;
    expectRejected("wrong key", wrong, "GV104", /not signed by the configured key/);
  } finally {
    await mitm.stop();
    await db.stop();
  }
});

test("a tree head that forks from the cached one is a security error", async () => {
  const key = generateNoteKey(DB_NAME);
  const a = await startSumdb({ skey: key.signerKey });
  const cache = freshCache();
  try {
    await warm(a, mods);
    expectHonest("before the fork", (await runVerify(opts(baseEnv(`${key.verifierKey} ${a.url}`), cache))).result);
  } finally {
    await a.stop();
  }
  // Same key, another history: one record of its own before the same modules.
  const b = await startSumdb({ skey: key.signerKey, prefill: 1 });
  try {
    await warm(b, mods);
    const r = (await runVerify(opts(baseEnv(`${key.verifierKey} ${b.url}`), cache))).result;
    expectRejected("forked log", r, "GV104", /forked/);
    assert.match(r.findings.find((f) => f.ruleId === "GV104")?.message ?? "", /SECURITY ERROR[\s\S]*old database:[\s\S]*new database:[\s\S]*proof of misbehavior/);
    // The same history on a fresh cache is fine: only the fork is the problem.
    expectHonest("forked log, fresh cache", (await runVerify(opts(baseEnv(`${key.verifierKey} ${b.url}`), freshCache()))).result);
  } finally {
    await b.stop();
  }
});

test("a database that signs a wrong hash, and a proxy zip with one changed file, are mismatches", async () => {
  const target = mods[0] as CachedModule;
  const liar = await startSumdb({ lie: [`${target.path}@${target.version}`] });
  try {
    await warm(liar, mods);
    const r = (await runVerify(opts(baseEnv(liar.gosumdb), freshCache()))).result;
    expectRejected("signed wrong hash", r, "GV101", new RegExp(`${target.path.replace(/\./g, "\\.")} ${target.version}: checksum mismatch for the module zip`));
    assert.equal(r.counts.mismatched, 1);
  } finally {
    await liar.stop();
  }
  const db = await startSumdb();
  const proxy = await startHostProxy();
  try {
    await warm(db, mods);
    const env = baseEnv(db.gosumdb, proxy.url);
    expectHonest("--download, honest proxy", (await runVerify(opts(env, freshCache(), { download: true }))).result);
    proxy.fail("tamper", { module: target.path });
    const r = (await runVerify(opts(env, freshCache(), { download: true }))).result;
    expectRejected("proxy zip with one changed file", r, "GV102", /the proxy serves a module zip that hashes to/);
    assert.equal(r.findings.filter((f) => f.ruleId === "GV102").length, 1, "only the tampered zip");
    const cli = await goship(["verify", goSumFile, "--download", "--no-go-cache", "--retries", "0", "--cache-dir", freshCache()], { cwd: tmpdir(), env });
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stdout, /GV102/);
  } finally {
    await proxy.stop();
    await db.stop();
  }
});

test("GOSUMDB=off is a refusal and a missing go.sum an input error (exit 2)", async () => {
  const off = await goship(["verify", goSumFile], { cwd: tmpdir(), env: baseEnv("off") });
  assert.equal(off.code, 2);
  assert.match(off.stderr, /GOSUMDB=off: the checksum database is disabled/);
  const none = await goship(["verify", mkdtempSync(join(tmpdir(), "goship-empty-"))], { cwd: tmpdir(), env: baseEnv("off") });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no go\.sum here/);
  const bad = await goship(["verify", goSumFile], { cwd: tmpdir(), env: baseEnv("example.test+00000000+AAAA http://127.0.0.1:1") });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /invalid GOSUMDB/);
});
