/**
 * `--history DIR`: each audit appends its HistoryPoint as one JSON file
 * named by its timestamp (2026-11-24T15-37-48.123Z.json, written
 * atomically), and the report carries every point of the folder, oldest
 * first (by createdAt, then file name), this audit last. Files that are not
 * history points are skipped, never fatal (the folder may hold other
 * files); an unreadable folder is an input error.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { AuditReport, HistoryPoint } from "./types.js";

/** The history point of a report (pure). */
export function historyPoint(r: Pick<AuditReport, "createdAt" | "counts" | "score" | "image" | "context" | "revision">): HistoryPoint {
  return {
    createdAt: r.createdAt,
    counts: r.counts,
    score: r.score,
    ...(r.image ? { imageSize: r.image.size } : {}),
    ...(r.context ? { contextBytes: r.context.bytes } : {}),
    ...(r.revision ? { revision: r.revision } : {}),
  };
}

function isPoint(v: unknown): v is HistoryPoint {
  const p = v as HistoryPoint;
  return typeof p === "object" && p !== null && typeof p.createdAt === "string" && typeof p.score === "number" && typeof p.counts === "object" && p.counts !== null && typeof p.counts.error === "number";
}

/** Every history point in `dir`, oldest first. */
export function readHistory(dir: string): HistoryPoint[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const points: { name: string; p: HistoryPoint }[] = [];
  for (const name of names) {
    if (!name.endsWith(".json")) continue;
    try {
      const v: unknown = JSON.parse(readFileSync(join(dir, name), "utf8"));
      if (isPoint(v)) {
        const p: HistoryPoint = {
          createdAt: v.createdAt,
          counts: { error: v.counts.error, warning: v.counts.warning, info: v.counts.info },
          score: v.score,
          ...(typeof v.imageSize === "number" ? { imageSize: v.imageSize } : {}),
          ...(typeof v.contextBytes === "number" ? { contextBytes: v.contextBytes } : {}),
          ...(typeof v.revision === "string" ? { revision: v.revision } : {}),
        };
        points.push({ name, p });
      }
    } catch {
      /* not a history point */
    }
  }
  points.sort((a, b) => Date.parse(a.p.createdAt) - Date.parse(b.p.createdAt) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return points.map((x) => x.p);
}

/** The file name of a point: its timestamp with `:` made file-safe. */
export function historyFileName(p: HistoryPoint): string {
  return `${p.createdAt.replace(/:/g, "-")}.json`;
}

/** Writes `p` into `dir` (created when missing); a point with the same timestamp is replaced. Returns the path. */
export function appendHistory(dir: string, p: HistoryPoint): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, historyFileName(p));
  writeFileAtomic(file, JSON.stringify(p, null, 2) + "\n");
  return file;
}
