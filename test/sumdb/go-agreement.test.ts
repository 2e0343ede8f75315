/**
 * goship verify and the go command agree, module by module, against the
 * same checksum database on loopback (x/mod's sumdb.NewTestServer through
 * oracle-sumdb) and the lab's module proxy over the host module cache:
 *
 * - every module the host can serve (all module versions of the host module
 *   cache): `go mod download` (fresh GOMODCACHE, GOSUMDB="<key> <url>")
 *   accepts each, goship verify verifies each go.sum line;
 * - a database that signs a wrong hash for some modules: the go command
 *   refuses exactly those ("checksum mismatch"), goship reports exactly those;
 * - the examples/ projects' go.sum files, with and without GOPRIVATE for the
 *   private module (without it both fail: the database does not know it).
 *
 * Prints the agreement counts and both tools' times.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseGoSum } from "../../src/gomod/go-sum.js";
import { runVerify } from "../../src/sumdb/verify/run-verify.js";
import type { VerifyResult } from "../../src/sumdb/verify/verify-go-sum.js";
import { ROOT } from "../support/paths.js";
import { rngFromEnv } from "../support/random.js";
import { goSumText, hostCacheModules, startHostProxy, startSumdb, type CachedModule } from "./harness.js";

interface GoDownload {
  Path: string;
  Version: string;
  Error?: string;
}

function goEnv(gosumdb: string, goproxy: string, gomodcache: string, goprivate = ""): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // Its own GOPATH: the go command keeps the database's last tree head in $GOPATH/pkg/sumdb.
    GOPATH: mkdtempSync(join(tmpdir(), "goship-gopath-")),
    GOMODCACHE: gomodcache,
    GOPROXY: goproxy,
    GOSUMDB: gosumdb,
    GONOSUMDB: "",
    // As the lab's examples/private build: private, but served by the proxy.
    GONOPROXY: goprivate ? "none" : "",
    GOPRIVATE: goprivate,
    GOFLAGS: "-modcacherw",
    GOTOOLCHAIN: "local",
    GO111MODULE: "on",
  };
}

/** `go mod download -json` of the given modules outside any module; the go command's verdict per module@version. */
function goDownload(mods: readonly string[], env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const cwd = mkdtempSync(join(tmpdir(), "goship-go-dl-"));
  return new Promise((resolve) => {
    execFile("go", ["mod", "download", "-json", ...mods], { cwd, env, maxBuffer: 1 << 26 }, (_err, stdout, stderr) => {
      const verdict = new Map<string, string>();
      for (const m of stdout.split(/\n(?=\{)/)) {
        if (!m.trim()) continue;
        const d = JSON.parse(m) as GoDownload;
        verdict.set(`${d.Path}@${d.Version}`, d.Error ?? "");
      }
      // A checksum mismatch is fatal to the go command: it stops and prints it on stderr.
      if (verdict.size === 0 && mods.length === 1) verdict.set(mods[0] as string, stderr.trim() || "failed");
      resolve(verdict);
    });
  });
}

function goshipVerdicts(r: VerifyResult): Map<string, string> {
  const v = new Map<string, string>();
  for (const l of r.lines) {
    const k = `${l.path}@${l.version.replace(/\/go\.mod$/, "")}`;
    const bad = l.status === "mismatch" || l.status === "error" ? `${l.status}: ${l.reason ?? ""}` : "";
    v.set(k, v.get(k) || bad);
  }
  return v;
}

function writeGoSum(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), "goship-agree-")), "go.sum");
  writeFileSync(f, text);
  return f;
}

const verifyEnv = (gosumdb: string, goprivate = ""): Record<string, string | undefined> => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GOSUMDB: gosumdb,
  GOPROXY: "off",
  GONOSUMDB: "",
  GONOPROXY: "",
  GOPRIVATE: goprivate,
});

test("goship verify and go mod download agree on every module of the host module cache", { timeout: 600_000 }, async () => {
  const mods = await hostCacheModules();
  const proxy = await startHostProxy();
  const db = await startSumdb();
  try {
    const names = mods.map((m) => `${m.path}@${m.version}`);
    const t0 = performance.now();
    const go = await goDownload(names, goEnv(db.gosumdb, proxy.url, mkdtempSync(join(tmpdir(), "goship-gomodcache-"))));
    const goMs = performance.now() - t0;
    const t1 = performance.now();
    const out = await runVerify({ goSumFile: writeGoSum(goSumText(mods)), env: verifyEnv(db.gosumdb), cacheDir: mkdtempSync(join(tmpdir(), "goship-c-")), useGoCache: false, retries: 0 });
    const goshipMs = performance.now() - t1;
    const gs = goshipVerdicts(out.result);
    let agree = 0;
    for (const n of names) {
      assert.equal(go.get(n), "", `go mod download ${n}`);
      assert.equal(gs.get(n), "", `goship verify ${n}`);
      agree++;
    }
    assert.deepEqual(out.result.findings, []);
    console.log(`honest database: ${agree}/${names.length} modules (${out.result.counts.lines} go.sum lines) accepted by both; go mod download ${goMs.toFixed(0)} ms, goship verify ${goshipMs.toFixed(0)} ms`);
  } finally {
    await db.stop();
    await proxy.stop();
  }

  // A database that signs wrong zip hashes for a few modules.
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const lied = new Set<string>();
  while (lied.size < Math.min(5, mods.length)) {
    const m = rng.pick(mods);
    lied.add(`${m.path}@${m.version}`);
  }
  const honest = mods.filter((m) => !lied.has(`${m.path}@${m.version}`)).slice(0, 5);
  const sample: CachedModule[] = [...mods.filter((m) => lied.has(`${m.path}@${m.version}`)), ...honest];
  const liar = await startSumdb({ lie: [...lied] });
  const proxy2 = await startHostProxy();
  try {
    const cache = mkdtempSync(join(tmpdir(), "goship-gomodcache-"));
    // One go command per module: a mismatch stops the go command.
    const go = new Map<string, string>();
    await Promise.all(sample.map(async (m) => {
      const k = `${m.path}@${m.version}`;
      const v = await goDownload([k], goEnv(liar.gosumdb, proxy2.url, cache));
      go.set(k, v.get(k) ?? "no answer");
    }));
    const out = await runVerify({ goSumFile: writeGoSum(goSumText(sample)), env: verifyEnv(liar.gosumdb), cacheDir: mkdtempSync(join(tmpdir(), "goship-c-")), useGoCache: false, retries: 0 });
    const gs = goshipVerdicts(out.result);
    let agree = 0;
    for (const m of sample) {
      const k = `${m.path}@${m.version}`;
      const goRejects = (go.get(k) ?? "") !== "";
      const goshipRejects = (gs.get(k) ?? "") !== "";
      assert.equal(goRejects, lied.has(k), `go command on ${k}: ${go.get(k)}`);
      if (goRejects) assert.match(go.get(k) as string, /checksum mismatch/);
      assert.equal(goshipRejects, goRejects, `goship on ${k}: ${gs.get(k)}`);
      agree++;
    }
    console.log(`lying database: ${agree}/${sample.length} modules agree (${lied.size} refused by both, ${honest.length} accepted by both)`);
  } finally {
    await liar.stop();
    await proxy2.stop();
  }
});

test("goship verify and the go command agree on the examples/ projects", { timeout: 300_000 }, async () => {
  const examples = readdirSync(join(ROOT, "examples")).filter((d) => existsSync(join(ROOT, "examples", d, "go.sum")));
  const proxy = await startHostProxy(true);
  const db = await startSumdb();
  let agree = 0;
  let total = 0;
  try {
    for (const ex of examples) {
      const goSumFile = join(ROOT, "examples", ex, "go.sum");
      const gs = parseGoSum(readFileSync(goSumFile, "utf8"), goSumFile);
      const mods = [...new Set(gs.entries.map((e) => `${e.path}@${e.moduleVersion}`))];
      if (mods.length === 0) continue;
      for (const goprivate of ["", "corp.example"]) {
        const go = new Map<string, string>();
        for (const k of mods) go.set(k, (await goDownload([k], goEnv(db.gosumdb, proxy.url, mkdtempSync(join(tmpdir(), "goship-gomodcache-")), goprivate))).get(k) ?? "no answer");
        const out = await runVerify({ goSumFile, env: verifyEnv(db.gosumdb, goprivate), cacheDir: mkdtempSync(join(tmpdir(), "goship-c-")), useGoCache: false, retries: 0 });
        const v = goshipVerdicts(out.result);
        for (const k of mods) {
          total++;
          const goOk = go.get(k) === "";
          const goshipOk = (v.get(k) ?? "") === "";
          assert.equal(goshipOk, goOk, `${ex} ${k} GOPRIVATE=${goprivate}: go ${JSON.stringify(go.get(k))}, goship ${JSON.stringify(v.get(k))}`);
          agree++;
        }
      }
    }
    assert.ok(total > 0);
    console.log(`examples: ${agree}/${total} module verdicts agree (${examples.join(", ")}; with and without GOPRIVATE=corp.example)`);
  } finally {
    await db.stop();
    await proxy.stop();
  }
});
