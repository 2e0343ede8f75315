/**
 * The outputs of `goship context`: the flagged items with the .dockerignore
 * lines that would fix them, the text report, and the JSON document (the
 * full file list with types, sizes, modes and hashes). Pure: takes a
 * ContextReport and returns strings or plain data.
 */
import { relative } from "node:path";
import type { ContextReport } from "./inspect.js";
import { JUNK_LABEL } from "./junk.js";
import { formatBytes, largest, renderTree, sizeTree } from "./tree.js";

export interface FlaggedItem {
  readonly kind: string;
  readonly label: string;
  readonly paths: readonly string[];
  readonly bytes: number;
  readonly ignoreLines: readonly string[];
  /** junk is fixed by --fix; large files and unused weight only with --fix-all. */
  readonly fixBy: "fix" | "fix-all";
}

function bytesUnder(r: ContextReport, paths: readonly string[]): number {
  const set = new Set(paths);
  let n = 0;
  for (const e of r.entries) {
    if (e.dir) continue;
    if (set.has(e.path)) n += e.size;
    else for (let i = e.path.indexOf("/"); i >= 0; i = e.path.indexOf("/", i + 1)) if (set.has(e.path.slice(0, i))) {
      n += e.size;
      break;
    }
  }
  return n;
}

/** Everything the report flags, in display order. */
export function flaggedItems(r: ContextReport): FlaggedItem[] {
  const out: FlaggedItem[] = r.junk.map((j) => ({ kind: j.kind, label: JUNK_LABEL[j.kind], paths: j.paths, bytes: bytesUnder(r, j.paths), ignoreLines: j.ignoreLines, fixBy: "fix" as const }));
  if (r.large.length > 0) {
    out.push({
      kind: "large",
      label: `files of ${formatBytes(r.largeFileBytes)} or more`,
      paths: r.large.map((l) => l.path),
      bytes: r.large.reduce((s, l) => s + l.bytes, 0),
      ignoreLines: r.large.map((l) => l.path),
      fixBy: "fix-all",
    });
  }
  if (r.unused && r.unused.files.length > 0) {
    out.push({ kind: "unused", label: "files no COPY/ADD reaches", paths: r.unused.roots, bytes: r.unused.bytes, ignoreLines: r.unused.roots, fixBy: "fix-all" });
  }
  return out;
}

function rel(r: ContextReport, p: string | null): string | null {
  return p === null ? null : relative(r.contextDir, p) || ".";
}

export interface TextOptions {
  readonly tree: boolean;
  readonly depth: number;
  readonly top: number;
}

export function renderContextText(r: ContextReport, opts: TextOptions): string {
  const t = r.totals;
  const lines: string[] = [];
  const ign = rel(r, r.ignoreFile);
  lines.push(`context ${r.contextDir}`);
  lines.push(`  ignore file: ${ign ?? "none"}${r.dockerfile ? `; Dockerfile: ${rel(r, r.dockerfile)}` : ""}`);
  lines.push(`  sends ${t.files} files, ${t.dirs} folders${t.symlinks ? `, ${t.symlinks} symlinks` : ""}${t.other ? `, ${t.other} special files` : ""}: ${formatBytes(t.bytes)}`);
  for (const u of r.unreadable) lines.push(`  unreadable folder (BuildKit fails the transfer): ${u}`);
  if (opts.tree) {
    lines.push("");
    lines.push(...renderTree(sizeTree(r.entries), { depth: opts.depth, width: opts.top }));
    const big = largest(r.entries, opts.top);
    lines.push("", "largest folders:");
    for (const f of big.folders) lines.push(`  ${formatBytes(f.bytes).padStart(10)}  ${f.path}/  (${f.files} files)`);
    lines.push("largest files:");
    for (const f of big.files) lines.push(`  ${formatBytes(f.bytes).padStart(10)}  ${f.path}`);
  }
  const flagged = flaggedItems(r);
  if (flagged.length > 0) {
    lines.push("", "should not be in the context:");
    for (const f of flagged) {
      const shown = f.paths.slice(0, 3).join(", ") + (f.paths.length > 3 ? ` and ${f.paths.length - 3} more` : "");
      lines.push(`  ${f.label}: ${shown} (${formatBytes(f.bytes)})`);
      lines.push(`    fix: add ${f.ignoreLines.slice(0, 6).map((l) => `\`${l}\``).join(", ")}${f.ignoreLines.length > 6 ? ` and ${f.ignoreLines.length - 6} more` : ""} to ${ign ?? ".dockerignore"}${f.fixBy === "fix-all" ? " (--fix-all)" : " (--fix)"}`);
    }
  } else {
    lines.push("", "nothing flagged");
  }
  if (r.unused && !r.unused.known) lines.push("", "unused weight: unknown (a COPY/ADD source holds a variable)");
  if (r.unused && r.unused.known && r.unused.wholeContext) lines.push("", "unused weight: none (the Dockerfile copies the whole context)");
  if (r.changes) {
    lines.push("", r.changes.length === 0 ? "no context file changed since the ref" : `${r.changes.length} context file${r.changes.length === 1 ? "" : "s"} changed since the ref (each invalidates the cache of the COPY that reads it):`);
    for (const c of r.changes) lines.push(`  ${c.status.padEnd(9)} ${c.path}`);
  }
  return lines.join("\n") + "\n";
}

export interface ContextJsonFile {
  readonly path: string;
  readonly type: string;
  readonly size: number;
  readonly mode?: string;
  readonly sha256?: string;
  readonly linkTarget?: string;
  readonly parentOnly?: boolean;
}

export function contextJson(r: ContextReport): unknown {
  const files: ContextJsonFile[] = r.entries.map((e) => {
    const h = r.hashes?.get(e.path);
    return {
      path: e.path,
      type: e.type ?? (e.dir ? "dir" : e.symlink ? "symlink" : "file"),
      size: e.size,
      ...(e.mode !== undefined ? { mode: e.mode.toString(8).padStart(4, "0") } : {}),
      ...(h !== undefined ? { sha256: h } : {}),
      ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
      ...(e.parentOnly ? { parentOnly: true } : {}),
    };
  });
  return {
    context: r.contextDir,
    dockerfile: r.dockerfile,
    ignoreFile: r.ignoreFile,
    totals: r.totals,
    unreadable: r.unreadable,
    flagged: flaggedItems(r),
    unused: r.unused ? { known: r.unused.known, wholeContext: r.unused.wholeContext, bytes: r.unused.bytes, files: r.unused.files.map((f) => f.path) } : null,
    changes: r.changes,
    files,
  };
}
