/**
 * Reads what BuildKit put under a folder of an image: opens an OCI archive
 * (index.json → manifest → last layer), gunzips the layer and lists the
 * members below `prefix`, as "path<TAB>type[<TAB>link target]" lines, the
 * same shape goshipContextLines() gives for `goship context --json`.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { readTar } from "../../src/oci/tar-read.js";

const TYPES: Readonly<Record<string, string>> = { "0": "file", "5": "dir", "2": "symlink", "6": "fifo", "3": "device", "4": "device", "1": "hardlink" };

export function ociLayerLines(archive: string, prefix: string): string[] {
  const outer = readTar(readFileSync(archive));
  const blob = (digest: string): Buffer => {
    const m = outer.find((x) => x.path === `blobs/${digest.replace(":", "/")}`);
    if (!m) throw new Error(`${archive}: no blob ${digest}`);
    return Buffer.from(m.data);
  };
  const index = JSON.parse(Buffer.from(outer.find((x) => x.path === "index.json")!.data).toString()) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(blob(index.manifests[0]!.digest).toString()) as { layers: { digest: string; mediaType: string }[] };
  const layer = manifest.layers[manifest.layers.length - 1]!;
  let data = blob(layer.digest);
  if (layer.mediaType.endsWith("gzip")) data = gunzipSync(data);
  const lines: string[] = [];
  for (const m of readTar(data)) {
    const name = m.path.replace(/^\.?\//, "").replace(/\/$/, "");
    if (!name.startsWith(prefix + "/")) continue;
    const rel = name.slice(prefix.length + 1);
    const type = TYPES[m.typeflag] ?? `type-${m.typeflag}`;
    lines.push(type === "symlink" ? `${rel}\t${type}\t${m.linkname}` : `${rel}\t${type}`);
  }
  return lines.sort();
}

export interface GoshipJsonFile {
  readonly path: string;
  readonly type: string;
  readonly linkTarget?: string;
}

export function goshipContextLines(files: readonly GoshipJsonFile[]): string[] {
  return files.map((f) => (f.type === "symlink" ? `${f.path}\t${f.type}\t${f.linkTarget ?? ""}` : `${f.path}\t${f.type === "socket" ? "file" : f.type}`)).sort();
}
