/**
 * `goship verify [dir]`: flags → runVerify (src/sumdb/verify) → one report.
 * Exit 1 when any go.sum line disagrees with the checksum database, the
 * proxy or the module cache, when the database misbehaves, or when a line
 * could not be verified; 2 for usage and input errors (no go.sum, a bad
 * GOSUMDB, GOSUMDB=off); else 0. A progress bar goes to stderr on a TTY.
 * `-f json` is the JSON report with a "verify" member (per-line results,
 * the database and its tree head).
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { FORMAT_NAMES, type FormatName } from "../../report/names.js";
import { VERSION } from "../../version.js";
import { colorEnabled } from "../color.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface VerifyFlags {
  format: FormatName;
  download?: boolean;
  offline?: boolean;
  concurrency: string;
  retries: string;
  timeout: string;
  cacheDir?: string;
  goCache: boolean;
  progress: boolean;
  output?: string;
  color: boolean;
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer, not ${JSON.stringify(v)}`);
  return n;
}

export function verifyCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("verify")
    .description("Check every go.sum line against the Go checksum database (signed tree heads, inclusion and consistency proofs); with --download, also what GOPROXY serves and the local module cache.")
    .argument("[dir]", "module folder or go.sum file", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("text"))
    .option("--download", "also fetch each module's .zip and .mod through GOPROXY and recompute h1, and verify the local module cache like `go mod verify`")
    .option("--offline", "answer from the tile and lookup caches only (goship's, then the go command's)")
    .option("--concurrency <n>", "requests in flight at once", "16")
    .option("--retries <n>", "retries after a 5xx answer or a network error, with backoff", "3")
    .option("--timeout <ms>", "per-request timeout in milliseconds", "30000")
    .option("--cache-dir <dir>", "goship's checksum database cache (default ~/.cache/goship/sumdb)")
    .option("--no-go-cache", "do not read the go command's sumdb caches")
    .option("--no-progress", "no progress bar on a terminal")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      "\nThe database comes from GOSUMDB (as the go command reads it; unset means the go command's default),\n" +
        "modules under GONOSUMDB/GOPRIVATE are skipped. Exit 1 on any mismatch or unverifiable line.\n\n" +
        "Examples:\n  goship verify\n  goship verify --download -f json ./service\n  GOSUMDB=\"example.test+<key> http://127.0.0.1:8080\" goship verify\n",
    )
    .action(async (dir: string, flags: VerifyFlags) => {
      setCode(await runVerifyCli(dir, flags, io));
    });
}

async function runVerifyCli(dir: string, flags: VerifyFlags, io: Io): Promise<number> {
  const [{ runVerify }, { FORMATS }, { sortFindings }, { writeFileAtomic }] = await Promise.all([
    import("../../sumdb/verify/run-verify.js"),
    import("../../report/index.js"),
    import("../../finding/finding.js"),
    import("../../io/atomic-write.js"),
  ]);
  const target = resolve(io.cwd, dir);
  const goSumFile = existsSync(target) && statSync(target).isDirectory() ? join(target, "go.sum") : target;
  if (!existsSync(goSumFile)) throw new UsageError(`${relative(io.cwd, goSumFile) || goSumFile}: no go.sum here (run \`go mod tidy\` first, or name the module folder)`);
  const display = relative(io.cwd, goSumFile) || "go.sum";
  const ce = errColors(io);
  const bar = flags.progress !== false && io.stderr.isTTY === true && flags.format === "text";
  const outcome = await runVerify({
    goSumFile,
    display,
    env: io.env,
    download: flags.download === true,
    offline: flags.offline === true,
    concurrency: Math.max(1, positiveInt("--concurrency", flags.concurrency)),
    retries: positiveInt("--retries", flags.retries),
    timeoutMs: Math.max(1, positiveInt("--timeout", flags.timeout)),
    ...(flags.cacheDir ? { cacheDir: resolve(io.cwd, flags.cacheDir) } : {}),
    useGoCache: flags.goCache !== false,
    ...(bar
      ? {
          onProgress: (done: number, total: number, module: string) => {
            const width = 24;
            const fill = Math.round((done / Math.max(total, 1)) * width);
            io.stderr.write(`\r\x1b[2K[${"#".repeat(fill)}${".".repeat(width - fill)}] ${done}/${total} ${module.slice(0, 50)}`);
            if (done === total) io.stderr.write("\r\x1b[2K");
          },
        }
      : {}),
  });
  const { result } = outcome;
  const findings = sortFindings(result.findings);
  const input = { findings, files: [display], toolVersion: VERSION };
  const useColor = flags.color !== false && flags.output === undefined && colorEnabled(io.stdout, io.env);
  let report = FORMATS[flags.format](input, { color: useColor });
  if (flags.format === "json") {
    const doc = JSON.parse(report) as Record<string, unknown>;
    doc.verify = {
      database: outcome.database,
      tree: outcome.tree ? { size: outcome.tree.n, hash: Buffer.from(outcome.tree.hash).toString("base64") } : null,
      counts: result.counts,
      lines: result.lines,
    };
    report = JSON.stringify(doc, null, 2) + "\n";
  }
  if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), report);
  else io.stdout.write(report);
  if (flags.format === "text") {
    const c = result.counts;
    const head = outcome.tree ? ` (tree size ${outcome.tree.n})` : "";
    io.stderr.write(
      `${ce.dim("verify:")} ${c.lines} go.sum lines of ${c.modules} modules against ${outcome.database.name}${head}: ` +
        `${c.verified} verified, ${c.mismatched} mismatched, ${c.failed} unverifiable, ${c.skipped} skipped (GONOSUMDB/GOPRIVATE), ${c.unchecked} not h1 ` +
        `in ${Math.round(outcome.elapsedMs)} ms\n`,
    );
  }
  return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
