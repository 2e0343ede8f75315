/**
 * `goship lint`: flags → lintFiles → one report. Exit 2 when a file could not
 * be read or parsed (after reporting the others), else 1 when a finding is at
 * or above the failure threshold, else 0.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import type { Severity } from "../../finding/finding.js";
import type { FileInput } from "../../lint/lint-files.js";
import { FORMAT_NAMES, type FormatName } from "../../report/names.js";
import { VERSION } from "../../version.js";
import { colorEnabled } from "../color.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface LintFlags {
  format: FormatName;
  failureThreshold?: Severity | "none";
  config?: string;
  context?: string;
  fix?: boolean;
  dryRun?: boolean;
  explain?: string;
  output?: string;
  stdinFilename: string;
  color: boolean;
  listRules?: boolean;
}

export function lintCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("lint")
    .description("Lint Dockerfiles with Go-aware rules (GS1xx-GS6xx). With no path, lints every Dockerfile under the current folder.")
    .argument("[paths...]", "Dockerfiles, folders or globs; - reads stdin")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("text"))
    .addOption(new Option("--failure-threshold <severity>", "lowest severity that fails (exit 1); default from .goship.yaml, else warning").choices(["error", "warning", "info", "none"]))
    .option("-c, --config <file>", "use this .goship.yaml instead of the nearest one")
    .option("--context <dir>", "build context folder (default: each Dockerfile's folder)")
    .option("--fix", "apply safe fixes in place (atomically), then report what is left")
    .option("--dry-run", "with --fix: print the unified diff instead of writing")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--stdin-filename <name>", "name to report for stdin input", "<stdin>")
    .option("--explain <rule>", "print a rule's documentation and exit")
    .option("--list-rules", "list every rule with its default severity and exit")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      "\nExamples:\n  goship lint                       lint every Dockerfile below .\n  goship lint -f sarif -o lint.sarif\n  goship lint --fix --dry-run Dockerfile\n  cat Dockerfile | goship lint -\n  goship lint --explain GS102\n",
    )
    .action(async (paths: string[], flags: LintFlags) => {
      setCode(await runLint(paths, flags, io));
    });
}

async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  // The engine, rules and formats load only when a command needs them, so
  // `goship --help` and `--version` start fast.
  const [{ RULES }, { lintFiles }, { discoverDockerfiles }, { FORMATS }, { atOrAbove, sortFindings }, { writeFileAtomic }] = await Promise.all([
    import("../../lint/rules/index.js"),
    import("../../lint/lint-files.js"),
    import("../../lint/discover.js"),
    import("../../report/index.js"),
    import("../../finding/finding.js"),
    import("../../io/atomic-write.js"),
  ]);
  if (flags.explain !== undefined) return explain(flags.explain, io, RULES);
  if (flags.listRules) {
    for (const r of RULES) io.stdout.write(`${r.meta.id}  ${r.meta.severity.padEnd(7)}  ${r.meta.title}\n`);
    return EXIT_OK;
  }
  if (flags.dryRun && !flags.fix) throw new UsageError("--dry-run only makes sense with --fix");
  const inputs: FileInput[] = [];
  const named = paths.filter((p) => p !== "-");
  if (paths.includes("-")) {
    if (flags.fix && !flags.dryRun) throw new UsageError("--fix cannot write back to stdin; use --fix --dry-run");
    inputs.push({ display: flags.stdinFilename, path: null, text: await readStdin(io) });
  }
  if (named.length > 0 || inputs.length === 0) {
    const files = await discoverDockerfiles(named, io.cwd);
    if (files.length === 0) throw new UsageError("no Dockerfile found (looked for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*)");
    for (const f of files) inputs.push({ display: f, path: resolve(io.cwd, f) });
  }
  const outcomes = await lintFiles(inputs, {
    cwd: io.cwd,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.context ? { contextDir: flags.context } : {}),
    fix: flags.fix === true,
    dryRun: flags.dryRun === true,
  });

  const ce = errColors(io);
  let failedInput = false;
  for (const o of outcomes) {
    if (o.error) {
      failedInput = true;
      io.stderr.write(`${ce.red("error")}: ${o.error.format()}\n`);
    }
  }
  if (flags.fix && flags.dryRun) for (const o of outcomes) if (o.diff) io.stdout.write(o.diff);
  if (flags.fix && !flags.dryRun) {
    const n = outcomes.reduce((s, o) => s + (o.fixesApplied ?? 0), 0);
    io.stderr.write(`fixed ${n} finding${n === 1 ? "" : "s"}\n`);
  }

  const linted = outcomes.filter((o) => !o.error);
  const findings = sortFindings(linted.flatMap((o) => o.findings));
  const threshold = flags.failureThreshold ?? outcomes[0]?.config.lint.failureThreshold ?? "warning";
  const useColor = flags.color !== false && flags.output === undefined && colorEnabled(io.stdout, io.env);
  const report = FORMATS[flags.format](
    {
      findings,
      files: linted.map((o) => o.file),
      sources: new Map(linted.map((o) => [o.file, o.source])),
      rules: RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, severity: r.meta.severity, docs: `docs/rules/${r.meta.id}.md` })),
      toolVersion: VERSION,
    },
    { color: useColor },
  );
  const nothingLinted = linted.length === 0 && flags.format === "text";
  if (!(flags.fix && flags.dryRun && flags.format === "text") && !nothingLinted) {
    if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), report);
    else io.stdout.write(report);
  }
  if (failedInput) return EXIT_USAGE;
  return findings.some((f) => atOrAbove(f.severity, threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

function explain(id: string, io: Io, rules: readonly { meta: { id: string } }[]): number {
  const rule = rules.find((r) => r.meta.id === id.toUpperCase());
  if (!rule) throw new UsageError(`unknown rule "${id}"; goship lint --list-rules lists them`);
  const doc = readFileSync(new URL(`../../../../docs/rules/${rule.meta.id}.md`, import.meta.url), "utf8");
  io.stdout.write(doc.endsWith("\n") ? doc : doc + "\n");
  return EXIT_OK;
}

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
