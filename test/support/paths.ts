/** Where tests find the project root, shared/ material and built helpers. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "tsconfig.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no project root above ${start}`);
    dir = up;
  }
}

/** The project root (the folder holding package.json). */
export const ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

/** shared/ beside the project root, or GOSHIP_SHARED. */
export const SHARED: string = resolve(process.env.GOSHIP_SHARED ?? join(ROOT, "..", "shared"));

/** The corpus of real Dockerfiles: one folder per file, with MANIFEST.tsv. */
export const CORPUS: string = join(SHARED, "corpus", "dockerfiles");

/** Built helper binaries (the Go oracle) live here; scripts/test.sh fills it. */
export const CACHE: string = join(ROOT, ".cache");
