/**
 * bench/verify: goship verify on a 300-line go.sum (150 module versions of
 * the host module cache) against a checksum database on loopback (x/mod's
 * sumdb.NewTestServer via oracle-sumdb, warmed with every record first so
 * both tools see one tree), versus the go command doing the same lookups:
 * `go mod download -json <mod@ver>...` outside a module with a fresh
 * GOMODCACHE and GOPATH (so nothing is cached and every module is checked
 * against GOSUMDB), GOFLAGS=-mod=mod, modules from the lab's module proxy
 * over the host cache. In one run, each measured `--runs` times (median):
 *
 *   - goship verify            (lookups + tiles: what the go command does for a go.sum line it has not seen)
 *   - goship verify --download (also fetches every .zip/.mod through GOPROXY and hashes it: the go command's full job)
 *   - go mod download          (lookups + tiles + zips + hashing + extraction)
 *
 * Target: goship verify --download <= 1.0x the go command's time.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/verify/run.js [--runs 3] [--lines 300]
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runVerify } from "../../src/sumdb/verify/run-verify.js";
import { goSumText, hostCacheModules, startHostProxy, startSumdb } from "../../test/sumdb/harness.js";

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || def : def;
};
const runs = opt("--runs", 3);
const lines = opt("--lines", 300);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const all = await hostCacheModules();
  const mods = all.slice(0, Math.floor(lines / 2));
  if (mods.length * 2 < lines) console.log(`note: the host module cache has ${all.length} module versions; using ${mods.length * 2} lines`);
  const proxy = await startHostProxy();
  const db = await startSumdb();
  const tmp = mkdtempSync(join(tmpdir(), "goship-bench-verify-"));
  try {
    for (const m of mods) {
      const ep = m.path.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase());
      await (await fetch(`${db.url}/lookup/${ep}@${m.version}`)).arrayBuffer();
    }
    const goSumFile = join(tmp, "go.sum");
    writeFileSync(goSumFile, goSumText(mods));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, GOSUMDB: db.gosumdb, GOPROXY: proxy.url, GONOSUMDB: "", GOPRIVATE: "", GONOPROXY: "", GOFLAGS: "-mod=mod" };
    const times = { verify: [] as number[], download: [] as number[], go: [] as number[] };
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      const v = await runVerify({ goSumFile, env, cacheDir: mkdtempSync(join(tmp, "c-")), useGoCache: false });
      times.verify.push(performance.now() - t);
      if (v.result.counts.verified !== mods.length * 2) throw new Error(`goship verify: ${JSON.stringify(v.result.counts)}`);
      t = performance.now();
      const d = await runVerify({ goSumFile, env, cacheDir: mkdtempSync(join(tmp, "c-")), useGoCache: false, download: true });
      times.download.push(performance.now() - t);
      if (d.result.counts.verified !== mods.length * 2) throw new Error(`goship verify --download: ${JSON.stringify(d.result.counts)}`);
      const goEnv = { ...env, GOMODCACHE: mkdtempSync(join(tmp, "m-")), GOPATH: mkdtempSync(join(tmp, "p-")), GOFLAGS: "-mod=mod -modcacherw", GOTOOLCHAIN: "local", GO111MODULE: "on" };
      const cwd = mkdtempSync(join(tmp, "w-"));
      t = performance.now();
      await new Promise<void>((resolve, reject) =>
        execFile("go", ["mod", "download", "-json", ...mods.map((m) => `${m.path}@${m.version}`)], { cwd, env: goEnv, maxBuffer: 1 << 26 }, (err, stdout) => {
          if (err || /"Error"/.test(stdout)) reject(new Error(`go mod download failed: ${err?.message ?? stdout.match(/"Error": ".*"/)?.[0]}`));
          else resolve();
        }),
      );
      times.go.push(performance.now() - t);
    }
    const go = median(times.go);
    const row = (name: string, xs: number[]): string => `${name.padEnd(28)} ${median(xs).toFixed(0).padStart(7)} ms   ${(median(xs) / go).toFixed(2)}x`;
    console.log(`bench/verify: ${mods.length * 2} go.sum lines, ${mods.length} modules, loopback database and proxy, median of ${runs}`);
    console.log(row("goship verify", times.verify));
    console.log(row("goship verify --download", times.download));
    console.log(row("go mod download", times.go));
    const ratio = median(times.download) / go;
    console.log(`target goship verify --download <= 1.0x go: ${ratio <= 1 ? "met" : "NOT met"} (${ratio.toFixed(2)}x); lookups only: ${(median(times.verify) / go).toFixed(2)}x`);
  } finally {
    await db.stop();
    await proxy.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
