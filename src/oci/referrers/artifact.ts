/**
 * Artifacts that refer to an image (OCI image spec 1.1, manifest.md
 * "Guidelines for artifact usage"), pure: an image manifest with
 * `artifactType`, the empty config (`application/vnd.oci.empty.v1+json`,
 * the two bytes `{}`), one layer per blob and a `subject` descriptor naming
 * the image; the descriptor a referrers list holds for it (with
 * artifactType and annotations); and the referrers tag schema of the
 * distribution spec 1.1 (an index at tag `sha256-<hex>` listing every
 * referrer, for registries without the referrers API). Leaves out nested
 * artifacts (an artifact whose subject is an artifact works, nothing more).
 */
import { parseDigest, sha256, type Digest } from "../digest.js";
import { encodeJson, parseIndex, type Descriptor, type ImageIndex, type ImageManifest } from "../manifest.js";
import { MediaType } from "../media-type.js";

/** The empty JSON object every artifact without a config points to. */
export const EMPTY_CONFIG_BYTES: Uint8Array = Buffer.from("{}", "utf8");
export const EMPTY_CONFIG: Descriptor = Object.freeze({ mediaType: MediaType.OciEmpty, digest: sha256(EMPTY_CONFIG_BYTES).text, size: 2 });

export interface ArtifactBlob {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ArtifactInput {
  /** The image (or index) this artifact is about. */
  readonly subject: Descriptor;
  readonly artifactType: string;
  readonly blobs: readonly ArtifactBlob[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface Artifact {
  readonly manifest: ImageManifest;
  readonly manifestBytes: Uint8Array;
  readonly digest: Digest;
  /** Every blob the manifest names (the empty config first), by digest. */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
  readonly subject: Descriptor;
}

/** Only the fields a subject descriptor carries (no platform, no annotations). */
function bareDescriptor(d: Descriptor): Descriptor {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}

export function makeArtifact(a: ArtifactInput): Artifact {
  if (a.blobs.length === 0) throw new Error("an artifact needs at least one blob");
  parseDigest(a.subject.digest);
  const blobs = new Map<string, Uint8Array>([[EMPTY_CONFIG.digest, EMPTY_CONFIG_BYTES]]);
  const layers: Descriptor[] = a.blobs.map((b) => {
    const d = sha256(b.bytes).text;
    blobs.set(d, b.bytes);
    return { mediaType: b.mediaType, digest: d, size: b.bytes.length, ...(b.annotations ? { annotations: b.annotations } : {}) };
  });
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: a.artifactType,
    config: EMPTY_CONFIG,
    layers,
    subject: bareDescriptor(a.subject),
    ...(a.annotations && Object.keys(a.annotations).length > 0 ? { annotations: a.annotations } : {}),
  };
  const manifestBytes = encodeJson(manifest);
  return Object.freeze({ manifest, manifestBytes, digest: sha256(manifestBytes), blobs, subject: manifest.subject as Descriptor });
}

/** The descriptor of `a` in a referrers list: artifactType and the manifest's annotations copied up. */
export function referrerDescriptor(a: Artifact): Descriptor {
  return {
    mediaType: a.manifest.mediaType,
    digest: a.digest.text,
    size: a.manifestBytes.length,
    ...(a.manifest.artifactType ? { artifactType: a.manifest.artifactType } : {}),
    ...(a.manifest.annotations ? { annotations: a.manifest.annotations } : {}),
  };
}

/** The referrers tag schema's tag for a subject digest: `sha256:<hex>` → `sha256-<hex>`. */
export function fallbackTag(subjectDigest: string): string {
  const d = parseDigest(subjectDigest);
  return `${d.algorithm}-${d.hex}`.slice(0, 128);
}

/** An empty referrers index. */
export function emptyReferrersIndex(): ImageIndex {
  return { schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] };
}

/**
 * The fallback index with `d` added (a descriptor with the same digest is
 * replaced, so pushing twice lists it once). `existing` is the current
 * index at the tag, or null when the tag does not exist yet.
 */
export function addToReferrersIndex(existing: Uint8Array | null, d: Descriptor): { index: ImageIndex; bytes: Uint8Array } {
  const cur = existing === null ? emptyReferrersIndex() : parseIndex(existing);
  const manifests = [...cur.manifests.filter((m) => m.digest !== d.digest), d];
  const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.OciIndex, manifests, ...(cur.annotations ? { annotations: cur.annotations } : {}) };
  return { index, bytes: encodeJson(index) };
}

/** Descriptors of `list` whose artifactType is `artifactType` (all of them when it is undefined). */
export function filterReferrers(list: readonly Descriptor[], artifactType?: string): Descriptor[] {
  return artifactType === undefined ? [...list] : list.filter((d) => d.artifactType === artifactType);
}
