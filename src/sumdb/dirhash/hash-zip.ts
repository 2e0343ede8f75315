/**
 * dirhash.HashZip: the h1 hash of a module zip held in memory, over the
 * zip's file names exactly as stored (module zips prefix each with
 * "<module>@<version>/"). As in Go, a repeated name is listed twice and both
 * read the last entry of that name. Also the go command's check that every
 * name has the module's prefix (modfetch downloadZip), as a separate
 * function.
 */
import { type OpenFile, hash1 } from "./hash1.js";
import { readZipEntries, readZipEntry, type ZipEntry } from "./zip-reader.js";

export async function hashZip(zip: Uint8Array): Promise<string> {
  const entries = readZipEntries(zip);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name, e);
  const open: OpenFile = (name) => readZipEntry(zip, byName.get(name) as ZipEntry);
  return hash1(
    entries.map((e) => e.name),
    open,
  );
}

/** The first name without the "<path>@<version>/" prefix, or null when all have it. */
export function unexpectedZipFile(zip: Uint8Array, path: string, version: string): string | null {
  const prefix = `${path}@${version}/`;
  for (const e of readZipEntries(zip)) if (!e.name.startsWith(prefix)) return e.name;
  return null;
}
