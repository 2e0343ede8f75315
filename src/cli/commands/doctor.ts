/**
 * `goship doctor`: reads build logs (files, `-` or nothing for stdin; gzip
 * accepted), names the cause of a failed or silently "successful" build, and
 * prints text, json (docs/doctor/README.md), sarif or github annotations.
 * Exit 1 when a finding is at or above --failure-threshold (default error),
 * 2 when an input cannot be read (after reporting the others), else 0.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import type { Severity } from "../../finding/finding.js";
import { VERSION } from "../../version.js";
import { colorEnabled, colorsFor } from "../color.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

const OUT_FORMATS = ["text", "json", "sarif", "github"] as const;
const IN_FORMATS = ["auto", "buildkit-plain", "buildkit-rawjson", "legacy", "buildah"] as const;
const PROGRESS_MIN = 100 * 1024 * 1024;

interface DoctorFlags {
  format: (typeof OUT_FORMATS)[number];
  formatIn: (typeof IN_FORMATS)[number];
  dockerfile?: string;
  failureThreshold: Severity | "none";
  output?: string;
  color: boolean;
  explain?: string;
  listDiagnoses?: boolean;
}

export function doctorCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("doctor")
    .description("Diagnose a container build log: the real cause of a failed or silently 'successful' Go build (GD1xx-GD3xx).")
    .argument("[logs...]", "build logs (plain or .gz); - or nothing reads stdin")
    .addOption(new Option("-f, --format <format>", "output format").choices(OUT_FORMATS).default("text"))
    .addOption(new Option("--format-in <format>", "log format (default: detected)").choices(IN_FORMATS).default("auto"))
    .option("--dockerfile <file>", "link findings to this Dockerfile's lines")
    .addOption(new Option("--failure-threshold <severity>", "lowest severity that fails (exit 1)").choices(["error", "warning", "info", "none"]).default("error"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--explain <id>", "print a diagnosis' documentation and exit")
    .option("--list-diagnoses", "list every diagnosis and exit")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      "\nExamples:\n  docker build . 2>&1 | tee build.log; goship doctor build.log\n  goship doctor --dockerfile Dockerfile -f github ci-log.txt.gz\n  goship doctor --explain GD101\n",
    )
    .action(async (logs: string[], flags: DoctorFlags) => {
      setCode(await runDoctor(logs, flags, io));
    });
}

async function runDoctor(logs: string[], flags: DoctorFlags, io: Io): Promise<number> {
  const [doctor, { FORMATS }, { writeFileAtomic }, { atOrAbove }] = await Promise.all([
    import("../../doctor/index.js"),
    import("../../report/index.js"),
    import("../../io/atomic-write.js"),
    import("../../finding/finding.js"),
  ]);
  if (flags.listDiagnoses) {
    for (const d of doctor.DIAGNOSES) io.stdout.write(`${d.id}  ${d.severity.padEnd(7)}  ${d.title}\n`);
    return EXIT_OK;
  }
  if (flags.explain !== undefined) {
    const d = doctor.diagnosisById(flags.explain);
    if (d === undefined) throw new UsageError(`unknown diagnosis "${flags.explain}"; goship doctor --list-diagnoses lists them`);
    const doc = readFileSync(new URL(`../../../../docs/doctor/${d.id}.md`, import.meta.url), "utf8");
    io.stdout.write(doc.endsWith("\n") ? doc : doc + "\n");
    return EXIT_OK;
  }
  let df: import("../../dockerfile/index.js").Dockerfile | undefined;
  if (flags.dockerfile !== undefined) {
    const { parseDockerfile } = await import("../../dockerfile/index.js");
    df = parseDockerfile(readFileSync(resolve(io.cwd, flags.dockerfile), "utf8"), { file: flags.dockerfile });
  }
  const opts = flags.formatIn === "auto" ? {} : { format: flags.formatIn };
  const ce = errColors(io);
  const results: import("../../doctor/index.js").NamedResult[] = [];
  let failedInput = false;
  const inputs = logs.length === 0 ? ["-"] : logs;
  for (const name of inputs) {
    try {
      let result;
      if (name === "-") {
        result = await doctor.diagnoseStream(io.stdin, opts);
      } else {
        const progress = io.stderr.isTTY === true;
        let size = 0;
        result = await doctor.diagnoseFile(resolve(io.cwd, name), {
          ...opts,
          onSize: (s) => (size = s),
          ...(progress ? { onProgress: (read: number) => size > PROGRESS_MIN && io.stderr.write(`\r${name}: ${Math.floor((100 * read) / size)}%`) } : {}),
        });
        if (progress && size > PROGRESS_MIN) io.stderr.write(`\r${name}: done\n`);
      }
      results.push({ file: name === "-" ? "<stdin>" : name, result: df !== undefined ? doctor.linkDockerfile(result, df) : result });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      failedInput = true;
      const why = err.code === "ENOENT" ? "no such file or directory" : err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : err.code === "Z_DATA_ERROR" || err.code === "Z_BUF_ERROR" ? "not valid gzip data" : err.message;
      io.stderr.write(`${ce.red("error")}: ${name}: ${why}\n`);
    }
  }
  if (results.length === 0) return EXIT_USAGE;
  const useColor = flags.color !== false && flags.output === undefined && colorEnabled(io.stdout, io.env);
  let report: string;
  if (flags.format === "text") report = doctor.formatDoctorText(results, colorsFor({ isTTY: useColor }, useColor ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }));
  else if (flags.format === "json") report = doctor.formatDoctorJson(results);
  else {
    const findings = doctor.toFindings(results, flags.dockerfile);
    report = FORMATS[flags.format](
      {
        findings,
        files: [...results.map((r) => r.file), ...(flags.dockerfile !== undefined ? [flags.dockerfile] : [])],
        rules: doctor.DIAGNOSES.map((d) => ({ id: d.id, title: d.title, severity: d.severity, docs: `docs/doctor/${d.id}.md` })),
        toolVersion: VERSION,
      },
      { color: false },
    );
  }
  if (flags.output !== undefined) writeFileAtomic(resolve(io.cwd, flags.output), report);
  else io.stdout.write(report);
  if (failedInput) return EXIT_USAGE;
  const failing = results.some((r) => r.result.findings.some((f) => atOrAbove(f.severity, flags.failureThreshold)));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
