/**
 * bench/doctor: `goship doctor` on a 1 GiB synthetic build log made of the
 * fixture logs (test/fixtures/logs, lab and hand-made), against `grep -E` with
 * the same patterns (the doctor's
 * pre-filter keywords, one alternation, LC_ALL=C, -n so grep numbers lines as
 * the doctor does), in one run: wall time, throughput, ratio, peak RSS (from
 * /usr/bin/time). Targets: >= 200 MB/s, <= 2x grep's time, RSS < 150 MB.
 *
 * Two compositions, both reported in one run, both held to the targets:
 * "realistic": each fixture log is followed by the verbose step output that
 * makes real logs big (go test -v, go build -x, apt, layer pull progress; ~95%
 * of the bytes), so about 1 line in 20 holds a keyword; "fixtures": the
 * fixture logs alone, back to back, where over half the lines are step markers
 * or errors (the worst case). Both are --size-mb large (default 1024 MiB).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/doctor/run.js [--size-mb 1024] [--mix realistic|fixtures|both] [--keep]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { prefilterKeywords } from "../../src/doctor/engine.js";
import { CACHE, ROOT } from "../../test/support/paths.js";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: node dist/bench/doctor/run.js [--size-mb 1024] [--mix realistic|fixtures|both] [--keep]");
  console.log("  --size-mb N   size of each synthetic log in MiB (default 1024)");
  console.log("  --mix M       which composition(s) to run (default both)");
  console.log("  --keep        keep the synthetic logs in .cache/bench-doctor (reused by the next run)");
  process.exit(0);
}
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizeMb = Number(opt("--size-mb") ?? 1024) || 1024;
const mix = opt("--mix") ?? "both";
const keep = args.includes("--keep");
const LOGS = join(ROOT, "test", "fixtures", "logs");

function fixtures(): Buffer[] {
  const out: Buffer[] = [];
  for (const d of ["lab", "hand"]) {
    for (const f of readdirSync(join(LOGS, d)).sort()) if (f.endsWith(".log")) out.push(readFileSync(join(LOGS, d, f)));
  }
  return out;
}

/** Verbose but healthy step output, BuildKit-prefixed, deterministic. */
function filler(step: number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const t = `${(i / 100).toFixed(3)}`;
    switch (i % 8) {
      case 0:
        out.push(`#${step} ${t} === RUN   TestHandler/case_${i}`);
        break;
      case 1:
        out.push(`#${step} ${t} --- PASS: TestHandler/case_${i} (0.00s)`);
        break;
      case 2:
        out.push(`#${step} ${t} mkdir -p $WORK/b${String(i % 997).padStart(3, "0")}/`);
        break;
      case 3:
        out.push(`#${step} ${t} cat >/tmp/go-build${i}/b001/importcfg << 'EOF' # internal`);
        break;
      case 4:
        out.push(`#${step} sha256:4a4550260e0bdaaf5058d588d7fa4468a53f76c821a54a2bfcf572b7df74e0fa ${(i % 82).toFixed(2)}MB / 82.03MB ${t}s`);
        break;
      case 5:
        out.push(`#${step} ${t} Get:${i % 90} http://deb.mirror.invalid/debian bookworm/main amd64 libc6-dev amd64 2.36-9+deb12u4 [1904 kB]`);
        break;
      case 6:
        out.push(`#${step} ${t} Setting up libgcc-12-dev:amd64 (12.2.0-14) ...`);
        break;
      default:
        out.push(`#${step} ${t} ok  \texample.com/service/internal/pkg${i % 50}\t0.0${i % 10}2s`);
    }
  }
  return out.join("\n") + "\n";
}

function makeLog(path: string, bytes: number, realistic: boolean): void {
  if (existsSync(path) && statSync(path).size === bytes) return;
  const parts = fixtures().map((p) => (p[p.length - 1] === 10 ? p : Buffer.concat([p, Buffer.from("\n")])));
  const block = Buffer.concat(realistic ? parts.flatMap((p, i) => [p, Buffer.from(filler(900 + i, 850))]) : parts);
  const fd = openSync(path, "w");
  let written = 0;
  while (written < bytes) {
    const n = Math.min(block.length, bytes - written);
    writeSync(fd, block, 0, n);
    written += n;
  }
  closeSync(fd);
}

interface Timed {
  readonly seconds: number;
  readonly rssMb: number;
  readonly stdout: string;
}

function timed(cmd: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...argv], { env, maxBuffer: 1 << 30, encoding: "utf8" });
  const last = r.stderr.trim().split("\n").at(-1) ?? "";
  const [secs, kb] = last.split(" ");
  return { seconds: Number(secs), rssMb: Number(kb) / 1024, stdout: r.stdout };
}

function escapeEre(s: string): string {
  return s.replace(/[.[\]()*+?{}|^$\\]/g, "\\$&");
}

const dir = join(CACHE, "bench-doctor");
mkdirSync(dir, { recursive: true });
const patterns = join(dir, "patterns.txt");
writeFileSync(patterns, prefilterKeywords().map(escapeEre).join("|") + "\n");
let allMet = true;
console.log(`load average at start: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} (${availableParallelism()} CPUs)`);
const modes = (["realistic", "fixtures"] as const).filter((m) => mix === "both" || mix === m);
for (const mode of modes) {
const mib = sizeMb;
const log = join(dir, `synthetic-${mode}-${mib}m.log`);
const bytes = mib * 1024 * 1024;
console.log(`\n== ${mode}: ${mib} MiB synthetic log from the fixtures: ${log}`);
makeLog(log, bytes, mode === "realistic");
// Warm the page cache so both tools read from memory.
execFileSync("cat", [log], { stdio: ["ignore", "ignore", "ignore"] });

const grep = timed("grep", ["-E", "-n", "-c", "-f", patterns, log], { ...process.env, LC_ALL: "C" });
const grepUtf8 = timed("grep", ["-E", "-n", "-c", "-f", patterns, log], { ...process.env, LC_ALL: "C.UTF-8" });
const doctor = timed(process.execPath, [join(ROOT, "bin", "goship.js"), "doctor", "-f", "json", "--failure-threshold", "none", log]);
const result = JSON.parse(doctor.stdout) as { lines: number; findings: { id: string; count: number }[] };

const mb = bytes / 1e6;
const row = (name: string, t: Timed): string => `${name.padEnd(26)} ${t.seconds.toFixed(2).padStart(7)} s ${(mb / t.seconds).toFixed(0).padStart(6)} MB/s ${t.rssMb.toFixed(0).padStart(6)} MB RSS`;
console.log(`${mb.toFixed(0)} MB, ${result.lines} lines, ${prefilterKeywords().length} keywords; grep matched ${grep.stdout.trim()} lines`);
console.log(row("goship doctor", doctor));
console.log(row("grep -E (LC_ALL=C)", grep));
console.log(row("grep -E (C.UTF-8)", grepUtf8));
console.log(`ratio goship/grep(C): ${(doctor.seconds / grep.seconds).toFixed(2)}x   goship/grep(UTF-8): ${(doctor.seconds / grepUtf8.seconds).toFixed(2)}x`);
console.log(`findings: ${result.findings.map((f) => `${f.id}×${f.count}`).join(" ")}`);
const ok = mb / doctor.seconds >= 200 && doctor.rssMb < 150 && doctor.seconds <= 2 * grep.seconds;
console.log(`targets (>= 200 MB/s, RSS < 150 MB, <= 2x grep): ${ok ? "met" : "NOT met"}`);
allMet &&= ok;
if (!keep) rmSync(log, { force: true });
}
process.exitCode = allMet ? 0 : 1;
