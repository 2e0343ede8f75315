/**
 * Reads an OCI image layout folder (oci-layout, index.json, blobs/<alg>/<hex>)
 * into the image model: the image or index index.json names (one entry, or
 * the one whose org.opencontainers.image.ref.name is `ref`), blobs read
 * lazily from disk. Throws LocatedError naming the folder's file at fault.
 * Leaves out nested indexes beyond one level.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LocatedError } from "../../diagnostic/located-error.js";
import { sha256 } from "../digest.js";
import { imageFromRaw, type Image, type ImageOrIndex } from "../image.js";
import { parseIndex, type Descriptor } from "../manifest.js";
import { isIndexMediaType, isManifestMediaType } from "../media-type.js";

const REF_NAME = "org.opencontainers.image.ref.name";

/** True when `dir` holds an OCI image layout. */
export function isOciLayout(dir: string): boolean {
  return existsSync(join(dir, "oci-layout")) && existsSync(join(dir, "index.json"));
}

export function readOciLayout(dir: string, ref?: string): ImageOrIndex {
  const blobPath = (digest: string): string => {
    const m = /^([a-z0-9]+):([a-f0-9]+)$/.exec(digest);
    if (!m) throw new LocatedError(`bad digest ${digest}`, join(dir, "index.json"));
    return join(dir, "blobs", m[1]!, m[2]!);
  };
  const blob = (digest: string): Uint8Array => {
    const p = blobPath(digest);
    let b: Uint8Array;
    try {
      b = readFileSync(p);
    } catch {
      throw new LocatedError(`blob ${digest} is missing`, p);
    }
    if (sha256(b).text !== digest) throw new LocatedError(`blob does not match its digest ${digest}`, p);
    return b;
  };
  const indexFile = join(dir, "index.json");
  let top;
  try {
    top = parseIndex(readFileSync(indexFile));
  } catch (e) {
    throw new LocatedError(`not an OCI image index: ${(e as Error).message}`, indexFile);
  }
  const wanted = ref === undefined ? top.manifests : top.manifests.filter((d) => d.annotations?.[REF_NAME] === ref);
  if (wanted.length !== 1) {
    const names = top.manifests.map((d) => d.annotations?.[REF_NAME] ?? d.digest).join(", ");
    throw new LocatedError(ref === undefined ? `the layout holds ${top.manifests.length} images (${names}); name one with DIR:REF` : `no image named ${ref} (has ${names})`, indexFile);
  }
  const image = (d: Descriptor): Image => {
    const mb = blob(d.digest);
    const cfg = blob((JSON.parse(Buffer.from(mb).toString("utf8")) as { config: { digest: string } }).config.digest);
    return imageFromRaw(mb, cfg, (dg) => Promise.resolve(blob(dg)));
  };
  const d = wanted[0]!;
  if (isManifestMediaType(d.mediaType)) return image(d);
  if (!isIndexMediaType(d.mediaType)) throw new LocatedError(`unsupported media type ${d.mediaType}`, indexFile);
  const bytes = blob(d.digest);
  const index = parseIndex(bytes);
  const kept = index.manifests.filter((m) => isManifestMediaType(m.mediaType) && m.platform?.os !== "unknown");
  return Object.freeze({ kind: "index" as const, manifestBytes: bytes, manifest: { ...index, manifests: kept }, digest: sha256(bytes), images: kept.map(image) });
}
