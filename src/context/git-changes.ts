/**
 * `goship context --diff <ref>`: which files entering the build context
 * changed since a git ref (so a user sees why the cache was invalidated).
 * Asks git for tracked changes (`git diff --name-only --relative <ref>`, work
 * tree against the ref, staged or not) and for untracked files that are not
 * git-ignored (`git ls-files --others --exclude-standard`), both relative to
 * the context folder, then keeps those the ignore file lets into the context.
 * A deleted file counts when the ignore file would have sent it.
 * Leaves out files git ignores: they may still enter the context, but git
 * cannot say whether they changed.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../diagnostic/located-error.js";
import type { Matcher } from "../ignore/index.js";

export interface ContextChange {
  readonly path: string;
  readonly status: "modified" | "added" | "deleted" | "untracked";
}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new UsageError(`git ${args.join(" ")}: ${(err.stderr ?? err.message).trim().split("\n")[0]}`);
  }
}

/** Files of the context that changed since `ref`, by the matcher's rules, sorted by path. */
export function contextChangesSince(contextDir: string, ref: string, matcher: Matcher | null): ContextChange[] {
  if (ref.startsWith("-")) throw new UsageError(`--diff takes a git ref, not ${JSON.stringify(ref)}`);
  const tracked = git(contextDir, ["diff", "--name-status", "--no-renames", "--relative", "-z", ref, "--"]);
  const untracked = git(contextDir, ["ls-files", "--others", "--exclude-standard", "-z", "--", "."]);
  const out: ContextChange[] = [];
  const fields = tracked.split("\0").filter((f) => f !== "");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const code = fields[i]!;
    const path = fields[i + 1]!;
    const status = code.startsWith("A") ? "added" : code.startsWith("D") ? "deleted" : "modified";
    out.push({ path, status: status === "modified" && !existsSync(join(contextDir, path)) ? "deleted" : status });
  }
  for (const path of untracked.split("\0")) if (path !== "") out.push({ path, status: "untracked" });
  return out
    .filter((c) => matcher === null || matcher.patterns.length === 0 || !matcher.excludedFromContext(c.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
