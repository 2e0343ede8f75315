/**
 * What `goship build` reads from git for labels and templates: HEAD's
 * commit, an exact tag at HEAD, and the origin URL (credentials stripped).
 * Missing git or a folder outside a repository gives empty values.
 * Leaves out dirty-tree detection.
 */
import { execFileSync } from "node:child_process";

export interface GitInfo {
  readonly commit?: string;
  readonly tag?: string;
  readonly remote?: string;
}

function git(dir: string, args: readonly string[]): string | undefined {
  try {
    const out = execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return out === "" ? undefined : out;
  } catch {
    return undefined;
  }
}

export function readGitInfo(dir: string): GitInfo {
  const commit = git(dir, ["rev-parse", "HEAD"]);
  if (commit === undefined) return {};
  const tag = git(dir, ["describe", "--tags", "--exact-match", "HEAD"]);
  const remoteRaw = git(dir, ["config", "--get", "remote.origin.url"]);
  const remote = remoteRaw?.replace(/\/\/[^/@]*@/, "//");
  return { commit, ...(tag ? { tag } : {}), ...(remote ? { remote } : {}) };
}
