/**
 * Pushes an image or index so that nothing half-pushed is ever tagged:
 * every blob first (HEAD, cross-repository mount from the image's origin
 * when it is the same registry, else upload), then each child manifest by
 * digest, then the index by digest, and only then the tag (a PUT of the
 * same bytes by tag). A failure before the last step leaves the old tag
 * where it was. Blobs go up a few at a time. Leaves out referrers.
 */
import type { Image, ImageOrIndex } from "../image.js";
import type { RegistryClient, UploadResult } from "./registry-client.js";

export interface PushOptions {
  /** Tags to move once everything is in place (none: push by digest only). */
  readonly tags?: readonly string[];
  readonly chunkSize?: number;
  readonly concurrency?: number;
  readonly onBlob?: (digest: string, result: UploadResult, size: number) => void;
}

export interface PushResult {
  readonly digest: string;
  readonly uploaded: number;
  readonly mounted: number;
  readonly existed: number;
}

async function pool<T>(items: readonly T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}

export async function push(client: RegistryClient, repo: string, x: ImageOrIndex, opts: PushOptions = {}): Promise<PushResult> {
  const images: readonly Image[] = x.kind === "image" ? [x] : x.images;
  const blobs = new Map<string, { img: Image; size: number }>();
  for (const img of images) {
    blobs.set(img.manifest.config.digest, { img, size: img.manifest.config.size });
    for (const l of img.manifest.layers) if (!blobs.has(l.digest)) blobs.set(l.digest, { img, size: l.size });
  }
  const counts = { uploaded: 0, mounted: 0, existed: 0 };
  await pool([...blobs], opts.concurrency ?? 4, async ([digest, { img, size }]) => {
    const mountFrom = img.origin && img.origin.registry === client.registry ? img.origin.repository : undefined;
    const r = await client.putBlob(repo, digest, () => (digest === img.manifest.config.digest ? Promise.resolve(img.configBytes) : img.blob(digest)), {
      ...(mountFrom ? { mountFrom } : {}),
      ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
    });
    counts[r === "uploaded" ? "uploaded" : r === "mounted" ? "mounted" : "existed"]++;
    opts.onBlob?.(digest, r, size);
  });
  for (const img of images) await client.putManifest(repo, img.digest.text, img.manifestBytes, img.manifest.mediaType);
  if (x.kind === "index") await client.putManifest(repo, x.digest.text, x.manifestBytes, x.manifest.mediaType);
  for (const t of opts.tags ?? []) await client.putManifest(repo, t, x.manifestBytes, x.manifest.mediaType);
  return { digest: x.digest.text, ...counts };
}
