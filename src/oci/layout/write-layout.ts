/**
 * Writes an image or index as an OCI image layout (image-layout.md):
 * `oci-layout`, `blobs/sha256/<hex>` and `index.json` naming the root with
 * `org.opencontainers.image.ref.name` when a name is given. Each blob goes
 * to a temp file in its folder and is renamed to its digest; blobs already
 * present are skipped; `index.json` is replaced last, so a failed write
 * leaves the previous layout readable. Earlier entries of index.json with
 * other names are kept. Leaves out garbage collection of unreferenced blobs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { digestMatches, parseDigest } from "../digest.js";
import type { Image, ImageOrIndex } from "../image.js";
import { encodeJson, type Descriptor } from "../manifest.js";
import { MediaType } from "../media-type.js";

export const REF_NAME = "org.opencontainers.image.ref.name";

function atomicWrite(file: string, data: Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function writeBlob(dir: string, digest: string, data: Uint8Array): void {
  const d = parseDigest(digest);
  if (!digestMatches(d, data)) throw new Error(`layout: blob does not match its digest ${digest}`);
  const folder = join(dir, "blobs", d.algorithm);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, d.hex);
  if (!existsSync(file)) atomicWrite(file, data);
}

async function writeImageBlobs(dir: string, img: Image): Promise<void> {
  writeBlob(dir, img.manifest.config.digest, img.configBytes);
  for (const l of img.manifest.layers) writeBlob(dir, l.digest, await img.blob(l.digest));
  writeBlob(dir, img.digest.text, img.manifestBytes);
}

/** Writes every blob of `x` into the layout at `dir` (no index.json change). */
export async function writeLayoutBlobs(dir: string, x: ImageOrIndex): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (x.kind === "image") await writeImageBlobs(dir, x);
  else {
    for (const img of x.images) await writeImageBlobs(dir, img);
    writeBlob(dir, x.digest.text, x.manifestBytes);
  }
}

/** The descriptor of the root of `x`. */
export function rootDescriptor(x: ImageOrIndex, name?: string): Descriptor {
  const d: Descriptor = { mediaType: x.manifest.mediaType, digest: x.digest.text, size: x.manifestBytes.length };
  return name ? { ...d, annotations: { [REF_NAME]: name } } : d;
}

export async function writeLayout(dir: string, x: ImageOrIndex, name?: string): Promise<Descriptor> {
  await writeLayoutBlobs(dir, x);
  const layoutFile = join(dir, "oci-layout");
  if (!existsSync(layoutFile)) atomicWrite(layoutFile, encodeJson({ imageLayoutVersion: "1.0.0" }));
  const indexFile = join(dir, "index.json");
  let manifests: Descriptor[] = [];
  if (existsSync(indexFile)) {
    const old = JSON.parse(readFileSync(indexFile, "utf8")) as { manifests?: Descriptor[] };
    manifests = (old.manifests ?? []).filter((m) => (name ? m.annotations?.[REF_NAME] !== name : m.digest !== x.digest.text));
  }
  const root = rootDescriptor(x, name);
  manifests.push(root);
  atomicWrite(indexFile, encodeJson({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests }));
  return root;
}
