/**
 * Parse benchmark (not a test): parses every corpus Dockerfile many times in
 * one process with goship (parser + instructions), then runs the Go oracle's
 * `bench` command (BuildKit's parser + instructions, in process) on the same
 * files, and prints files/s for both and the per-file time ratio.
 *
 *   npm run bench:parse [-- <iterations>]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseDockerfile, DockerfileError } from "../../src/dockerfile/index.js";
import { CORPUS } from "../../test/support/paths.js";
import { ensureOracle } from "../../test/support/oracle.js";

interface BenchResult {
  readonly files: number;
  readonly iterations: number;
  readonly seconds: number;
  readonly filesPerSecond: number;
}

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...corpusFiles(p));
    else if (name.startsWith("Dockerfile")) out.push(readFileSync(p, "utf8"));
  }
  return out;
}

function benchGoship(files: readonly string[], iterations: number): BenchResult {
  const once = (): void => {
    for (const f of files) {
      try {
        parseDockerfile(f);
      } catch (e) {
        if (!(e instanceof DockerfileError)) throw e;
      }
    }
  };
  for (let i = 0; i < Math.min(50, iterations); i++) once(); // warm-up (JIT), as Go needs none
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) once();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { files: files.length, iterations, seconds, filesPerSecond: (files.length * iterations) / seconds };
}

const iterations = Number(process.argv[2] ?? 400);
const files = corpusFiles(CORPUS);
const ts = benchGoship(files, iterations);
const bin = ensureOracle("dockerfile");
const go = JSON.parse(execFileSync(bin, ["bench", CORPUS, String(iterations)], { encoding: "utf8" })) as BenchResult;
const ratio = go.filesPerSecond / ts.filesPerSecond;
console.log(JSON.stringify({ goship: ts, buildkit: go, perFileTimeRatio: Number(ratio.toFixed(3)) }, null, 2));
console.log(
  `goship ${ts.filesPerSecond.toFixed(0)} files/s, BuildKit (Go) ${go.filesPerSecond.toFixed(0)} files/s: ` +
    `goship takes ${ratio.toFixed(2)}x Go's time per file (target: <= 2x)`,
);
