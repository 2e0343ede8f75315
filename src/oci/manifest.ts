/**
 * The JSON documents of the OCI image spec v1.1 (and their Docker v2.2
 * twins, which share the shape): descriptors, image manifests, image
 * indexes. Serialization is `JSON.stringify` of values built in a fixed key
 * order, so the same value always gives the same bytes (and digest).
 * Leaves out: data URLs in descriptors, schema 1 manifests.
 */
import type { Platform } from "./platform.js";

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly artifactType?: string;
  readonly urls?: readonly string[];
}

export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly artifactType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly manifests: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/** The bytes of a manifest, index or config: compact JSON, key order as built. */
export function encodeJson(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value), "utf8");
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkDescriptor(v: unknown, where: string): Descriptor {
  if (!isObj(v) || typeof v["mediaType"] !== "string" || typeof v["digest"] !== "string" || typeof v["size"] !== "number") {
    throw new ManifestError(`${where}: not a descriptor (mediaType, digest, size)`);
  }
  return v as unknown as Descriptor;
}

/** Reads an image manifest; `mediaType` is the registry's Content-Type when the body lacks one. */
export function parseManifest(bytes: Uint8Array, mediaType?: string): ImageManifest {
  const v: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
  if (!isObj(v) || v["schemaVersion"] !== 2 || !Array.isArray(v["layers"])) throw new ManifestError("not an image manifest (schemaVersion 2 with layers)");
  checkDescriptor(v["config"], "config");
  (v["layers"] as unknown[]).forEach((l, i) => checkDescriptor(l, `layers[${i}]`));
  const mt = typeof v["mediaType"] === "string" ? v["mediaType"] : mediaType;
  return { ...(v as unknown as ImageManifest), mediaType: mt ?? "application/vnd.oci.image.manifest.v1+json" };
}

/** Reads an image index or Docker manifest list. */
export function parseIndex(bytes: Uint8Array, mediaType?: string): ImageIndex {
  const v: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
  if (!isObj(v) || v["schemaVersion"] !== 2 || !Array.isArray(v["manifests"])) throw new ManifestError("not an image index (schemaVersion 2 with manifests)");
  (v["manifests"] as unknown[]).forEach((m, i) => checkDescriptor(m, `manifests[${i}]`));
  const mt = typeof v["mediaType"] === "string" ? v["mediaType"] : mediaType;
  return { ...(v as unknown as ImageIndex), mediaType: mt ?? "application/vnd.oci.image.index.v1+json" };
}
