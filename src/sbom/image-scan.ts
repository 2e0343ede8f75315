/**
 * Finds the Go binaries in an image: its layers are read in order into one
 * file system view (OCI whiteouts `.wh.<name>` and `.wh..wh..opq` applied,
 * later layers win), then every regular file that is an executable with Go
 * build info is read with readBuildInfo. `imageSbomOptions` takes the
 * image's name, digest and base image (org.opencontainers.image.base.* from
 * the manifest annotations or config labels) for the SBOM. Pure apart from
 * the image's own lazy blob reads. Leaves out zstd layers (an error).
 */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { LocatedError } from "../diagnostic/located-error.js";
import type { Image, ImageOrIndex } from "../oci/image.js";
import { formatPlatform } from "../oci/platform.js";
import { readTar } from "../oci/tar-read.js";
import { isExecutableHeader } from "./exe-file.js";
import { readBuildInfo, isGoBinary } from "./read-buildinfo.js";
import type { BaseImageRef, FoundBinary, SbomOptions } from "./types.js";

const BASE_NAME = "org.opencontainers.image.base.name";
const BASE_DIGEST = "org.opencontainers.image.base.digest";

function layerTar(data: Uint8Array, mediaType: string, where: string): Uint8Array {
  if (mediaType.includes("zstd")) throw new LocatedError(`layer ${mediaType} is zstd-compressed; goship reads gzip and uncompressed layers`, where);
  if (data[0] === 0x1f && data[1] === 0x8b) return gunzipSync(data);
  return data;
}

function norm(p: string): string {
  return p.replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

/** The regular files of the image's flattened file system: path (no leading `/`) → bytes. */
export async function flattenImage(img: Image, where: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const layer of img.manifest.layers) {
    const entries = readTar(layerTar(await img.blob(layer.digest), layer.mediaType, where));
    for (const e of entries) {
      const path = norm(e.path);
      const slash = path.lastIndexOf("/");
      const dir = slash >= 0 ? path.slice(0, slash) : "";
      const base = path.slice(slash + 1);
      if (base === ".wh..wh..opq") {
        const prefix = dir === "" ? "" : dir + "/";
        for (const k of [...files.keys()]) if (k.startsWith(prefix)) files.delete(k);
        continue;
      }
      if (base.startsWith(".wh.")) {
        const gone = (dir === "" ? "" : dir + "/") + base.slice(4);
        files.delete(gone);
        for (const k of [...files.keys()]) if (k.startsWith(gone + "/")) files.delete(k);
        continue;
      }
      if (e.typeflag === "0" || e.typeflag === "\0" || e.typeflag === "7") files.set(path, e.data);
      else files.delete(path);
    }
  }
  return files;
}

function sha256Hex(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

/** The Go binaries in one image, sorted by path (`/usr/local/bin/app`), each prefixed with `prefix`. */
export async function scanImage(img: Image, where: string, prefix = ""): Promise<FoundBinary[]> {
  const out: FoundBinary[] = [];
  for (const [path, data] of await flattenImage(img, where)) {
    if (!isExecutableHeader(data) || !isGoBinary(data)) continue;
    const file = `${prefix}/${path}`;
    out.push({ file, info: readBuildInfo(data, file), sha256: sha256Hex(data) });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every Go binary in an image or in each child of an index (then named `<os/arch>:<path>`). */
export async function scanImageOrIndex(x: ImageOrIndex, where: string): Promise<FoundBinary[]> {
  if (x.kind === "image") return scanImage(x, where);
  const out: FoundBinary[] = [];
  for (const [i, img] of x.images.entries()) {
    const d = x.manifest.manifests[i];
    const plat = d?.platform ? formatPlatform(d.platform) : `${img.config.os}/${img.config.architecture}`;
    out.push(...(await scanImage(img, where, plat + ":")));
  }
  return out;
}

/** The base image an image says it was built on (OCI base.name / base.digest annotations or labels). */
export function baseOf(x: ImageOrIndex): BaseImageRef | undefined {
  const look = (m: Readonly<Record<string, string>> | undefined) => (m?.[BASE_NAME] && m[BASE_DIGEST] ? { name: m[BASE_NAME], digest: m[BASE_DIGEST] } : undefined);
  const img = x.kind === "image" ? x : x.images[0];
  return look(x.manifest.annotations) ?? (img ? look(img.manifest.annotations) ?? look(img.config.config?.Labels) : undefined);
}

/** SBOM options for an image named `name`: its digest and base image, over `opts`. */
export function imageSbomOptions(x: ImageOrIndex, name: string, opts: SbomOptions = {}): SbomOptions {
  const base = opts.base ?? baseOf(x);
  return { ...opts, image: opts.image ?? { name, digest: x.digest.text }, ...(base ? { base } : {}) };
}
