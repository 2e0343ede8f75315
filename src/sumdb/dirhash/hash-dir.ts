/**
 * dirhash.HashDir / DirFiles: the h1 hash of an extracted module folder (as
 * `go mod verify` computes it over $GOMODCACHE/<module>@<version>), every
 * regular file or symlink below `dir` named "<prefix>/<relative path>".
 * Thin I/O around hash1: walks with lstat like filepath.Walk (symlinks are
 * listed, not followed, and read through).
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hash1 } from "./hash1.js";

export function dirFiles(dir: string, prefix: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const a = join(abs, name);
      const r = rel === "" ? name : `${rel}/${name}`;
      if (lstatSync(a).isDirectory()) walk(a, r);
      else out.push(`${prefix}/${r}`);
    }
  };
  walk(dir, "");
  return out;
}

export async function hashDir(dir: string, prefix: string): Promise<string> {
  const files = dirFiles(dir, prefix);
  return hash1(files, (name) => readFileSync(join(dir, name.slice(prefix.length + 1))));
}
