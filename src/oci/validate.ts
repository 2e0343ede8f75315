/**
 * Conformance check of an image or index (go-containerregistry's
 * validate.Image / validate.Index): recomputes the manifest digest, the
 * config digest and size, every layer's digest and size, every diff_id
 * (sha256 of the gunzipped layer), and cross-checks the counts of layers,
 * diff_ids and non-empty history entries; for an index, each child's
 * descriptor (digest, size, media type, platform) against the child. Returns
 * the list of problems (empty = valid) plus what it checked.
 * Leaves out: zstd layers, foreign layers' URLs.
 */
import { gunzipSync } from "node:zlib";
import { sha256 } from "./digest.js";
import { imagePlatform, type Image, type ImageOrIndex } from "./image.js";
import { formatPlatform } from "./platform.js";

export interface ValidationReport {
  readonly problems: readonly string[];
  /** Blobs whose digest was recomputed (config + layers, per image). */
  readonly blobsChecked: number;
  readonly bytesChecked: number;
}

async function validateOne(img: Image, where: string, problems: string[], counts: { blobs: number; bytes: number }): Promise<void> {
  if (sha256(img.manifestBytes).text !== img.digest.text) problems.push(`${where}: manifest digest ${img.digest.text} does not match its bytes`);
  const m = img.manifest;
  const cfgBytes = await img.blob(m.config.digest);
  counts.blobs++;
  counts.bytes += cfgBytes.length;
  if (sha256(cfgBytes).text !== m.config.digest) problems.push(`${where}: config digest mismatch (${m.config.digest})`);
  if (cfgBytes.length !== m.config.size) problems.push(`${where}: config size ${cfgBytes.length} != ${m.config.size}`);
  if (Buffer.compare(Buffer.from(cfgBytes), Buffer.from(img.configBytes)) !== 0) problems.push(`${where}: config blob differs from the image's config`);
  const diffIds = img.config.rootfs.diff_ids;
  if (diffIds.length !== m.layers.length) problems.push(`${where}: ${m.layers.length} layers but ${diffIds.length} diff_ids`);
  const history = img.config.history;
  if (history !== undefined && history.length > 0) {
    const nonEmpty = history.filter((h) => h.empty_layer !== true).length;
    if (nonEmpty !== m.layers.length) problems.push(`${where}: ${nonEmpty} non-empty history entries for ${m.layers.length} layers`);
  }
  for (const [i, l] of m.layers.entries()) {
    const data = await img.blob(l.digest);
    counts.blobs++;
    counts.bytes += data.length;
    if (sha256(data).text !== l.digest) problems.push(`${where}: layer ${i} digest mismatch (${l.digest})`);
    if (data.length !== l.size) problems.push(`${where}: layer ${i} size ${data.length} != ${l.size}`);
    if (l.mediaType.endsWith("gzip")) {
      let diff: string;
      try {
        diff = sha256(gunzipSync(data)).text;
      } catch (e) {
        problems.push(`${where}: layer ${i} is not gzip: ${(e as Error).message}`);
        continue;
      }
      if (diff !== diffIds[i]) problems.push(`${where}: layer ${i} diff_id ${diff} != config's ${diffIds[i] ?? "(none)"}`);
    }
  }
}

export async function validateImage(x: ImageOrIndex): Promise<ValidationReport> {
  const problems: string[] = [];
  const counts = { blobs: 0, bytes: 0 };
  if (x.kind === "image") {
    await validateOne(x, "image", problems, counts);
  } else {
    if (sha256(x.manifestBytes).text !== x.digest.text) problems.push(`index: digest ${x.digest.text} does not match its bytes`);
    if (x.manifest.manifests.length !== x.images.length) problems.push(`index: ${x.manifest.manifests.length} descriptors for ${x.images.length} images`);
    for (const [i, d] of x.manifest.manifests.entries()) {
      const img = x.images[i];
      if (img === undefined) continue;
      const where = `index.manifests[${i}]`;
      if (d.digest !== img.digest.text) problems.push(`${where}: digest ${d.digest} != image ${img.digest.text}`);
      if (d.size !== img.manifestBytes.length) problems.push(`${where}: size ${d.size} != ${img.manifestBytes.length}`);
      if (d.mediaType !== img.manifest.mediaType) problems.push(`${where}: media type ${d.mediaType} != ${img.manifest.mediaType}`);
      if (d.platform && formatPlatform(d.platform) !== formatPlatform(imagePlatform(img))) {
        problems.push(`${where}: platform ${formatPlatform(d.platform)} != config's ${formatPlatform(imagePlatform(img))}`);
      }
      await validateOne(img, where, problems, counts);
    }
  }
  return { problems, blobsChecked: counts.blobs, bytesChecked: counts.bytes };
}
