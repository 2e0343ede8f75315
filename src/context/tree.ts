/**
 * Sizes of a build context: totals, a folder tree with the bytes and file
 * counts below each folder, the largest folders and files, and the text
 * rendering of the tree for `goship context --tree` (folders largest first,
 * cut to a depth and a number of children, the rest summed in one line).
 * Pure: works on the walk's entries.
 */
import type { ContextEntry } from "./walk.js";

export interface SizeNode {
  readonly name: string;
  readonly path: string;
  readonly dir: boolean;
  bytes: number;
  files: number;
  readonly children: Map<string, SizeNode>;
}

export interface ContextTotals {
  readonly files: number;
  readonly dirs: number;
  readonly symlinks: number;
  readonly other: number;
  readonly bytes: number;
}

export function contextTotals(entries: readonly ContextEntry[]): ContextTotals {
  let files = 0;
  let dirs = 0;
  let symlinks = 0;
  let other = 0;
  let bytes = 0;
  for (const e of entries) {
    if (e.dir) dirs++;
    else if (e.symlink) symlinks++;
    else if (e.type !== undefined && e.type !== "file") other++;
    else files++;
    bytes += e.size;
  }
  return { files, dirs, symlinks, other, bytes };
}

function node(name: string, path: string, dir: boolean): SizeNode {
  return { name, path, dir, bytes: 0, files: 0, children: new Map() };
}

/** The folder tree of the context with sizes summed upward. */
export function sizeTree(entries: readonly ContextEntry[]): SizeNode {
  const root = node(".", "", true);
  for (const e of entries) {
    const parts = e.path.split("/");
    let cur = root;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      const name = parts[i]!;
      let child = cur.children.get(name);
      if (!child) {
        child = node(name, parts.slice(0, i + 1).join("/"), !last || e.dir);
        cur.children.set(name, child);
      }
      if (!e.dir) {
        const counted = e.symlink ? 0 : 1;
        cur.bytes += e.size;
        cur.files += counted;
        if (last) {
          child.bytes += e.size;
          child.files += counted;
        }
      }
      cur = child;
    }
  }
  return root;
}

export interface Ranked {
  readonly path: string;
  readonly bytes: number;
  readonly files: number;
}

/** The `n` largest folders (by bytes below them) and files. */
export function largest(entries: readonly ContextEntry[], n: number): { readonly folders: readonly Ranked[]; readonly files: readonly Ranked[] } {
  const folders = new Map<string, { bytes: number; files: number }>();
  for (const e of entries) {
    if (e.dir) continue;
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      const f = folders.get(d) ?? { bytes: 0, files: 0 };
      f.bytes += e.size;
      f.files++;
      folders.set(d, f);
    }
  }
  const byBytes = (a: Ranked, b: Ranked): number => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    folders: [...folders].map(([path, f]) => ({ path, ...f })).sort(byBytes).slice(0, n),
    files: entries.filter((e) => !e.dir).map((e) => ({ path: e.path, bytes: e.size, files: 1 })).sort(byBytes).slice(0, n),
  };
}

/** 123456789 → "123.5 MB" (decimal units, one decimal). */
export function formatBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}

export interface TreeRenderOptions {
  readonly depth: number;
  /** Children shown per folder; the rest are summed into one line. */
  readonly width: number;
}

/** The tree as text lines: `├── name/  12.3 MB  (456 files)`. */
export function renderTree(root: SizeNode, opts: TreeRenderOptions): string[] {
  const lines = [`./  ${formatBytes(root.bytes)}  (${root.files} files)`];
  const walk = (n: SizeNode, prefix: string, depth: number): void => {
    const kids = [...n.children.values()].sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
    const shown = kids.slice(0, opts.width);
    const rest = kids.slice(opts.width);
    const items: { label: string; child?: SizeNode }[] = shown.map((c) => ({
      label: `${c.name}${c.dir ? "/" : ""}  ${formatBytes(c.bytes)}${c.dir ? `  (${c.files} file${c.files === 1 ? "" : "s"})` : ""}`,
      child: c,
    }));
    if (rest.length > 0) {
      const bytes = rest.reduce((s, c) => s + c.bytes, 0);
      items.push({ label: `… ${rest.length} more  ${formatBytes(bytes)}` });
    }
    items.forEach((it, i) => {
      const last = i === items.length - 1;
      lines.push(`${prefix}${last ? "└── " : "├── "}${it.label}`);
      if (it.child && it.child.dir && depth + 1 < opts.depth) walk(it.child, prefix + (last ? "    " : "│   "), depth + 1);
    });
  };
  if (opts.depth > 0) walk(root, "", 0);
  return lines;
}
