/**
 * `go mod verify` over the local module cache for one module version
 * (cmd/go/internal/modcmd verifyMod, Go 1.26): with
 * $GOMODCACHE/cache/download/<path>/@v/<version>.ziphash present, the .zip
 * must hash to it ("zip has been modified") and the extracted folder
 * $GOMODCACHE/<path>@<version> too ("dir has been modified"); a missing
 * ziphash with a zip or folder present is "missing ziphash". Paths are
 * case-escaped as the cache stores them. Also reads the cached .mod for the
 * go.mod line. Thin I/O: reads files, hashes with src/sumdb/dirhash.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { escapeModulePath, escapeModuleVersion } from "../client/module-escape.js";
import { goModHash } from "../dirhash/hash1.js";
import { hashDir } from "../dirhash/hash-dir.js";
import { hashZip } from "../dirhash/hash-zip.js";

export interface CacheCheck {
  /** The hash the cache recorded (.ziphash), if any. */
  readonly ziphash?: string;
  /** h1 of the cached go.mod, if present. */
  readonly modHash?: string;
  /** go mod verify's complaints, in its words. */
  readonly problems: readonly string[];
  /** Whether anything of this module is in the cache. */
  readonly present: boolean;
}

export async function checkModuleCache(gomodcache: string, path: string, version: string): Promise<CacheCheck> {
  const ep = escapeModulePath(path);
  const ev = escapeModuleVersion(version);
  const base = join(gomodcache, "cache", "download", ep, "@v", ev);
  const zip = base + ".zip";
  const dir = join(gomodcache, `${ep}@${ev}`);
  const problems: string[] = [];
  const hasZip = existsSync(zip);
  const hasDir = existsSync(dir) && statSync(dir).isDirectory();
  let modHash: string | undefined;
  if (existsSync(base + ".mod")) modHash = await goModHash(readFileSync(base + ".mod"));
  let ziphash: string | undefined;
  try {
    ziphash = readFileSync(zip + "hash", "utf8").trim();
  } catch {
    if (hasZip || hasDir) problems.push(`${path} ${version}: missing ziphash`);
    return { ...(modHash ? { modHash } : {}), problems, present: hasZip || hasDir || modHash !== undefined };
  }
  if (hasZip) {
    try {
      if ((await hashZip(readFileSync(zip))) !== ziphash) problems.push(`${path} ${version}: zip has been modified (${zip})`);
    } catch (e) {
      problems.push(`${path} ${version}: ${(e as Error).message}`);
    }
  }
  if (hasDir && (await hashDir(dir, `${path}@${version}`)) !== ziphash) problems.push(`${path} ${version}: dir has been modified (${dir})`);
  return { ziphash, ...(modHash ? { modHash } : {}), problems, present: true };
}
