#!/usr/bin/env node
/**
 * Builds the one-file CLI bundle that bin/goship.js prefers for `goship lint`
 * (see src/cli/bundle.ts): dist/cli.cjs, bundled with esbuild from the
 * compiled dist/src/cli/main.js, and dist/cli.cjs.cache, the V8 code cache
 * of that bundle taken after linting the examples (so it holds the bytecode
 * of every function a lint run needs). Run after `tsc`; a later `tsc` makes
 * the bundle stale and the CLI falls back to the ES modules until this runs
 * again. Without esbuild installed it says so and does nothing (exit 0).
 *
 *   node scripts/build-cli-bundle.mjs           bundle + code cache
 *   node scripts/build-cli-bundle.mjs --cache   only the code cache (child step)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const bundleFile = join(dist, "cli.cjs");
const cacheFile = bundleFile + ".cache";

if (process.argv.includes("--cache")) await writeCache();
else await bundle();

async function bundle() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    console.log("build-cli-bundle: esbuild is not installed; no bundle (the CLI loads dist/src as ES modules)");
    return;
  }
  const entry = join(dist, "src", "cli", "main.js");
  if (!existsSync(entry)) throw new Error(`${relative(root, entry)} missing: run tsc first`);
  rmSync(cacheFile, { force: true });
  const tmp = bundleFile + ".tmp";
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: tmp,
    logLevel: "warning",
    legalComments: "none",
    plugins: [importMetaUrl(), absentPackagesExternal()],
  });
  renameSync(tmp, bundleFile);
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--cache"], { stdio: "inherit" });
  if (r.status !== 0) {
    rmSync(cacheFile, { force: true });
    throw new Error("build-cli-bundle: writing the code cache failed");
  }
}

/**
 * `import.meta.url` of each bundled module (dist/src, and packages such as
 * fdir that call createRequire(import.meta.url)) becomes that module's own
 * file URL, computed from the bundle's folder at run time, so
 * `new URL("../../package.json", import.meta.url)` keeps pointing where it did.
 */
function importMetaUrl() {
  return {
    name: "import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        const rel = relative(dist, args.path).split("\\").join("/");
        const url = `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(rel)})).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "js" };
      });
    },
  };
}

/**
 * A package that is not installed stays a run-time require(): dependencies
 * load some optional packages inside try/catch (the CycloneDX library's XML
 * and JSON validators), and the bundle must not fail where Node would not.
 */
function absentPackagesExternal() {
  return {
    name: "absent-packages-external",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:") || !args.importer) return undefined;
        const parts = args.path.split("/");
        const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
        for (let dir = dirname(args.importer); ; dir = dirname(dir)) {
          if (existsSync(join(dir, "node_modules", name))) return undefined;
          if (dirname(dir) === dir) return { path: args.path, external: true };
        }
      });
    },
  };
}

/** Loads the bundle without a cache, lints the examples, and saves V8's code cache of the bundle. */
async function writeCache() {
  const { loadCliBundle } = await import(pathToFileURL(join(dist, "src", "cli", "bundle.js")).href);
  const loaded = loadCliBundle(false);
  if (!loaded) throw new Error("dist/cli.cjs did not load");
  const examples = join(root, "examples");
  const files = readdirSync(examples)
    .map((d) => join(examples, d, "Dockerfile"))
    .filter((f) => existsSync(f));
  const sink = { write: () => true };
  const io = { stdout: sink, stderr: sink, stdin: process.stdin, cwd: root, env: {} };
  for (const format of ["json", "text"]) await loaded.run(["lint", "--format", format, "--failure-threshold", "none", ...files], io);
  const tmp = cacheFile + ".tmp";
  writeFileSync(tmp, loaded.script.createCachedData());
  renameSync(tmp, cacheFile);
  console.log(`build-cli-bundle: ${relative(root, bundleFile)} + code cache (trained on ${files.length} example Dockerfiles)`);
}
