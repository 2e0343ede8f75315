/**
 * Facts about the project around a Dockerfile that rules may use: its build
 * context folder, go.mod, the .dockerignore in force, and (lazily) the files
 * the context would send. Gathered by ./gather.ts (the only I/O of lint); a
 * rule that needs a fact that is absent (stdin input, no go.mod) stays quiet.
 */
import type { ContextEntry } from "../../context/walk.js";
import type { GoMod } from "../../gomod/index.js";

export type { ContextEntry };

/** Context walks stop here: lint must stay fast on a polluted context (GS504 then says "more than"). */
export const CONTEXT_WALK_LIMIT = 200_000;

export interface IgnoreFacts {
  /** The ignore file in force, relative to the context (`.dockerignore` or `<Dockerfile>.dockerignore`). */
  readonly file: string;
  /** True when `path` (context-relative, forward slashes) is excluded. */
  excludes(path: string): boolean;
  /** The 1-based line of the pattern that decides `path`, or null. */
  decidingLine(path: string): number | null;
}

export interface ProjectFacts {
  /** Absolute path of the build context (the Dockerfile's folder by default); null for stdin. */
  readonly contextDir: string | null;
  readonly goMod: GoMod | null;
  /** go.mod's path relative to the context, for messages. */
  readonly goModFile: string | null;
  readonly ignore: IgnoreFacts | null;
  /** Files of the context that the ignore file lets through; null when unknown. */
  contextFiles(): readonly ContextEntry[] | null;
  /** True when `path` exists in the context folder (before ignore rules). */
  exists(path: string): boolean;
}

export const NO_PROJECT: ProjectFacts = {
  contextDir: null,
  goMod: null,
  goModFile: null,
  ignore: null,
  contextFiles: () => null,
  exists: () => false,
};
