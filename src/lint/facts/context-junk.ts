/**
 * Files a build context should not ship, by kind (for GS503). The
 * classification lives in src/context/junk.ts (shared with `goship context`);
 * this module is lint's view of it: per kind, up to three examples, the
 * count and the .dockerignore lines. Works on the context walk's entries (the
 * files the .dockerignore already lets through); reads no file contents.
 */
import { findJunk as findContextJunk, type JunkKind } from "../../context/junk.js";
import type { ContextEntry } from "../model/project.js";

export { junkKind, JUNK_LABEL, type JunkKind } from "../../context/junk.js";

export interface JunkFinding {
  readonly kind: JunkKind;
  /** Up to three example paths. */
  readonly examples: readonly string[];
  readonly count: number;
  /** .dockerignore lines that exclude every path found. */
  readonly ignoreLines: readonly string[];
}

/** Groups the context's entries by kind, in a stable kind order. */
export function findJunk(entries: readonly ContextEntry[]): JunkFinding[] {
  return findContextJunk(entries).map(({ kind, examples, count, ignoreLines }) => ({ kind, examples, count, ignoreLines }));
}
