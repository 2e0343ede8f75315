/**
 * Writes a `docker load` tarball the way Docker 25+'s `docker save` lays it
 * out: an OCI image layout (oci-layout, index.json, blobs/sha256/*) plus
 * the legacy `manifest.json` ([{Config, RepoTags, Layers}]) that every
 * `docker load` reads; layers stay gzip-compressed (docker load detects
 * it). With an index, manifest.json lists each image and the tag goes on
 * the one for `tagPlatform` (or the first). Written in memory, to a temp
 * file beside the target, then renamed. Leaves out streaming for huge
 * images and the legacy per-layer folders (VERSION, json).
 */
import { renameSync, writeFileSync } from "node:fs";
import { parseDigest } from "../digest.js";
import { imagePlatform, type Image, type ImageOrIndex } from "../image.js";
import { encodeJson } from "../manifest.js";
import { MediaType } from "../media-type.js";
import { formatPlatform } from "../platform.js";
import { parentDirs, writeTar, type TarEntry } from "../tar.js";
import { rootDescriptor } from "../layout/write-layout.js";

const blobPath = (digest: string): string => `blobs/sha256/${parseDigest(digest).hex}`;

export interface TarballOptions {
  /** Full tag for RepoTags, e.g. `example.com/greeter:latest`. */
  readonly tag?: string;
  /** `linux/amd64`: which image of an index gets the tag. */
  readonly tagPlatform?: string;
  readonly mtime?: number;
}

export async function tarballBytes(x: ImageOrIndex, opts: TarballOptions = {}): Promise<Buffer> {
  const blobs = new Map<string, Uint8Array>();
  const images: readonly Image[] = x.kind === "image" ? [x] : x.images;
  for (const img of images) {
    blobs.set(img.manifest.config.digest, img.configBytes);
    for (const l of img.manifest.layers) if (!blobs.has(l.digest)) blobs.set(l.digest, await img.blob(l.digest));
    blobs.set(img.digest.text, img.manifestBytes);
  }
  if (x.kind === "index") blobs.set(x.digest.text, x.manifestBytes);
  const tagged = images.find((i) => opts.tagPlatform !== undefined && formatPlatform(imagePlatform(i)) === opts.tagPlatform) ?? images[0];
  const legacy = images.map((img) => ({
    Config: blobPath(img.manifest.config.digest),
    RepoTags: img === tagged && opts.tag ? [opts.tag] : [],
    Layers: img.manifest.layers.map((l) => blobPath(l.digest)),
  }));
  const files: [string, Uint8Array][] = [
    ["oci-layout", encodeJson({ imageLayoutVersion: "1.0.0" })],
    ["index.json", encodeJson({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [rootDescriptor(x, opts.tag)] })],
    ["manifest.json", encodeJson(legacy)],
    ...[...blobs].map(([d, b]): [string, Uint8Array] => [blobPath(d), b]),
  ];
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const entries: TarEntry[] = [
    ...parentDirs(files.map((f) => f[0])).map((p): TarEntry => ({ path: p, type: "dir", mode: 0o755 })),
    ...files.map(([path, data]): TarEntry => ({ path, type: "file", mode: 0o644, data })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return writeTar(entries, { mtime: opts.mtime ?? 0 });
}

export async function writeTarball(file: string, x: ImageOrIndex, opts: TarballOptions = {}): Promise<void> {
  const bytes = await tarballBytes(x, opts);
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
