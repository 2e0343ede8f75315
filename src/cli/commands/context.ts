/**
 * `goship context [dir] [-f Dockerfile]`: what the builder would send, with
 * totals, a size tree (--tree), the full list as JSON (--json, with sha256),
 * what should not be there with the .dockerignore lines that fix it
 * (--fix appends them atomically and prints the diff; --fix-all adds large
 * and unused files too), and the context files changed since a git ref
 * (--diff). Exit 1 with --check when something --fix would add is flagged;
 * 2 on usage or input errors.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Command } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { parseSize } from "../../config/config.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import type { Io } from "../io.js";

interface ContextFlags {
  file?: string;
  tree?: boolean;
  json?: boolean;
  depth: string;
  top: string;
  large?: string;
  fix?: boolean;
  fixAll?: boolean;
  dryRun?: boolean;
  diff?: string;
  check?: boolean;
}

export function contextCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("context")
    .description("Show exactly what a build sends as its context (BuildKit's .dockerignore rules), what should not be there, and why the cache broke.")
    .argument("[dir]", "build context folder", ".")
    .option("-f, --file <Dockerfile>", "the Dockerfile (its <Dockerfile>.dockerignore wins; enables the unused-weight check)")
    .option("--tree", "print a size tree with the largest folders and files")
    .option("--json", "print the full file list with types, sizes, modes and sha256 as JSON")
    .option("--depth <n>", "tree depth", "3")
    .option("--top <n>", "entries per folder and in the largest lists", "10")
    .option("--large <size>", "flag files of this size or more (e.g. 10MB)")
    .option("--fix", "append the ignore lines for junk and secrets to the ignore file (atomically) and show the diff")
    .option("--fix-all", "like --fix, and also exclude large files and files no COPY/ADD reaches")
    .option("--dry-run", "with --fix/--fix-all: print the diff, write nothing")
    .option("--diff <git-ref>", "list context files changed since the ref")
    .option("--check", "exit 1 when something --fix would exclude is in the context")
    .addHelpText("after", "\nExamples:\n  goship context\n  goship context --tree\n  goship context . -f build/api.Dockerfile --fix --dry-run\n  goship context --diff HEAD~1\n  goship context --json > context.json\n")
    .action(async (dir: string, flags: ContextFlags) => {
      setCode(await runContext(dir, flags, io));
    });
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number, not ${JSON.stringify(v)}`);
  return n;
}

async function runContext(dir: string, flags: ContextFlags, io: Io): Promise<number> {
  const ctx = await import("../../context/index.js");
  const contextDir = resolve(io.cwd, dir);
  if (!existsSync(contextDir) || !statSync(contextDir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  const dockerfile = flags.file !== undefined ? resolve(io.cwd, flags.file) : undefined;
  if (dockerfile !== undefined && !existsSync(dockerfile)) throw new UsageError(`${flags.file}: no such Dockerfile`);
  if (flags.dryRun && !flags.fix && !flags.fixAll) throw new UsageError("--dry-run only makes sense with --fix or --fix-all");
  let largeFileBytes: number | undefined;
  if (flags.large !== undefined) {
    try {
      largeFileBytes = parseSize(flags.large);
    } catch {
      throw new UsageError(`--large takes a size like 10MB, not ${JSON.stringify(flags.large)}`);
    }
  }
  const report = await ctx.inspectContext({
    contextDir,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(largeFileBytes !== undefined ? { largeFileBytes } : {}),
    hashes: flags.json === true,
    ...(flags.diff !== undefined ? { diffRef: flags.diff } : {}),
  });
  const flagged = ctx.flaggedItems(report);

  if (flags.fix || flags.fixAll) {
    const chosen = flagged.filter((f) => f.fixBy === "fix" || flags.fixAll);
    const target = report.ignoreFile ?? join(contextDir, ".dockerignore");
    const shownName = relative(io.cwd, target) || target;
    const plan = ctx.planIgnoreFix(report.ignoreText, chosen.flatMap((f) => f.ignoreLines), report.entries, chosen.flatMap((f) => f.paths), shownName);
    const [{ unifiedDiff }, { writeFileAtomic }] = await Promise.all([import("../../lint/diff.js"), import("../../io/atomic-write.js")]);
    const diff = unifiedDiff(plan.before, plan.after, `a/${shownName}`, `b/${shownName}`);
    if (plan.added.length === 0) {
      io.stderr.write(`${shownName}: nothing to add\n`);
    } else {
      io.stdout.write(diff);
      if (plan.alsoExcludes.length > 0) {
        io.stderr.write(`note: these lines also exclude ${plan.alsoExcludes.length} other file${plan.alsoExcludes.length === 1 ? "" : "s"}: ${plan.alsoExcludes.slice(0, 5).join(", ")}${plan.alsoExcludes.length > 5 ? ", ..." : ""}\n`);
      }
      if (!flags.dryRun) {
        writeFileAtomic(target, plan.after);
        io.stderr.write(`${shownName}: added ${plan.added.length} line${plan.added.length === 1 ? "" : "s"}\n`);
      }
    }
    return EXIT_OK;
  }

  if (flags.json) io.stdout.write(JSON.stringify(ctx.contextJson(report), null, 2) + "\n");
  else io.stdout.write(ctx.renderContextText(report, { tree: flags.tree === true, depth: positiveInt(flags.depth, "--depth"), top: positiveInt(flags.top, "--top") }));
  return flags.check && flagged.some((f) => f.fixBy === "fix") ? EXIT_FINDINGS : EXIT_OK;
}
