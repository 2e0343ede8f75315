/**
 * The lab's private and synthetic modules: each folder
 * test/lab/modules/<module path>@<version>/ is turned by labtools (the go
 * command's own zip rules, golang.org/x/mod/zip) into .zip/.mod/.info/list
 * files in GOPROXY layout, for the module proxy to serve before the host's
 * module cache. Leaves out version control: a module exists only as files.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { runOk } from "./process.js";

/** Commit time written into every synthetic module's .info. */
export const LAB_MODULE_TIME = "2024-01-02T03:04:05Z";

export interface LabModule {
  readonly path: string;
  readonly version: string;
  /** The two go.sum lines for it. */
  readonly goSum: readonly string[];
}

/** Finds <path>@<version> folders (a folder holding go.mod) under sources. */
export function findModuleSources(sources: string): readonly { readonly dir: string; readonly path: string; readonly version: string }[] {
  const out: { dir: string; path: string; version: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (!statSync(p).isDirectory()) continue;
      const at = name.lastIndexOf("@");
      if (at > 0 && existsSync(join(p, "go.mod"))) {
        const rel = relative(sources, p);
        out.push({ dir: p, path: rel.slice(0, rel.lastIndexOf("@")), version: name.slice(at + 1) });
      } else walk(p);
    }
  };
  if (existsSync(sources)) walk(sources);
  return out.sort((a, b) => (a.path + a.version < b.path + b.version ? -1 : 1));
}

/** Writes every module under sources into outRoot; returns their go.sum lines. */
export async function buildLabModules(labtools: string, sources: string, outRoot: string): Promise<readonly LabModule[]> {
  const mods: LabModule[] = [];
  for (const m of findModuleSources(sources)) {
    const r = await runOk(labtools, ["module", m.dir, m.path, m.version, LAB_MODULE_TIME, outRoot]);
    mods.push({ path: m.path, version: m.version, goSum: r.stdout.trim().split("\n") });
  }
  return mods;
}
