/**
 * `goship context` as a library call: reads the ignore file BuildKit would use
 * (`<Dockerfile>.dockerignore` first, then `.dockerignore`), walks the context
 * with fsutil's rules, and gathers what the report shows: totals, junk by
 * name, files over a size threshold, the unused weight (files no COPY/ADD of
 * the Dockerfile reaches), optional content hashes and optional changes since
 * a git ref. Thin I/O around the pure modules of src/context.
 * Leaves out secret scanning of file contents (src/secrets does that).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseDockerfile } from "../dockerfile/index.js";
import { compilePatterns, loadIgnoreForContext, type Matcher } from "../ignore/index.js";
import { copySources, type CopySource } from "./copy-sources.js";
import { contextChangesSince, type ContextChange } from "./git-changes.js";
import { findJunk, type JunkFinding } from "./junk.js";
import { contextTotals, type ContextTotals } from "./tree.js";
import { unusedWeight, type UnusedWeight } from "./unused.js";
import { walkContext, type ContextEntry } from "./walk.js";

export const DEFAULT_LARGE_FILE_BYTES = 10 * 1000 * 1000;

export interface InspectOptions {
  readonly contextDir: string;
  /** Dockerfile path (absolute or relative to the process); default <context>/Dockerfile when it exists. */
  readonly dockerfile?: string;
  /** Files at or over this size are flagged (default 10 MB). */
  readonly largeFileBytes?: number;
  /** Compute sha256 of every regular file. */
  readonly hashes?: boolean;
  /** List context files changed since this git ref. */
  readonly diffRef?: string;
}

export interface LargeFile {
  readonly path: string;
  readonly bytes: number;
}

export interface ContextReport {
  readonly contextDir: string;
  /** The Dockerfile used for the ignore file and the unused weight, or null. */
  readonly dockerfile: string | null;
  /** The ignore file in force (absolute), or null when there is none. */
  readonly ignoreFile: string | null;
  readonly ignoreText: string;
  readonly matcher: Matcher | null;
  readonly entries: readonly ContextEntry[];
  readonly totals: ContextTotals;
  readonly unreadable: readonly string[];
  readonly junk: readonly JunkFinding[];
  readonly large: readonly LargeFile[];
  readonly largeFileBytes: number;
  /** Null without a Dockerfile. */
  readonly unused: UnusedWeight | null;
  readonly sources: readonly CopySource[];
  readonly changes: readonly ContextChange[] | null;
  /** path → sha256 hex, for regular files, when asked. */
  readonly hashes: ReadonlyMap<string, string> | null;
}

export function hashFile(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

export async function inspectContext(opts: InspectOptions): Promise<ContextReport> {
  const contextDir = resolve(opts.contextDir);
  const explicit = opts.dockerfile !== undefined ? resolve(opts.dockerfile) : undefined;
  const loaded = await loadIgnoreForContext(contextDir, explicit);
  const matcher = loaded.patterns.length > 0 ? compilePatterns(loaded.patterns, loaded.file ?? undefined) : null;
  const ignoreText = loaded.file ? readFileSync(loaded.file, "utf8") : "";
  const walk = walkContext(contextDir, matcher);
  const entries = walk.entries;
  const largeFileBytes = opts.largeFileBytes ?? DEFAULT_LARGE_FILE_BYTES;
  const large = entries.filter((e) => !e.dir && e.size >= largeFileBytes).map((e) => ({ path: e.path, bytes: e.size }));

  const dockerfile = explicit ?? (existsSync(resolve(contextDir, "Dockerfile")) ? resolve(contextDir, "Dockerfile") : null);
  let unused: UnusedWeight | null = null;
  let sources: CopySource[] = [];
  if (dockerfile !== null) {
    const df = parseDockerfile(readFileSync(dockerfile, "utf8"), { file: dockerfile });
    sources = copySources(df);
    const skip = [dockerfile, loaded.file].filter((f): f is string => f !== null).map((f) => relative(contextDir, f).split("\\").join("/"));
    unused = unusedWeight(entries, sources, skip);
  }
  let hashes: Map<string, string> | null = null;
  if (opts.hashes) {
    hashes = new Map();
    for (const e of entries) if (e.type === "file") hashes.set(e.path, hashFile(resolve(contextDir, e.path)));
  }
  return {
    contextDir,
    dockerfile,
    ignoreFile: loaded.file,
    ignoreText,
    matcher,
    entries,
    totals: contextTotals(entries),
    unreadable: walk.unreadable ?? [],
    junk: findJunk(entries),
    large,
    largeFileBytes,
    unused,
    sources,
    changes: opts.diffRef !== undefined ? contextChangesSince(contextDir, opts.diffRef, matcher) : null,
    hashes,
  };
}
