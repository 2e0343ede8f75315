/**
 * Loads the image `goship audit --image` names: an OCI layout folder
 * (oci-layout + index.json; the first image, or the linux/amd64 child of an
 * index) or a registry reference (pulled lazily with the docker CLI's
 * credentials; plain HTTP only for loopback registries). Also lists what is
 * attached to the image (OCI referrers: artifacts whose subject is the
 * image, from the layout's index or the registry's referrers API), for the
 * SBOM and provenance gates. I/O only; audit/image/image-area.ts judges.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../../diagnostic/located-error.js";
import { imageFromRaw, type Image, type ImageOrIndex } from "../../oci/image.js";
import { isOciLayout } from "../../oci/layout/read-layout.js";
import { parseIndex } from "../../oci/manifest.js";
import { isIndexMediaType } from "../../oci/media-type.js";
import { parseImageRef } from "../../oci/reference.js";
import { clientFor } from "../../oci/remote/client-for.js";
import { pull } from "../../oci/remote/pull.js";
import { isLoopbackHost } from "../../oci/remote/transport.js";

/** An artifact attached to the image (referrer). */
export interface Attachment {
  readonly digest: string;
  readonly artifactType: string;
}

export interface LoadedImage {
  readonly ref: string;
  readonly image: Image;
  /** null when the source cannot tell (a registry without the referrers API). */
  readonly attachments: readonly Attachment[] | null;
}

function pick(x: ImageOrIndex): Image {
  if (x.kind === "image") return x;
  const i = x.manifest.manifests.findIndex((d) => d.platform?.os === "linux" && d.platform.architecture === "amd64");
  const img = x.images[i >= 0 ? i : 0];
  if (!img) throw new UsageError("the image index has no image");
  return img;
}

function layoutBlob(dir: string, digest: string): Uint8Array {
  const [alg, hex] = digest.split(":");
  return readFileSync(join(dir, "blobs", alg ?? "sha256", hex ?? ""));
}

interface RawDescriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly artifactType?: string;
  readonly platform?: { os?: string; architecture?: string };
}

function loadLayout(dir: string, shown: string): LoadedImage {
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as { manifests?: RawDescriptor[] };
  const all = index.manifests ?? [];
  const blob = async (d: string): Promise<Uint8Array> => layoutBlob(dir, d);
  const imageAt = (digest: string): Image => {
    const bytes = layoutBlob(dir, digest);
    const m = JSON.parse(Buffer.from(bytes).toString("utf8")) as { config?: { digest: string } };
    if (!m.config) throw new UsageError(`${shown}: ${digest} is not an image manifest`);
    return imageFromRaw(bytes, layoutBlob(dir, m.config.digest), blob);
  };
  let image: Image | undefined;
  const candidates: Image[] = [];
  for (const d of all) {
    if (d.artifactType) continue;
    if (d.mediaType && isIndexMediaType(d.mediaType)) {
      const idx = parseIndex(layoutBlob(dir, d.digest), d.mediaType);
      const child = idx.manifests.find((c) => c.platform?.os === "linux" && c.platform.architecture === "amd64") ?? idx.manifests.find((c) => c.platform?.os !== "unknown");
      if (child) candidates.push(imageAt(child.digest));
    } else {
      try {
        candidates.push(imageAt(d.digest));
      } catch {
        /* an artifact manifest without a config: not the image */
      }
    }
    if (candidates.length > 0) break;
  }
  image = candidates[0];
  if (!image) throw new UsageError(`${shown}: the OCI layout holds no image`);
  // Referrers stored in the layout: manifests whose subject is the image (or its index).
  const subjects = new Set([image.digest.text, ...all.map((d) => d.digest)]);
  const attachments: Attachment[] = [];
  for (const d of all) {
    try {
      const m = JSON.parse(Buffer.from(layoutBlob(dir, d.digest)).toString("utf8")) as { subject?: { digest: string }; artifactType?: string; config?: { mediaType?: string } };
      if (m.subject && subjects.has(m.subject.digest)) attachments.push({ digest: d.digest, artifactType: d.artifactType ?? m.artifactType ?? m.config?.mediaType ?? "" });
    } catch {
      /* unreadable blob: not an attachment */
    }
  }
  return { ref: shown, image, attachments };
}

async function loadRemote(refText: string, env: NodeJS.ProcessEnv): Promise<LoadedImage> {
  const ref = parseImageRef(refText);
  if (!ref) throw new UsageError(`--image ${refText}: neither an OCI layout folder nor an image reference`);
  const client = clientFor(ref.registry, { env, insecureRegistries: isLoopbackHost(ref.registry) ? [ref.registry] : [] });
  let top: ImageOrIndex;
  try {
    top = await pull(client, ref);
  } catch (e) {
    throw new UsageError(`--image ${refText}: cannot pull: ${(e as Error).message}`);
  }
  const image = pick(top);
  // Attachments may name the index (goship build attaches to what it pushed) or the image.
  const subjects = [...new Set([top.digest.text, image.digest.text])];
  let attachments: Attachment[] | null = null;
  for (const subject of subjects) {
    const found = await referrersOf(client, ref.path, subject);
    if (found !== null) attachments = [...(attachments ?? []), ...found];
  }
  return { ref: refText, image, attachments };
}

/** The referrers of `digest`: the referrers API, else the `sha256-<hex>` tag schema index; null when neither answers. */
async function referrersOf(client: ReturnType<typeof clientFor>, repo: string, digest: string): Promise<Attachment[] | null> {
  try {
    const r = await client.transport.send({ method: "GET", url: `/v2/${repo}/referrers/${digest}`, scopes: [`repository:${repo}:pull`], ok: [200, 404] });
    if (r.status === 200) {
      const body = JSON.parse(Buffer.from(r.body).toString("utf8")) as { manifests?: RawDescriptor[] };
      return (body.manifests ?? []).map((d) => ({ digest: d.digest, artifactType: d.artifactType ?? "" }));
    }
  } catch {
    /* no referrers API: try the tag schema */
  }
  try {
    const m = await client.getManifest(repo, digest.replace(":", "-"));
    return parseIndex(m.bytes, m.mediaType).manifests.map((d) => ({ digest: d.digest, artifactType: (d as { artifactType?: string }).artifactType ?? "" }));
  } catch {
    return null;
  }
}

/** `arg` is a folder (OCI layout) relative to `cwd`, or an image reference. */
export async function loadImage(arg: string, cwd: string, env: NodeJS.ProcessEnv): Promise<LoadedImage> {
  const asPath = resolve(cwd, arg);
  if (isOciLayout(asPath)) return loadLayout(asPath, arg);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) throw new UsageError(`--image ${arg}: this folder is not an OCI layout (no oci-layout and index.json)`);
  return loadRemote(arg, env);
}
