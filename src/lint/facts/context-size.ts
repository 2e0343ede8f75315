/**
 * Size of a build context from the context walk's entries (files the
 * .dockerignore lets through): the total, and the top-level entries by
 * size (a directory counts everything below it), for GS504's message.
 */
import type { ContextEntry } from "../model/project.js";

export interface TopEntry {
  readonly path: string;
  readonly dir: boolean;
  readonly bytes: number;
}

export interface ContextSize {
  readonly total: number;
  /** Top-level entries, largest first. */
  readonly largest: readonly TopEntry[];
}

export function contextSize(entries: readonly ContextEntry[]): ContextSize {
  let total = 0;
  const top = new Map<string, { dir: boolean; bytes: number }>();
  for (const e of entries) {
    if (e.dir) continue;
    total += e.size;
    const slash = e.path.indexOf("/");
    const key = slash < 0 ? e.path : e.path.slice(0, slash);
    const t = top.get(key) ?? { dir: slash >= 0, bytes: 0 };
    t.bytes += e.size;
    top.set(key, t);
  }
  const largest = [...top].map(([path, t]) => ({ path, dir: t.dir, bytes: t.bytes })).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  return { total, largest };
}

export { formatBytes } from "../../context/tree.js";
