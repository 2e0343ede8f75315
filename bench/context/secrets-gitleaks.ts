/**
 * Precision/recall of goship's secret detectors against gitleaks on the
 * planted corpus (test/secrets/planted-corpus.ts): secrets of every kind
 * goship supports mixed into realistic files with harmless look-alikes.
 * Installs gitleaks (pinned, with `go install` into .cache/bench-tools) when
 * it is missing, scans the same folder with both tools, and prints hits per
 * kind, recall, false positives and scan time for each.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/context/secrets-gitleaks.js [--seed 1] [--files 240] [--show-fp]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { scanPaths } from "../../src/secrets/scan-files.js";
import { generateCorpus, PLANTED_KINDS, scoreHits, type Score, type ToolHit } from "../../test/secrets/planted-corpus.js";
import { CACHE } from "../../test/support/paths.js";

export const GITLEAKS_VERSION = "v8.30.1";
const GITLEAKS_MODULE = "github.com/zricethezav/gitleaks/v8";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

export function ensureGitleaks(): string {
  const dir = join(CACHE, "bench-tools", `gitleaks-${GITLEAKS_VERSION}`);
  const bin = join(dir, "gitleaks");
  if (!existsSync(bin)) {
    console.log(`installing gitleaks ${GITLEAKS_VERSION} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    execFileSync("go", ["install", `${GITLEAKS_MODULE}@${GITLEAKS_VERSION}`], { env: { ...process.env, GOBIN: dir }, stdio: "inherit" });
  }
  return bin;
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i]!)).join("  ");
}

function main(): void {
  const seed = Number(arg("--seed", "1"));
  const nFiles = Number(arg("--files", "240"));
  const gitleaks = ensureGitleaks();
  const corpus = generateCorpus(seed, nFiles);
  const root = mkdtempSync(join(tmpdir(), "goship-secrets-bench-"));
  try {
    for (const [name, text] of corpus.files) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    let t = performance.now();
    const ours = scanPaths(["."], { cwd: root });
    const oursMs = performance.now() - t;
    const oursHits: ToolHit[] = ours.findings.map((f) => ({ file: f.file, line: f.line }));

    const report = join(root, "..", `${relative(tmpdir(), root)}-gitleaks.json`);
    t = performance.now();
    const r = spawnSync(gitleaks, ["dir", root, "--report-format", "json", "--report-path", report, "--no-banner", "--exit-code", "0", "--log-level", "error"], { encoding: "utf8" });
    const theirsMs = performance.now() - t;
    if (r.status !== 0) throw new Error(`gitleaks failed: ${r.stderr}`);
    const leaks = JSON.parse(readFileSync(report, "utf8")) as { File: string; StartLine: number; RuleID: string }[];
    rmSync(report, { force: true });
    const theirsHits: ToolHit[] = leaks.map((l) => ({ file: relative(root, l.File).split("\\").join("/"), line: l.StartLine }));

    const a = scoreHits(corpus, oursHits);
    const b = scoreHits(corpus, theirsHits);
    console.log(`planted corpus: seed ${seed}, ${corpus.files.size} files, ${corpus.planted.length} planted secrets, ${corpus.decoys} look-alikes; gitleaks ${GITLEAKS_VERSION}`);
    const w = [26, 8, 14, 14];
    console.log(row(["kind", "planted", "goship found", "gitleaks found"], w));
    for (const k of PLANTED_KINDS) {
      const x = a.perKind.get(k)!;
      const y = b.perKind.get(k)!;
      console.log(row([k, x.planted, x.found, y.found], w));
    }
    const summary = (name: string, s: Score, hits: number, ms: number): string => {
      const tp = hits - s.falsePositives.length;
      const precision = hits === 0 ? 1 : tp / hits;
      return `${name.padEnd(9)} recall ${s.found}/${s.planted} (${((100 * s.found) / s.planted).toFixed(1)}%), false positives ${s.falsePositives.length}, precision ${(100 * precision).toFixed(1)}%, ${ms.toFixed(0)} ms`;
    };
    const distinct = (hits: readonly ToolHit[]): number => new Set(hits.map((h) => `${h.file}:${h.line}`)).size;
    console.log(summary("goship", a, distinct(oursHits), oursMs));
    console.log(summary("gitleaks", b, distinct(theirsHits), theirsMs));
    console.log(`false positives: goship ${a.falsePositives.length} vs gitleaks ${b.falsePositives.length}`);
    if (process.argv.includes("--show-fp")) {
      for (const [name, s] of [["goship", a], ["gitleaks", b]] as const) {
        for (const h of s.falsePositives) console.log(`  ${name} FP ${h.file}:${h.line}: ${corpus.files.get(h.file)?.split("\n")[h.line - 1]?.slice(0, 60)}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
