/**
 * Writes images straight into a docker-registry (distribution 2.x) filesystem
 * storage tree, the way the registry itself stores a push: content-addressed
 * blobs under docker/registry/v2/blobs, and per repository the layer links,
 * manifest revision links and tag links. This seeds the lab registry without a
 * push. Leaves out manifest lists and the registry's upload state.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface StoredImage {
  readonly repository: string;
  readonly tags: readonly string[];
  /** Manifest bytes as pushed (OCI image manifest JSON). */
  readonly manifest: string;
  /** Digests (sha256:...) of the config and layer blobs, already in blobsDir. */
  readonly blobs: readonly string[];
}

function hexOf(digest: string): string {
  const m = /^sha256:([0-9a-f]{64})$/.exec(digest);
  if (!m || m[1] === undefined) throw new Error(`bad digest ${digest}`);
  return m[1];
}

function putBlob(root: string, hex: string, from: string | Buffer): void {
  const dir = join(root, "docker/registry/v2/blobs/sha256", hex.slice(0, 2), hex);
  const data = join(dir, "data");
  if (existsSync(data)) return;
  mkdirSync(dir, { recursive: true });
  if (typeof from === "string") {
    try {
      linkSync(from, data);
    } catch {
      copyFileSync(from, data);
    }
  } else writeFileSync(data, from);
}

function link(path: string, digest: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "link"), digest);
}

/** Adds one image (all its tags) to the storage tree at root. */
export function storeImage(root: string, blobsDir: string, image: StoredImage): string {
  const manifestBytes = Buffer.from(image.manifest);
  const mhex = createHash("sha256").update(manifestBytes).digest("hex");
  const mdigest = `sha256:${mhex}`;
  const repo = join(root, "docker/registry/v2/repositories", image.repository);
  for (const b of image.blobs) {
    const hex = hexOf(b);
    putBlob(root, hex, join(blobsDir, hex));
    link(join(repo, "_layers/sha256", hex), b);
  }
  putBlob(root, mhex, manifestBytes);
  link(join(repo, "_manifests/revisions/sha256", mhex), mdigest);
  for (const tag of image.tags) {
    link(join(repo, "_manifests/tags", tag, "current"), mdigest);
    link(join(repo, "_manifests/tags", tag, "index/sha256", mhex), mdigest);
  }
  return mdigest;
}
