/**
 * An in-memory OCI distribution registry behind a `fetch` function, for
 * client tests without sockets (go-containerregistry's in-process registry):
 * blobs (HEAD/GET, POST uploads with mount, PATCH chunks with range checks,
 * PUT with digest check), manifests (PUT refuses ones whose blobs or
 * children are missing), optional bearer-token auth with basic credentials,
 * and a fault hook that fails a request (500 or connection reset) before it
 * has any effect. Records every request in order.
 */
import { createHash } from "node:crypto";

export type Fault = "500" | "reset" | undefined;

export interface MemoryRegistryOptions {
  /** Require a bearer token obtained with these basic credentials. */
  readonly auth?: { readonly username: string; readonly password: string };
  readonly fault?: (method: string, path: string, n: number) => Fault;
}

const sha = (b: Uint8Array): string => `sha256:${createHash("sha256").update(b).digest("hex")}`;

export class MemoryRegistry {
  readonly blobs = new Map<string, Map<string, Uint8Array>>();
  readonly manifests = new Map<string, Map<string, { bytes: Uint8Array; type: string }>>();
  readonly log: string[] = [];
  private uploads = new Map<string, { repo: string; data: Buffer }>();
  private seq = 0;
  private readonly token = "tok-" + Math.random().toString(36).slice(2);

  constructor(private readonly opts: MemoryRegistryOptions = {}) {}

  private repoBlobs(repo: string): Map<string, Uint8Array> {
    let m = this.blobs.get(repo);
    if (!m) this.blobs.set(repo, (m = new Map()));
    return m;
  }
  private repoManifests(repo: string): Map<string, { bytes: Uint8Array; type: string }> {
    let m = this.manifests.get(repo);
    if (!m) this.manifests.set(repo, (m = new Map()));
    return m;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const body = init?.body ? Buffer.from(init.body as Uint8Array) : Buffer.alloc(0);
    const n = this.log.length;
    this.log.push(`${method} ${url.pathname}${url.search}`);
    const f = this.opts.fault?.(method, url.pathname, n);
    if (f === "reset") throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    if (f === "500") return new Response("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"injected\"}]}", { status: 500 });
    if (url.hostname === "auth.test") {
      const a = this.opts.auth;
      const want = a ? `Basic ${Buffer.from(`${a.username}:${a.password}`).toString("base64")}` : "";
      if (headers.get("authorization") !== want) return new Response("denied", { status: 401 });
      return Response.json({ token: this.token });
    }
    if (this.opts.auth && headers.get("authorization") !== `Bearer ${this.token}`) {
      return new Response(null, { status: 401, headers: { "www-authenticate": `Bearer realm="http://auth.test/token",service="memory"` } });
    }
    return this.handle(method, url, headers, body);
  };

  private handle(method: string, url: URL, headers: Headers, body: Buffer): Response {
    const p = url.pathname;
    let m = /^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/.exec(p);
    if (m) {
      const repo = m[1] as string;
      if (method === "POST") {
        const mount = url.searchParams.get("mount");
        const from = url.searchParams.get("from");
        if (mount && from) {
          const b = this.blobs.get(from)?.get(mount);
          if (b) {
            this.repoBlobs(repo).set(mount, b);
            return new Response(null, { status: 201, headers: { location: `/v2/${repo}/blobs/${mount}` } });
          }
        }
        const id = `u${++this.seq}`;
        this.uploads.set(id, { repo, data: Buffer.alloc(0) });
        return new Response(null, { status: 202, headers: { location: `/v2/${repo}/blobs/uploads/${id}?state=x` } });
      }
      const up = this.uploads.get(m[2] as string);
      if (!up) return new Response(null, { status: 404 });
      if (method === "PATCH") {
        const range = /^(\d+)-(\d+)$/.exec(headers.get("content-range") ?? "");
        if (range && Number(range[1]) !== up.data.length) return new Response(null, { status: 416 });
        up.data = Buffer.concat([up.data, body]);
        return new Response(null, { status: 202, headers: { location: `/v2/${repo}/blobs/uploads/${m[2]}?state=y`, range: `0-${up.data.length - 1}` } });
      }
      if (method === "PUT") {
        const data = Buffer.concat([up.data, body]);
        const d = url.searchParams.get("digest");
        if (d !== sha(data)) return Response.json({ errors: [{ code: "DIGEST_INVALID" }] }, { status: 400 });
        this.uploads.delete(m[2] as string);
        this.repoBlobs(repo).set(d, data);
        return new Response(null, { status: 201, headers: { "docker-content-digest": d } });
      }
    }
    m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(p);
    if (m) {
      const b = this.blobs.get(m[1] as string)?.get(m[2] as string);
      if (!b) return new Response(null, { status: 404 });
      return new Response(method === "HEAD" ? null : b, { status: 200, headers: { "content-length": String(b.length) } });
    }
    m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(p);
    if (m) {
      const repo = m[1] as string;
      const ref = m[2] as string;
      if (method === "PUT") {
        const doc = JSON.parse(body.toString()) as { config?: { digest: string }; layers?: { digest: string }[]; manifests?: { digest: string }[] };
        const need = [...(doc.config ? [doc.config.digest] : []), ...(doc.layers ?? []).map((l) => l.digest)];
        for (const d of need) if (!this.repoBlobs(repo).has(d)) return Response.json({ errors: [{ code: "MANIFEST_BLOB_UNKNOWN" }] }, { status: 400 });
        for (const c of doc.manifests ?? []) if (!this.repoManifests(repo).has(c.digest)) return Response.json({ errors: [{ code: "MANIFEST_UNKNOWN" }] }, { status: 400 });
        const d = sha(body);
        const entry = { bytes: body, type: headers.get("content-type") ?? "" };
        this.repoManifests(repo).set(d, entry);
        this.repoManifests(repo).set(ref, entry);
        return new Response(null, { status: 201, headers: { "docker-content-digest": d } });
      }
      const e = this.manifests.get(repo)?.get(ref);
      if (!e) return new Response(null, { status: 404 });
      return new Response(method === "HEAD" ? null : e.bytes, { status: 200, headers: { "content-type": e.type, "docker-content-digest": sha(e.bytes) } });
    }
    if (p === "/v2/") return new Response("{}", { status: 200 });
    return new Response(null, { status: 404 });
  }
}
