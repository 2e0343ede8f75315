/**
 * Reads an image or index from a registry by reference (tag or digest),
 * with lazy blob fetches: only manifests and configs are downloaded here;
 * layers are fetched when a sink needs their bytes (a push to the same
 * registry mounts or skips them instead). `selectPlatform` picks the child
 * of an index for a platform (containerd-style matching, first match).
 * Leaves out: nested indexes, schema 1, attestation manifests (skipped:
 * children with platform unknown/unknown).
 */
import type { ImageRef } from "../reference.js";
import { imageFromRaw, type Image, type ImageOrIndex } from "../image.js";
import { parseIndex, parseManifest } from "../manifest.js";
import { isIndexMediaType, isManifestMediaType } from "../media-type.js";
import { formatPlatform, platformMatches, type Platform } from "../platform.js";
import { sha256 } from "../digest.js";
import type { RegistryClient } from "./registry-client.js";
import { RegistryError } from "./transport.js";

function origin(client: RegistryClient, repo: string): Image["origin"] {
  return { registry: client.registry, repository: repo };
}

async function imageAt(client: RegistryClient, repo: string, bytes: Uint8Array): Promise<Image> {
  const m = parseManifest(bytes);
  const config = await client.getBlob(repo, m.config.digest);
  return imageFromRaw(bytes, config, (d) => client.getBlob(repo, d), origin(client, repo));
}

/** Pulls `ref` (its repository on `client`'s registry): an image, or an index with every image child. */
export async function pull(client: RegistryClient, ref: ImageRef): Promise<ImageOrIndex> {
  const top = await client.getManifest(ref.path, ref.digest ?? ref.tag ?? "latest");
  if (isManifestMediaType(top.mediaType)) return imageAt(client, ref.path, top.bytes);
  if (!isIndexMediaType(top.mediaType)) throw new RegistryError(`${ref.raw}: unsupported manifest media type ${top.mediaType || "(none)"}`);
  const index = parseIndex(top.bytes, top.mediaType);
  const images: Image[] = [];
  const kept = index.manifests.filter((d) => isManifestMediaType(d.mediaType) && d.platform?.os !== "unknown");
  for (const d of kept) images.push(await imageAt(client, ref.path, (await client.getManifest(ref.path, d.digest)).bytes));
  const manifestBytes = top.bytes;
  return Object.freeze({ kind: "index" as const, manifestBytes, manifest: { ...index, manifests: kept }, digest: sha256(manifestBytes), images });
}

/** The image for `want` in `x` (an image must match itself; an index is searched by its descriptors). */
export function selectPlatform(x: ImageOrIndex, want: Platform, name: string): Image {
  if (x.kind === "image") {
    const have = { os: x.config.os, architecture: x.config.architecture, ...(x.config.variant ? { variant: x.config.variant } : {}) };
    if (platformMatches(want, have)) return x;
    throw new RegistryError(`base image ${name} is a single ${formatPlatform(have)} image; it has no ${formatPlatform(want)} variant (use a multi-platform base or drop that platform)`);
  }
  const i = x.manifest.manifests.findIndex((d) => d.platform !== undefined && platformMatches(want, d.platform));
  const img = i >= 0 ? x.images[i] : undefined;
  if (img === undefined) {
    const offered = x.manifest.manifests.map((d) => (d.platform ? formatPlatform(d.platform) : "?")).join(", ");
    throw new RegistryError(`base image ${name} has no ${formatPlatform(want)} variant (it offers ${offered})`);
  }
  return img;
}

/** The platforms an index offers (for `--platform all`). */
export function offeredPlatforms(x: ImageOrIndex): readonly Platform[] {
  if (x.kind === "image") return [{ os: x.config.os, architecture: x.config.architecture, ...(x.config.variant ? { variant: x.config.variant } : {}) }];
  return x.manifest.manifests.flatMap((d) => (d.platform ? [d.platform] : []));
}
