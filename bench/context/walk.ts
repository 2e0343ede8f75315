/**
 * Context walk benchmark: a generated tree of 200,000 files (default; 2,000
 * folders of 100 small files, plus a node_modules and .git to exclude) with a
 * .dockerignore, walked by
 *   1. goship (walkContext with the matcher, and the whole `inspectContext`),
 *   2. GNU tar in the style of a context upload (`tar -c --exclude-from`,
 *      archive streamed to a pipe that discards it),
 *   3. BuildKit itself in the build lab: the "[internal] load build context"
 *      step of a `COPY . /ctx` build (its DONE time, after a prune so nothing
 *      is cached).
 * Prints each time and the ratios (goship / BuildKit: target <= 1).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/context/walk.js [--files 200000] [--no-lab] [--keep]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectContext } from "../../src/context/inspect.js";
import { walkContext } from "../../src/context/walk.js";
import { compilePatterns, parseIgnoreFile } from "../../src/ignore/index.js";
import { labUnavailable, startLab } from "../../test/lab/index.js";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

const IGNORE = ".git\n**/node_modules\n**/*.log\ntmp/\n!tmp/keep\n";

function generate(root: string, files: number): number {
  const perDir = 100;
  let n = 0;
  for (let d = 0; n < files; d++) {
    const dir = join(root, "src", `pkg${Math.floor(d / 50)}`, `mod${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < perDir && n < files; f++, n++) writeFileSync(join(dir, f % 10 === 9 ? `trace${f}.log` : `file${f}.go`), `package mod${d}\n// ${f}\n`);
  }
  for (const junk of [".git/objects/aa", "web/node_modules/x", "tmp"]) {
    mkdirSync(join(root, junk), { recursive: true });
    for (let f = 0; f < 200; f++) writeFileSync(join(root, junk, `o${f}`), "x");
  }
  writeFileSync(join(root, "tmp", "keep"), "k");
  writeFileSync(join(root, ".dockerignore"), IGNORE);
  writeFileSync(join(root, "Dockerfile"), "FROM scratch\nCOPY . /ctx\n");
  return n;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

function tarTime(root: string): Promise<number> {
  const excl = join(root, "..", "tar-exclude");
  writeFileSync(excl, ".git\nnode_modules\n*.log\n./tmp/o*\n");
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn("tar", ["-c", `--exclude-from=${excl}`, "-f", "-", "."], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    p.stdout.on("data", () => undefined);
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`tar exit ${code}`))));
  });
}

async function main(): Promise<void> {
  const files = Number(arg("--files", "200000"));
  const work = mkdtempSync(join(tmpdir(), "goship-ctx-bench-"));
  const root = join(work, "ctx");
  try {
    const [n, genMs] = time(() => generate(root, files));
    console.log(`generated ${n} files (+600 excluded, ${(genMs / 1000).toFixed(1)} s) in ${root}`);
    const matcher = compilePatterns(parseIgnoreFile(IGNORE, ".dockerignore"), ".dockerignore");
    walkContext(root, matcher); // warm the page cache for every contender
    const walks: number[] = [];
    let sent = 0;
    for (let i = 0; i < 3; i++) {
      const [r, ms] = time(() => walkContext(root, matcher));
      walks.push(ms);
      sent = r.entries.length;
    }
    const walkMs = Math.min(...walks);
    const t0 = performance.now();
    const report = await inspectContext({ contextDir: root });
    const inspectMs = performance.now() - t0;
    const tars: number[] = [];
    for (let i = 0; i < 3; i++) tars.push(await tarTime(root));
    const tarMs = Math.min(...tars);
    console.log(`goship walkContext:      ${walkMs.toFixed(0)} ms (${sent} entries sent; best of 3)`);
    console.log(`goship inspectContext:   ${inspectMs.toFixed(0)} ms (walk + junk + unused weight; ${report.totals.files} files)`);
    console.log(`tar -c --exclude-from:   ${tarMs.toFixed(0)} ms (best of 3; reads file contents)`);
    console.log(`ratio goship walk / tar: ${(walkMs / tarMs).toFixed(2)}x`);
    if (process.argv.includes("--no-lab")) return;
    const why = labUnavailable();
    if (why !== undefined) {
      console.log(`BuildKit: skipped (${why})`);
      return;
    }
    const lab = await startLab({ images: false, log: () => undefined });
    try {
      const runs: number[] = [];
      for (let i = 0; i < 2; i++) {
        await lab.buildkit!.prune();
        const r = await lab.build({ context: root, output: { type: "none" }, useLabProxy: false, label: `ctx-bench-${i}`, noCache: true });
        const log = readFileSync(r.logPath, "utf8");
        const step = /#(\d+) \[internal\] load build context\n/.exec(log)?.[1];
        const done = step ? new RegExp(`#${step} DONE ([0-9.]+)s`).exec(log)?.[1] : undefined;
        const transferred = step ? new RegExp(`#${step} transferring context: ([0-9.]+[kMG]?B)`).exec(log)?.[1] : undefined;
        if (!r.ok || done === undefined) throw new Error(`build failed or no context step; log ${r.logPath}`);
        runs.push(Number(done) * 1000);
        console.log(`BuildKit load build context: ${done} s (${transferred ?? "?"} transferred; build ${(r.durationMs / 1000).toFixed(1)} s)`);
      }
      const bkMs = Math.min(...runs);
      console.log(`ratio goship walk / BuildKit context transfer: ${(walkMs / bkMs).toFixed(2)}x (target <= 1)`);
      console.log(`ratio goship inspectContext / BuildKit context transfer: ${(inspectMs / bkMs).toFixed(2)}x`);
    } finally {
      await lab.stop();
    }
  } finally {
    if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
  }
}

await main();
