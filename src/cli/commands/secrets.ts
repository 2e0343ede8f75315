/**
 * `goship secrets [paths...]`: scans files and folders (or, with --context,
 * exactly the files a build would send) for credentials with the detectors
 * of src/secrets, Dockerfiles with their ENV/ARG pass too, and prints one
 * report in any goship format. Secrets are never printed: a finding shows at
 * most 4 characters and a fingerprint (no code frames are passed to the
 * formats). Allowed findings (inline `goship:allow-secret`, `secrets.allow`
 * in .goship.yaml) are reported as info. Exit 1 when a finding is not
 * allowed, 2 on usage or input errors.
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { FORMAT_NAMES, type FormatName } from "../../report/names.js";
import { VERSION } from "../../version.js";
import { colorEnabled } from "../color.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import type { Io } from "../io.js";

interface SecretsFlags {
  format: FormatName;
  context?: string;
  file?: string;
  config?: string;
  output?: string;
  showAllowed?: boolean;
  color: boolean;
}

export function secretsCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("secrets")
    .description("Scan files, a build context or Dockerfiles for credentials (keys, tokens, passwords); never prints a secret.")
    .argument("[paths...]", "files or folders (default: .)")
    .addOption(new Option("--format <format>", "output format").choices(FORMAT_NAMES).default("text"))
    .option("--context <dir>", "scan exactly the files a build of this context sends (its .dockerignore applies)")
    .option("-f, --file <Dockerfile>", "with --context: the Dockerfile (its <Dockerfile>.dockerignore wins); it is scanned too")
    .option("-c, --config <file>", "read secrets.allow from this .goship.yaml instead of the nearest one")
    .option("--show-allowed", "also list allowed findings (as info)")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--no-color", "never colour the output")
    .addHelpText("after", "\nExamples:\n  goship secrets\n  goship secrets --context . -f Dockerfile\n  goship secrets --format sarif -o secrets.sarif config/ deploy/\n")
    .action(async (paths: string[], flags: SecretsFlags) => {
      setCode(await runSecrets(paths, flags, io));
    });
}

async function runSecrets(paths: string[], flags: SecretsFlags, io: Io): Promise<number> {
  const [sec, { FORMATS }, { sortFindings }, { findConfig }, { writeFileAtomic }] = await Promise.all([
    import("../../secrets/index.js"),
    import("../../report/index.js"),
    import("../../finding/finding.js"),
    import("../../config/find.js"),
    import("../../io/atomic-write.js"),
  ]);
  if (flags.file !== undefined && flags.context === undefined) throw new UsageError("-f/--file needs --context (to scan a Dockerfile alone, name it as a path)");
  const configFile = flags.config !== undefined ? resolve(io.cwd, flags.config) : findConfig(io.cwd);
  const allow = configFile ? sec.loadAllowList(configFile) : sec.EMPTY_ALLOW_LIST;
  const opts = { cwd: io.cwd, allow };
  const results = [];
  if (flags.context !== undefined) {
    results.push(await sec.scanContext(flags.context, flags.file, opts));
    if (flags.file !== undefined) results.push(sec.scanPaths([flags.file], opts));
  }
  if (paths.length > 0 || flags.context === undefined) results.push(sec.scanPaths(paths.length > 0 ? paths : ["."], opts));
  const seen = new Set<string>();
  const all = results.flatMap((r) => r.findings).filter((f) => {
    const k = `${f.file}:${f.line}:${f.column}:${f.fingerprint}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const shown = all.filter((f) => flags.showAllowed || f.allowed === null);
  const findings = sortFindings(shown.map(sec.secretToFinding));
  const scanned = results.reduce((n, r) => n + r.scanned, 0);
  const useColor = flags.color !== false && flags.output === undefined && colorEnabled(io.stdout, io.env);
  const report = FORMATS[flags.format](
    {
      findings,
      files: [...new Set(all.map((f) => f.file))],
      rules: [...sec.DETECTORS.map((d) => ({ id: `secrets/${d.id}`, title: d.title, severity: "error" })), { id: "secrets/dockerfile-secret", title: "a literal ENV/ARG secret", severity: "error" }],
      toolVersion: VERSION,
    },
    { color: useColor },
  );
  if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), report);
  else io.stdout.write(report);
  const allowed = all.length - all.filter((f) => f.allowed === null).length;
  io.stderr.write(`scanned ${scanned} file${scanned === 1 ? "" : "s"}; ${all.length - allowed} secret${all.length - allowed === 1 ? "" : "s"}${allowed ? `, ${allowed} allowed` : ""}\n`);
  return all.some((f) => f.allowed === null) ? EXIT_FINDINGS : EXIT_OK;
}
