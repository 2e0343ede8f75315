/**
 * `goship audit [dir]`: flags → runAudit (src/audit) → the text summary (or
 * --json), plus --sarif FILE and --html FILE written atomically. Exit 1 when
 * a finding is at or above the failure threshold or a policy gate fails
 * (the gate is named), 2 on usage or input errors (bad config with
 * file:line, missing folder, unreadable log, bad --image); nothing is
 * written then.
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { Severity } from "../../finding/finding.js";
import { colorsFor } from "../color.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface AuditFlags {
  json?: boolean;
  sarif?: string;
  html?: string;
  history?: string;
  failureThreshold?: Severity | "none";
  offline?: boolean;
  preflight: boolean;
  log?: string;
  image?: string;
  config?: string;
  color: boolean;
}

export function auditCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("audit")
    .description("Audit a Go service repository: lint, build context, init drift, go.sum, module reachability, build log and image, with a score per area, the top fixes first and policy gates.")
    .argument("[dir]", "repository folder", ".")
    .option("--json", "print the audit report as JSON (docs/output/audit-json.md) instead of text")
    .option("--sarif <file>", "also write every finding as SARIF 2.1.0 to this file")
    .option("--html <file>", "also write a self-contained HTML report to this file")
    .option("--history <dir>", "append this audit to a history folder and show the earlier ones")
    .addOption(new Option("--failure-threshold <severity>", "lowest severity that fails (exit 1); default lint.failureThreshold of .goship.yaml, else warning").choices(["error", "warning", "info", "none"]))
    .option("--offline", "no network: go.sum checked from the caches only, no preflight, --image only from an OCI layout folder")
    .option("--no-preflight", "skip the module-source reachability probes")
    .option("--log <file>", "diagnose this build log (plain or .gz) too")
    .option("--image <ref|dir>", "audit this built image too (registry reference or OCI layout folder)")
    .option("-c, --config <file>", "use this .goship.yaml instead of the nearest one")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      "\nExit codes: 0 clean, 1 findings at or above the threshold or a failed policy gate, 2 usage or input error.\n\n" +
        "Examples:\n  goship audit                               the repository here\n  goship audit examples/greeter --offline\n  goship audit --sarif audit.sarif --html audit.html --history .goship/history\n  goship audit --json > audit.json; conftest test --policy docs/policy/examples audit.json\n  goship audit --log build.log --image registry.example/team/api:1.2.3\n",
    )
    .action(async (dir: string, flags: AuditFlags) => {
      setCode(await runAuditCli(dir, flags, io));
    });
}

async function runAuditCli(dir: string, flags: AuditFlags, io: Io): Promise<number> {
  const [{ runAudit }, { formatAuditText }, { formatAuditJson }, { writeFileAtomic }] = await Promise.all([
    import("../../audit/run-audit.js"),
    import("../../audit/format-text.js"),
    import("../../audit/format-json.js"),
    import("../../io/atomic-write.js"),
  ]);
  const report = await runAudit({
    dir,
    cwd: io.cwd,
    env: io.env,
    offline: flags.offline === true,
    preflight: flags.preflight !== false,
    log: flags.log ?? null,
    image: flags.image ?? null,
    configFile: flags.config ?? null,
    ...(flags.failureThreshold ? { failureThreshold: flags.failureThreshold } : {}),
    historyDir: flags.history ?? null,
  });
  // Render every output before writing any, so a failure leaves no partial set.
  const outputs: [string, string][] = [];
  if (flags.sarif) outputs.push([resolve(io.cwd, flags.sarif), (await import("../../audit/format-sarif.js")).formatAuditSarif(report)]);
  if (flags.html) outputs.push([resolve(io.cwd, flags.html), await renderHtml(report)]);
  for (const [file, text] of outputs) writeFileAtomic(file, text);
  const color = flags.color !== false && !flags.json;
  io.stdout.write(flags.json ? formatAuditJson(report) : formatAuditText(report, colorsFor(io.stdout, color ? io.env : { NO_COLOR: "1" })));
  if (report.exitCode !== 0) {
    const failed = report.gates.filter((g) => !g.passed);
    const ce = errColors(io);
    for (const g of failed) io.stderr.write(`${ce.red("gate failed")}: ${g.gate}: ${g.message}\n`);
  }
  return report.exitCode === 0 ? EXIT_OK : EXIT_FINDINGS;
}

async function renderHtml(report: import("../../audit/types.js").AuditReport): Promise<string> {
  const { renderAuditHtml } = await import("../../audit/html/index.js");
  return renderAuditHtml(report);
}
