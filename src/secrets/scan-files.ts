/**
 * `goship secrets` over files: scans named files and folders (recursively,
 * leaving out .git and node_modules folders), or exactly the files a build
 * would send (`scanContext`: the context walk with the ignore file in
 * force). Dockerfiles (Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile)
 * get the Dockerfile pass too. Binary files (a NUL byte in the first 8 KiB)
 * and files over the size limit are skipped and listed.
 * Thin I/O around scan.ts and dockerfile.ts.
 */
import { isDockerfileName } from "../dockerfile/file-name.js";
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { compilePatterns, loadIgnoreForContext } from "../ignore/index.js";
import { walkContext } from "../context/walk.js";
import type { AllowList } from "./allow-list.js";
import { scanDockerfile } from "./dockerfile.js";
import { scanText, type SecretFinding } from "./scan.js";

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface FileScanOptions {
  /** Paths in findings are relative to this folder. */
  readonly cwd: string;
  readonly allow?: AllowList;
  readonly maxFileBytes?: number;
}

export interface FileScanResult {
  readonly findings: readonly SecretFinding[];
  readonly scanned: number;
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

const SKIP_DIRS = new Set([".git", "node_modules", ".hg", ".svn"]);

export { isDockerfileName };

function scanOne(abs: string, display: string, opts: FileScanOptions, out: { findings: SecretFinding[]; scanned: number; skipped: { path: string; reason: string }[] }): void {
  let buf: Buffer;
  try {
    const st = lstatSync(abs);
    if (!st.isFile()) return;
    if (st.size > (opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) {
      out.skipped.push({ path: display, reason: `larger than ${opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES} bytes` });
      return;
    }
    buf = readFileSync(abs);
  } catch (e) {
    out.skipped.push({ path: display, reason: (e as NodeJS.ErrnoException).code ?? "unreadable" });
    return;
  }
  if (buf.subarray(0, 8192).includes(0)) {
    out.skipped.push({ path: display, reason: "binary" });
    return;
  }
  const text = buf.toString("utf8");
  out.scanned++;
  const name = display.slice(display.lastIndexOf("/") + 1);
  const scanOpts = { file: display, ...(opts.allow ? { allow: opts.allow } : {}) };
  out.findings.push(...(isDockerfileName(name) ? scanDockerfile(text, scanOpts) : scanText(text, scanOpts)));
}

function displayOf(cwd: string, abs: string): string {
  const r = relative(cwd, abs).split("\\").join("/");
  return r === "" ? "." : r;
}

/** Scans files and folders (recursively). */
export function scanPaths(paths: readonly string[], opts: FileScanOptions): FileScanResult {
  const out = { findings: [] as SecretFinding[], scanned: 0, skipped: [] as { path: string; reason: string }[] };
  const visit = (abs: string): void => {
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      out.skipped.push({ path: displayOf(opts.cwd, abs), reason: "not found" });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        if (SKIP_DIRS.has(name)) continue;
        visit(join(abs, name));
      }
    } else if (st.isFile()) {
      scanOne(abs, displayOf(opts.cwd, abs), opts, out);
    }
  };
  for (const p of paths) visit(resolve(opts.cwd, p));
  return out;
}

/** Scans exactly the files a build of contextDir (with that Dockerfile) would send. */
export async function scanContext(contextDir: string, dockerfile: string | undefined, opts: FileScanOptions): Promise<FileScanResult> {
  const root = resolve(opts.cwd, contextDir);
  const loaded = await loadIgnoreForContext(root, dockerfile !== undefined ? resolve(opts.cwd, dockerfile) : undefined);
  const matcher = loaded.patterns.length > 0 ? compilePatterns(loaded.patterns, loaded.file ?? undefined) : null;
  const out = { findings: [] as SecretFinding[], scanned: 0, skipped: [] as { path: string; reason: string }[] };
  for (const e of walkContext(root, matcher).entries) {
    if (e.type !== "file" && e.type !== undefined) continue;
    if (e.dir || e.symlink) continue;
    const abs = join(root, e.path);
    scanOne(abs, displayOf(opts.cwd, abs), opts, out);
  }
  return out;
}
