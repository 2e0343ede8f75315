/**
 * What `goship build` reads from git for labels and templates: HEAD's
 * commit, an exact tag at HEAD, and the origin URL (credentials stripped).
 * Missing git or a folder outside a repository gives empty values.
 * Leaves out dirty-tree detection.
 */
import { execFile, execFileSync } from "node:child_process";

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

function gitAsync(dir: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["-C", dir, ...args], { encoding: "utf8" }, (err, out) => resolve(err ? undefined : out.trim() || undefined));
  });
}

/** readGitInfo with the three git calls at once, off the main thread (runBuild starts it beside the module scan). */
export async function readGitInfoAsync(dir: string): Promise<GitInfo> {
  const [commit, tag, remoteRaw] = await Promise.all([gitAsync(dir, ["rev-parse", "HEAD"]), gitAsync(dir, ["describe", "--tags", "--exact-match", "HEAD"]), gitAsync(dir, ["config", "--get", "remote.origin.url"])]);
  if (commit === undefined) return {};
  const remote = remoteRaw?.replace(/\/\/[^/@]*@/, "//");
  return { commit, ...(tag ? { tag } : {}), ...(remote ? { remote } : {}) };
}
