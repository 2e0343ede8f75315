/**
 * bench/audit: `goship audit` end to end, as a user runs it (a new node
 * process running bin/goship.js each time, so start-up and module loading
 * count), offline:
 *   1. examples/greeter (target < 2 s);
 *   2. a repository of the 50 Dockerfiles of shared/corpus, copied into a
 *      temp tree (one folder each, with its go.mod when the corpus has one)
 *      (target < 5 s).
 * Each is run `--runs` times (default 5) after one warm-up; prints min,
 * median and max wall time, the areas' statuses of the last run, and the
 * machine's load (os.loadavg) before and after. Exits 1 when a median
 * misses its target.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/audit/run.js [--runs 5]
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, ROOT } from "../../test/support/paths.js";

const BIN = join(ROOT, "bin", "goship.js");

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

function corpusRepo(): { dir: string; dockerfiles: number } {
  const dir = mkdtempSync(join(tmpdir(), "goship-audit-corpus-"));
  const folders = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  let n = 0;
  for (const f of folders) {
    if (!existsSync(join(CORPUS, f, "Dockerfile"))) continue;
    mkdirSync(join(dir, f));
    cpSync(join(CORPUS, f, "Dockerfile"), join(dir, f, "Dockerfile"));
    if (existsSync(join(CORPUS, f, "go.mod"))) cpSync(join(CORPUS, f, "go.mod"), join(dir, f, "go.mod"));
    n++;
  }
  return { dir, dockerfiles: n };
}

interface Run {
  readonly ms: number;
  /** User + system CPU time of the process (from /usr/bin/time), or NaN when that tool is missing. */
  readonly cpuMs: number;
  readonly code: number;
  readonly stdout: string;
}

const TIME = "/usr/bin/time";

function once(dir: string): Run {
  const args = [BIN, "audit", dir, "--offline", "--json"];
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ["-f", "@cpu %U %S", process.execPath, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`goship audit ${dir} exited ${r.status}: ${r.stderr}`);
  const m = /@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  const cpuMs = m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN;
  return { ms, cpuMs, code: r.status, stdout: r.stdout };
}

function measure(label: string, dir: string, runs: number, targetMs: number): boolean {
  once(dir); // warm-up: file cache, go env
  const rs = Array.from({ length: runs }, () => once(dir));
  const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
  const med = ms[Math.floor(ms.length / 2)]!;
  const cpu = rs.map((r) => r.cpuMs).sort((a, b) => a - b);
  const cpuMed = cpu[Math.floor(cpu.length / 2)]!;
  const report = JSON.parse(rs[rs.length - 1]!.stdout) as { areas: { area: string; status: string; findings: unknown[] }[]; score: number; counts: { error: number; warning: number; info: number } };
  const ok = med < targetMs;
  console.log(
    `${label.padEnd(34)} min ${ms[0]!.toFixed(0).padStart(5)} ms  median ${med.toFixed(0).padStart(5)} ms  max ${ms[ms.length - 1]!.toFixed(0).padStart(5)} ms  ` +
      `(CPU ${Number.isNaN(cpuMed) ? "?" : cpuMed.toFixed(0)} ms)  target < ${targetMs} ms: ${ok ? "met" : "MISSED"}`,
  );
  console.log(
    `${"".padEnd(34)} exit ${rs[0]!.code}, score ${report.score}, ${report.counts.error}E/${report.counts.warning}W/${report.counts.info}I; ` +
      report.areas.map((a) => `${a.area}=${a.status}`).join(" "),
  );
  return ok;
}

const runs = arg("--runs", 5);
const fmtLoad = (l: number[]): string => l.map((x) => x.toFixed(2)).join(" ");
console.log(`goship audit --offline, ${runs} runs each after a warm-up; ${cpus().length} CPUs; load before: ${fmtLoad(loadavg())}`);
const corpus = corpusRepo();
let ok = true;
try {
  ok = measure("examples/greeter", join(ROOT, "examples", "greeter"), runs, 2000) && ok;
  ok = measure(`corpus repo (${corpus.dockerfiles} Dockerfiles)`, corpus.dir, runs, 5000) && ok;
} finally {
  rmSync(corpus.dir, { recursive: true, force: true });
}
console.log(`load after: ${fmtLoad(loadavg())} (1, 5, 15 min)`);
process.exitCode = ok ? 0 : 1;
