/**
 * Where bench/lint finds things: the project root (the folder holding package.json and
 * tsconfig.json, as test/support/paths.ts finds it), shared/ beside it (or GOSHIP_SHARED),
 * the corpus of real Dockerfiles, the peers' install cache (GOSHIP_BENCH_CACHE, as
 * install.sh uses it) and the generated output folder bench/lint/out/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start) {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "tsconfig.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no project root above ${start}`);
    dir = up;
  }
}

export const HERE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = findRoot(HERE);
export const SHARED = resolve(process.env.GOSHIP_SHARED ?? join(ROOT, "..", "shared"));
export const CORPUS = join(SHARED, "corpus", "dockerfiles");
export const CACHE = resolve(process.env.GOSHIP_BENCH_CACHE ?? join(homedir(), ".cache", "goship-bench"));
export const OUT = join(HERE, "out");

/** Every corpus Dockerfile, sorted by folder name: [{ name, path }]. */
export function corpusFiles() {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS} (set GOSHIP_SHARED)`);
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, "Dockerfile")))
    .map((d) => ({ name: d.name, path: join(CORPUS, d.name, "Dockerfile") }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The binary install.sh recorded for a peer (cache/<name>.path), or null. */
export function peerBinary(name) {
  const rec = join(CACHE, `${name}.path`);
  if (!existsSync(rec)) return null;
  const p = readFileSync(rec, "utf8").trim();
  return p && existsSync(p) ? p : null;
}
