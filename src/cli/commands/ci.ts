/**
 * `goship ci github|gitlab|codequality`: write goship into a repository's CI
 * (src/ci). `github` writes .github/workflows/goship.yml and `gitlab`
 * .gitlab-ci.yml (or -o FILE) for the Go modules under --dir; `--check`
 * writes nothing and exits 1 with a diff when the file differs from what
 * would be generated; an existing different file is only replaced with
 * --force. `codequality SARIF...` converts SARIF logs into a GitLab Code
 * Quality report (stdout or -o). Writes are atomic.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { Argument, Command } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface CiFlags {
  dir: string;
  output?: string;
  check?: boolean;
  force?: boolean;
  stdout?: boolean;
  platform?: string;
}

export function ciCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("ci")
    .description("Write a hardened CI workflow that runs goship (GitHub Actions or GitLab CI); convert SARIF to a GitLab Code Quality report.")
    .addArgument(new Argument("<target>", "what to write").choices(["github", "gitlab", "codequality"]))
    .argument("[sarif...]", "codequality: the SARIF files to convert")
    .option("-C, --dir <dir>", "repository folder (its Go modules: go.work, or every go.mod below)", ".")
    .option("-o, --output <file>", "file to write (default: .github/workflows/goship.yml, .gitlab-ci.yml; codequality: stdout)")
    .option("--platform <list>", "image platforms of the build jobs", "linux/amd64,linux/arm64")
    .option("--check", "write nothing; exit 1 with a diff when the file differs from what would be generated")
    .option("--stdout", "print instead of writing")
    .option("--force", "replace an existing file that differs")
    .addHelpText(
      "after",
      "\nExamples:\n  goship ci github                   .github/workflows/goship.yml for the Go modules here\n  goship ci github --check           in CI: fail when the workflow drifted\n  goship ci gitlab -o .gitlab/goship.yml\n  goship ci codequality audit.sarif -o gl-code-quality-report.json\n",
    )
    .action(async (target: string, sarif: string[], flags: CiFlags) => {
      setCode(await runCi(target, sarif, flags, io));
    });
}

async function runCi(target: string, sarif: readonly string[], flags: CiFlags, io: Io): Promise<number> {
  const ci = await import("../../ci/index.js");
  const { writeFileAtomic } = await import("../../io/atomic-write.js");
  if (target === "codequality") {
    if (sarif.length === 0) throw new UsageError("goship ci codequality: name at least one SARIF file");
    const logs = sarif.map((f) => {
      const p = resolve(io.cwd, f);
      try {
        return JSON.parse(readFileSync(p, "utf8")) as unknown;
      } catch (e) {
        if (e instanceof SyntaxError) throw new UsageError(`${f}: not JSON: ${e.message}`);
        throw e;
      }
    });
    const text = JSON.stringify(ci.sarifToCodeQuality(logs), null, 2) + "\n";
    if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), text);
    else io.stdout.write(text);
    return EXIT_OK;
  }
  if (sarif.length > 0) throw new UsageError(`goship ci ${target} takes no file arguments (got ${sarif.join(" ")}); use --dir and -o`);
  if (flags.check && flags.stdout) throw new UsageError("--check and --stdout do not go together");
  const root = resolve(io.cwd, flags.dir);
  const platforms = (flags.platform ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (platforms.length === 0 || platforms.some((p) => !/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/.test(p))) throw new UsageError(`--platform: expected os/arch[/variant],... (got ${flags.platform})`);
  const plan = await ci.discoverPlan(root, { platforms });
  const text = target === "github" ? ci.renderGithubWorkflow(plan) : ci.renderGitlabCi(plan);
  if (flags.stdout) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const out = resolve(root, flags.output ?? (target === "github" ? ci.GITHUB_WORKFLOW_PATH : ci.GITLAB_CI_PATH));
  const shown = relative(io.cwd, out) || out;
  const existing = existsSync(out) ? readFileSync(out, "utf8") : null;
  const ce = errColors(io);
  const { unifiedDiff } = await import("../../lint/diff.js");
  if (flags.check) {
    if (existing === text) {
      io.stderr.write(`up to date: ${shown}\n`);
      return EXIT_OK;
    }
    io.stderr.write(`${ce.red("drift")}: ${existing === null ? `${shown} does not exist` : `${shown} differs from what goship ci ${target} writes`}\n`);
    io.stdout.write(unifiedDiff(existing ?? "", text, shown));
    return EXIT_FINDINGS;
  }
  if (existing === text) {
    io.stderr.write(`unchanged ${shown}\n`);
    return EXIT_OK;
  }
  if (existing !== null && !flags.force) {
    io.stderr.write(`${ce.red("refused")}: ${shown} exists and differs; not overwritten (use --force). What goship ci ${target} would change:\n`);
    io.stdout.write(unifiedDiff(existing, text, shown));
    return EXIT_FINDINGS;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, text);
  io.stderr.write(`wrote ${shown}\n`);
  return EXIT_OK;
}
