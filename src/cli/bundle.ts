/**
 * Loads the one-file CLI bundle (dist/cli.cjs, written by
 * scripts/build-cli-bundle.mjs) with its V8 code cache (dist/cli.cjs.cache),
 * so `goship lint` starts without resolving, compiling and linking ~200 ES
 * modules. Node 20 has no code cache for ES modules; a classic script run
 * through vm.Script has one. Returns null, and the caller loads the ES
 * modules as usual, when there is no bundle or it is older than the
 * compiled sources (a `tsc` run after the last bundle build).
 *
 * The cache is V8's own: a different Node/V8 version or different V8 flags
 * make V8 reject it (then the bundle compiles as any script would). A cache
 * older than its bundle is not offered at all, since V8 checks only the
 * source's length.
 */
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

/** dist/cli.cjs beside dist/src/ (this file is dist/src/cli/bundle.js). */
export const BUNDLE_FILE = fileURLToPath(new URL("../../cli.cjs", import.meta.url));
export const BUNDLE_CACHE_FILE = BUNDLE_FILE + ".cache";
const MAIN_FILE = fileURLToPath(new URL("./main.js", import.meta.url));

export interface LoadedBundle {
  /** The bundle's `run` (src/cli/main.ts). */
  readonly run: (argv: readonly string[], io?: unknown) => Promise<number>;
  /** The compiled script, for createCachedData(). */
  readonly script: vm.Script;
  /** "used", "rejected" or "none": what became of the code cache. */
  readonly cache: "used" | "rejected" | "none";
}

/** The bundle's run(), or null when the bundle is absent or stale. `useCache: false` compiles from source. */
export function loadCliBundle(useCache = true): LoadedBundle | null {
  let bundleTime: number;
  try {
    bundleTime = statSync(BUNDLE_FILE).mtimeMs;
    if (statSync(MAIN_FILE).mtimeMs > bundleTime) return null;
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      if (statSync(BUNDLE_CACHE_FILE).mtimeMs >= bundleTime) cachedData = readFileSync(BUNDLE_CACHE_FILE);
    } catch {
      // no cache: compile from source
    }
  }
  let source: string;
  try {
    source = readFileSync(BUNDLE_FILE, "utf8");
  } catch {
    return null;
  }
  // The same wrapper CommonJS uses, so the bundle sees require/module/__dirname.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE_FILE,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {} as { run?: LoadedBundle["run"] } };
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports, createRequire(BUNDLE_FILE), mod, BUNDLE_FILE, dirname(BUNDLE_FILE));
  if (typeof mod.exports.run !== "function") return null;
  return { run: mod.exports.run, script, cache: cachedData ? (script.cachedDataRejected ? "rejected" : "used") : "none" };
}
