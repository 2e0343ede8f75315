/**
 * The image model every backend produces and consumes (go-containerregistry
 * v1.Image / v1.ImageIndex, reduced): an image is its raw manifest, raw
 * config and a way to fetch each blob by digest; an index is its raw
 * manifest plus its child images. Values are immutable; a change makes a
 * new value (see mutate.ts). Blobs are fetched lazily, so an image pulled
 * from a registry can be re-pushed (HEAD/mount) without downloading its
 * layers. Leaves out nested indexes and non-image children.
 */
import { sha256, type Digest } from "./digest.js";
import type { ImageConfig } from "./config.js";
import { parseConfig } from "./config.js";
import { encodeJson, parseManifest, type Descriptor, type ImageIndex, type ImageManifest } from "./manifest.js";
import { MediaType } from "./media-type.js";
import type { Platform } from "./platform.js";

/** Reads a blob (layer or config) by digest. */
export type BlobSource = (digest: string) => Promise<Uint8Array>;

export interface Image {
  readonly kind: "image";
  readonly manifestBytes: Uint8Array;
  readonly manifest: ImageManifest;
  readonly digest: Digest;
  readonly configBytes: Uint8Array;
  readonly config: ImageConfig;
  /** Any blob this manifest names (config or layer). */
  readonly blob: BlobSource;
  /** Where the blobs were read from, for cross-repository mounts (`registry/repo`). */
  readonly origin?: { readonly registry: string; readonly repository: string };
}

export interface ImageIndexValue {
  readonly kind: "index";
  readonly manifestBytes: Uint8Array;
  readonly manifest: ImageIndex;
  readonly digest: Digest;
  readonly images: readonly Image[];
}

export type ImageOrIndex = Image | ImageIndexValue;

/** Makes an Image from raw manifest and config bytes. */
export function imageFromRaw(manifestBytes: Uint8Array, configBytes: Uint8Array, blob: BlobSource, origin?: Image["origin"]): Image {
  const manifest = parseManifest(manifestBytes);
  const config = parseConfig(configBytes);
  const digest = sha256(manifestBytes);
  return Object.freeze({ kind: "image" as const, manifestBytes, manifest, digest, configBytes, config, blob, ...(origin ? { origin } : {}) });
}

/** The descriptor of an image, as an index lists it. */
export function imageDescriptor(img: Image, platform?: Platform): Descriptor {
  const d: Descriptor = { mediaType: img.manifest.mediaType, digest: img.digest.text, size: img.manifestBytes.length };
  return platform ? { ...d, platform } : d;
}

/** The platform an image's config declares. */
export function imagePlatform(img: Image): Platform {
  const c = img.config;
  return c.variant ? { os: c.os, architecture: c.architecture, variant: c.variant } : { os: c.os, architecture: c.architecture };
}

/** An OCI image index over `images`, each listed with its config's platform, in the given order. */
export function makeIndex(images: readonly Image[], annotations?: Readonly<Record<string, string>>): ImageIndexValue {
  const manifest: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.OciIndex,
    manifests: images.map((i) => imageDescriptor(i, imagePlatform(i))),
    ...(annotations ? { annotations } : {}),
  };
  const manifestBytes = encodeJson(manifest);
  return Object.freeze({ kind: "index" as const, manifestBytes, manifest, digest: sha256(manifestBytes), images });
}
