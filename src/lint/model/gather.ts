/**
 * The I/O half of lint's project facts: reads go.mod and the .dockerignore
 * that applies to a Dockerfile's build context, and walks the context lazily
 * (only when a rule asks). The context is the Dockerfile's folder unless the
 * caller names one (as `docker build -f x/Dockerfile .` would).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { walkContext } from "../../context/walk.js";
import { parseGoMod, type GoMod } from "../../gomod/index.js";
import { compilePatterns, loadIgnoreForContext, type Matcher } from "../../ignore/index.js";
import { CONTEXT_WALK_LIMIT, type ContextEntry, type ProjectFacts } from "./project.js";


/**
 * What Dockerfiles sharing a context folder can share within one run: the
 * parsed go.mod by context folder (the ignore file may differ per Dockerfile).
 * Make one per run; a long-lived cache would miss edits.
 */
export interface GatherCache {
  readonly goMods: Map<string, GoMod | null>;
}

export function newGatherCache(): GatherCache {
  return { goMods: new Map() };
}

export async function gatherProject(dockerfilePath: string, contextDir?: string, cache?: GatherCache): Promise<ProjectFacts> {
  const ctx = resolve(contextDir ?? dirname(resolve(dockerfilePath)));
  const loaded = await loadIgnoreForContext(ctx, resolve(dockerfilePath));
  const matcher: Matcher | null = loaded.file ? compilePatterns(loaded.patterns, relative(ctx, loaded.file) || loaded.file) : null;
  const goModPath = join(ctx, "go.mod");
  let goMod: GoMod | null | undefined = cache?.goMods.get(ctx);
  if (goMod === undefined) {
    goMod = readGoMod(goModPath);
    cache?.goMods.set(ctx, goMod);
  }
  let files: readonly ContextEntry[] | null | undefined;
  return {
    contextDir: ctx,
    goMod,
    goModFile: goMod ? "go.mod" : null,
    ignore: matcher
      ? {
          file: relative(ctx, loaded.file ?? "") || ".dockerignore",
          excludes: (p) => safe(() => matcher.excludedFromContext(p), false),
          decidingLine: (p) => safe(() => matcher.matchingPattern(p)?.line ?? null, null),
        }
      : null,
    contextFiles: () => {
      if (files === undefined) {
        const r = safe(() => walkContext(ctx, matcher, { limit: CONTEXT_WALK_LIMIT }), null);
        files = r ? r.entries : null;
      }
      return files;
    },
    exists: (p) => existsSync(join(ctx, p)),
  };
}

function readGoMod(goModPath: string): GoMod | null {
  if (!existsSync(goModPath)) return null;
  // Strict first (lax mode drops toolchain and other main-module lines); a
  // go.mod that does not parse either way is not lint's finding to make.
  const text = readFileSync(goModPath, "utf8");
  return safe(() => parseGoMod(text, goModPath), null) ?? safe(() => parseGoMod(text, goModPath, { lax: true }), null);
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
