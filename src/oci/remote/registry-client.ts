/**
 * The OCI distribution API calls goship needs, over one Transport:
 * manifests (GET/HEAD/PUT), blobs (GET, HEAD), blob uploads (POST then PUT
 * for small blobs, POST + PATCH chunks + PUT for large ones, and
 * cross-repository mount with POST ?mount=&from=). Every downloaded
 * manifest and blob is checked against its digest. Leaves out the referrers
 * API, tag listing and deletes.
 */
import { digestMatches, parseDigest, sha256 } from "../digest.js";
import { MANIFEST_ACCEPT } from "../media-type.js";
import { Transport, RegistryError, type TransportOptions } from "./transport.js";

export interface FetchedManifest {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly digest: string;
}

export interface UploadOptions {
  /** Repository on the same registry that may hold the blob (cross-repository mount). */
  readonly mountFrom?: string;
  /** Bytes per PATCH; blobs larger than this are uploaded in chunks (default 16 MiB). */
  readonly chunkSize?: number;
}

export type UploadResult = "exists" | "mounted" | "uploaded";

const pull = (repo: string): string => `repository:${repo}:pull`;
const push = (repo: string): string => `repository:${repo}:pull,push`;

export class RegistryClient {
  readonly transport: Transport;
  constructor(readonly opts: TransportOptions) {
    this.transport = new Transport(opts);
  }
  get registry(): string {
    return this.opts.registry;
  }

  async getManifest(repo: string, ref: string): Promise<FetchedManifest> {
    const r = await this.transport.send({
      method: "GET",
      url: `/v2/${repo}/manifests/${ref}`,
      headers: { accept: MANIFEST_ACCEPT.join(", ") },
      scopes: [pull(repo)],
      ok: [200, 404],
    });
    if (r.status === 404) throw new RegistryError(`${this.registry}/${repo}:${ref}: manifest not found`, 404, "MANIFEST_UNKNOWN");
    const digest = sha256(r.body).text;
    if (ref.includes(":") && ref !== digest) throw new RegistryError(`${this.registry}/${repo}@${ref}: registry sent a manifest with digest ${digest}`);
    const mediaType = (r.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    let bodyType: string | undefined;
    try {
      bodyType = (JSON.parse(Buffer.from(r.body).toString("utf8")) as { mediaType?: string }).mediaType;
    } catch {
      throw new RegistryError(`${this.registry}/${repo}:${ref}: manifest is not JSON`);
    }
    return { bytes: r.body, mediaType: bodyType ?? mediaType, digest };
  }

  /** The digest a tag points to, or null when the tag does not exist. */
  async headManifest(repo: string, ref: string): Promise<string | null> {
    const r = await this.transport.send({ method: "HEAD", url: `/v2/${repo}/manifests/${ref}`, headers: { accept: MANIFEST_ACCEPT.join(", ") }, scopes: [pull(repo)], ok: [200, 404] });
    return r.status === 200 ? r.headers.get("docker-content-digest") : null;
  }

  async getBlob(repo: string, digest: string): Promise<Uint8Array> {
    const r = await this.transport.send({ method: "GET", url: `/v2/${repo}/blobs/${digest}`, scopes: [pull(repo)], ok: [200, 404] });
    if (r.status === 404) throw new RegistryError(`${this.registry}/${repo}: blob ${digest} not found`, 404, "BLOB_UNKNOWN");
    if (!digestMatches(parseDigest(digest), r.body)) throw new RegistryError(`${this.registry}/${repo}: blob ${digest} does not match its digest`);
    return r.body;
  }

  async hasBlob(repo: string, digest: string): Promise<boolean> {
    const r = await this.transport.send({ method: "HEAD", url: `/v2/${repo}/blobs/${digest}`, scopes: [push(repo)], ok: [200, 404] });
    return r.status === 200;
  }

  /** Makes sure `repo` holds the blob: HEAD, then mount, then upload. */
  async putBlob(repo: string, digest: string, data: () => Promise<Uint8Array>, opts: UploadOptions = {}): Promise<UploadResult> {
    if (await this.hasBlob(repo, digest)) return "exists";
    const scopes = opts.mountFrom && opts.mountFrom !== repo ? [push(repo), pull(opts.mountFrom)] : [push(repo)];
    const q = opts.mountFrom && opts.mountFrom !== repo ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(opts.mountFrom)}` : "";
    const start = await this.transport.send({ method: "POST", url: `/v2/${repo}/blobs/uploads/${q}`, headers: { "content-length": "0" }, scopes, ok: [201, 202] });
    if (start.status === 201) return "mounted";
    const bytes = await data();
    // A failed step (a PATCH the registry half-applied answers 416) restarts the whole upload.
    for (let round = 0; ; round++) {
      try {
        const s = round === 0 ? start : await this.transport.send({ method: "POST", url: `/v2/${repo}/blobs/uploads/`, headers: { "content-length": "0" }, scopes, ok: [202] });
        await this.upload(repo, digest, bytes, this.location(s), opts.chunkSize ?? 16 * 1024 * 1024);
        return "uploaded";
      } catch (e) {
        // A lost answer to a PATCH the registry applied leaves the session unusable
        // (BLOB_UPLOAD_INVALID / 416): only a new session helps, as many times as retries allow.
        if (round >= Math.max(2, this.opts.retries ?? 5) || !(e instanceof RegistryError) || e.code === "UNAUTHORIZED") throw e;
      }
    }
  }

  private async upload(repo: string, digest: string, bytes: Uint8Array, startLocation: string, chunk: number): Promise<void> {
    let location = startLocation;
    if (bytes.length > chunk) {
      for (let off = 0; off < bytes.length; off += chunk) {
        const part = bytes.subarray(off, Math.min(bytes.length, off + chunk));
        const r = await this.transport.send({
          method: "PATCH",
          url: location,
          headers: { "content-type": "application/octet-stream", "content-range": `${off}-${off + part.length - 1}`, "content-length": String(part.length) },
          body: part,
          scopes: [push(repo)],
          ok: [202],
        });
        location = this.location(r);
      }
      await this.transport.send({ method: "PUT", url: withDigest(location, digest), headers: { "content-length": "0" }, scopes: [push(repo)], ok: [201] });
    } else {
      await this.transport.send({
        method: "PUT",
        url: withDigest(location, digest),
        headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) },
        body: bytes,
        scopes: [push(repo)],
        ok: [201],
      });
    }
  }

  async putManifest(repo: string, ref: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const r = await this.transport.send({ method: "PUT", url: `/v2/${repo}/manifests/${ref}`, headers: { "content-type": mediaType }, body: bytes, scopes: [push(repo)], ok: [201] });
    return r.headers.get("docker-content-digest") ?? sha256(bytes).text;
  }

  private location(r: { headers: Headers; url: string }): string {
    const loc = r.headers.get("location");
    if (!loc) throw new RegistryError(`${this.registry}: upload answer without a Location`);
    return new URL(loc, r.url).toString();
  }
}

function withDigest(location: string, digest: string): string {
  return `${location}${location.includes("?") ? "&" : "?"}digest=${encodeURIComponent(digest)}`;
}
