/**
 * The referrers side of the distribution spec 1.1, over a RegistryClient:
 * listing (GET /v2/<name>/referrers/<digest>?artifactType=…, or the
 * `sha256-<hex>` tag schema index when the registry has no referrers API)
 * and pushing artifacts (every blob, then the manifests by digest, all at
 * once; when the registry does not answer the PUTs with `OCI-Subject` and
 * has no referrers API, each subject's tag-schema index is read, extended
 * with all its new referrers and put back once).
 * The artifactType filter is applied here too, since a registry may ignore
 * it (OCI-Filters-Applied); a listed descriptor without an artifactType,
 * or with the empty config's media type (go-containerregistry's registry
 * reports config.mediaType there), gets the one its manifest declares.
 * Leaves out deleting referrers and paging the
 * referrers list by Link header.
 */
import type { Descriptor } from "../manifest.js";
import { isIndexMediaType, MediaType } from "../media-type.js";
import { parseIndex, parseManifest } from "../manifest.js";
import type { RegistryClient } from "../remote/registry-client.js";
import { RegistryError } from "../remote/transport.js";
import { addToReferrersIndex, fallbackTag, filterReferrers, referrerDescriptor, type Artifact } from "./artifact.js";

/** How referrers reach the registry: its API, the tag schema, or "auto" (probe, then choose). */
export type ReferrersMode = "auto" | "api" | "tag";

export interface PushReferrerResult {
  readonly digest: string;
  /** "api": the registry indexes the subject itself; "tag": goship updated the `sha256-<hex>` index. */
  readonly via: "api" | "tag";
  readonly fallbackTag?: string;
}

const scopes = (repo: string, write: boolean): string[] => [`repository:${repo}:${write ? "pull,push" : "pull"}`];

/**
 * Whether the registry serves the referrers API for `repo`: a 200 with an
 * image index. Distribution 2.x answers 404 (no such route).
 */
export async function hasReferrersApi(client: RegistryClient, repo: string, subjectDigest: string): Promise<boolean> {
  const r = await client.transport.send({ method: "GET", url: `/v2/${repo}/referrers/${subjectDigest}`, headers: { accept: MediaType.OciIndex }, scopes: scopes(repo, false), ok: [200, 400, 404, 405] });
  if (r.status !== 200) return false;
  try {
    parseIndex(r.body);
    return true;
  } catch {
    return false;
  }
}

/** The referrers of `subjectDigest` in `repo`, by the API when the registry has it, else by the tag schema. */
export async function listReferrers(client: RegistryClient, repo: string, subjectDigest: string, opts: { artifactType?: string; mode?: ReferrersMode } = {}): Promise<{ via: "api" | "tag"; referrers: Descriptor[] }> {
  const mode = opts.mode ?? "auto";
  if (mode !== "tag") {
    const q = opts.artifactType !== undefined ? `?artifactType=${encodeURIComponent(opts.artifactType)}` : "";
    const r = await client.transport.send({ method: "GET", url: `/v2/${repo}/referrers/${subjectDigest}${q}`, headers: { accept: MediaType.OciIndex }, scopes: scopes(repo, false), ok: [200, 400, 404, 405] });
    if (r.status === 200) {
      try {
        const listed = await withArtifactTypes(client, repo, parseIndex(r.body).manifests);
        return { via: "api", referrers: filterReferrers(listed, opts.artifactType) };
      } catch {
        /* not an index: no API after all */
      }
    }
    if (mode === "api") throw new RegistryError(`${client.registry}/${repo}: the registry has no referrers API (GET /v2/${repo}/referrers/… answered ${r.status})`, r.status);
  }
  const existing = await getFallbackIndex(client, repo, subjectDigest);
  return { via: "tag", referrers: existing === null ? [] : filterReferrers(parseIndex(existing).manifests, opts.artifactType) };
}

/** Fills in artifactType from the manifest where the list lacks it or names the empty config type. */
async function withArtifactTypes(client: RegistryClient, repo: string, list: readonly Descriptor[]): Promise<Descriptor[]> {
  const out: Descriptor[] = [];
  for (const d of list) {
    if (d.artifactType !== undefined && d.artifactType !== MediaType.OciEmpty) {
      out.push(d);
      continue;
    }
    const m = await client.getManifest(repo, d.digest);
    const man = parseManifest(m.bytes, m.mediaType);
    const t = man.artifactType ?? man.config.mediaType;
    out.push({ ...d, artifactType: t });
  }
  return out;
}

async function getFallbackIndex(client: RegistryClient, repo: string, subjectDigest: string): Promise<Uint8Array | null> {
  try {
    const m = await client.getManifest(repo, fallbackTag(subjectDigest));
    if (!isIndexMediaType(m.mediaType)) throw new RegistryError(`${client.registry}/${repo}:${fallbackTag(subjectDigest)} is not an image index (${m.mediaType}): cannot use it as a referrers list`);
    return m.bytes;
  } catch (e) {
    if (e instanceof RegistryError && e.status === 404) return null;
    throw e;
  }
}

/**
 * Pushes `artifact` (its subject must already be in `repo`) and makes it
 * findable as a referrer of its subject.
 */
export async function pushReferrer(client: RegistryClient, repo: string, artifact: Artifact, opts: { mode?: ReferrersMode } = {}): Promise<PushReferrerResult> {
  const [r] = await pushReferrers(client, repo, [artifact], opts);
  return r as PushReferrerResult;
}

/** Uploads the blobs of `artifacts` (no subject needed yet): can run beside the subject's own push. */
export async function putArtifactBlobs(client: RegistryClient, repo: string, artifacts: readonly Artifact[]): Promise<void> {
  const blobs = new Map<string, Uint8Array>();
  for (const a of artifacts) for (const [digest, bytes] of a.blobs) blobs.set(digest, bytes);
  await Promise.all([...blobs].map(([digest, bytes]) => client.putBlob(repo, digest, () => Promise.resolve(bytes))));
}

/**
 * Pushes several artifacts (their subjects must already be in `repo`) at
 * once: blobs and manifests concurrently, the referrers API probed at most
 * once, and with the tag schema each subject's `sha256-<hex>` index read
 * and put back once with all its new descriptors (in `artifacts` order), so
 * concurrent pushes never overwrite each other's entries. Results in
 * `artifacts` order.
 */
export async function pushReferrers(client: RegistryClient, repo: string, artifacts: readonly Artifact[], opts: { mode?: ReferrersMode; blobsPushed?: boolean } = {}): Promise<PushReferrerResult[]> {
  if (artifacts.length === 0) return [];
  if (!opts.blobsPushed) await putArtifactBlobs(client, repo, artifacts);
  const subjectHeaders = await Promise.all(
    artifacts.map(async (artifact) => {
      const r = await client.transport.send({
        method: "PUT",
        url: `/v2/${repo}/manifests/${artifact.digest.text}`,
        headers: { "content-type": artifact.manifest.mediaType },
        body: artifact.manifestBytes,
        scopes: scopes(repo, true),
        ok: [201],
      });
      return r.headers.get("oci-subject");
    }),
  );
  const mode = opts.mode ?? "auto";
  const first = artifacts[0] as Artifact;
  const viaApi = mode === "api" || (mode === "auto" && (artifacts.every((a, i) => subjectHeaders[i] === a.subject.digest) || (await hasReferrersApi(client, repo, first.subject.digest))));
  if (viaApi) return artifacts.map((a) => ({ digest: a.digest.text, via: "api" }));
  const bySubject = new Map<string, Artifact[]>();
  for (const a of artifacts) {
    const list = bySubject.get(a.subject.digest);
    if (list) list.push(a);
    else bySubject.set(a.subject.digest, [a]);
  }
  await Promise.all(
    [...bySubject].map(async ([subject, list]) => {
      let bytes = await getFallbackIndex(client, repo, subject);
      for (const a of list) bytes = addToReferrersIndex(bytes, referrerDescriptor(a)).bytes;
      await client.putManifest(repo, fallbackTag(subject), bytes as Uint8Array, MediaType.OciIndex);
    }),
  );
  return artifacts.map((a) => ({ digest: a.digest.text, via: "tag", fallbackTag: fallbackTag(a.subject.digest) }));
}

/** Fetches an artifact manifest and one of its blobs by media type (the first match). */
export async function fetchArtifactBlob(client: RegistryClient, repo: string, artifactDigest: string, mediaType?: string): Promise<{ bytes: Uint8Array; mediaType: string; annotations?: Readonly<Record<string, string>> }> {
  const m = await client.getManifest(repo, artifactDigest);
  const man = parseManifest(m.bytes, m.mediaType);
  const layer = man.layers.find((l) => mediaType === undefined || l.mediaType === mediaType);
  if (!layer) throw new RegistryError(`${client.registry}/${repo}@${artifactDigest}: no layer${mediaType ? ` of type ${mediaType}` : ""}`);
  return { bytes: await client.getBlob(repo, layer.digest), mediaType: layer.mediaType, ...(man.annotations ? { annotations: man.annotations } : {}) };
}
