/**
 * randomImage(): an OCI image of random layers (each a real deterministic
 * tar of random bytes, gzipped) on an empty base, for backend tests without
 * fixtures (go-containerregistry's random.Image).
 */
import { encodeJson } from "../../src/oci/manifest.js";
import { sha256 } from "../../src/oci/digest.js";
import { imageFromRaw, type Image } from "../../src/oci/image.js";
import { layerFromTar } from "../../src/oci/layer.js";
import { MediaType } from "../../src/oci/media-type.js";
import { writeTar } from "../../src/oci/tar.js";
import type { Rng } from "../support/random.js";

export function randomImage(rng: Rng, layers: number, size: number, arch = "amd64"): Image {
  const ls = Array.from({ length: layers }, (_, i) => {
    const data = Buffer.alloc(size);
    for (let j = 0; j < size; j++) data[j] = rng.int(256);
    return layerFromTar(writeTar([{ path: `file${i}`, type: "file", mode: 0o644, data }], { mtime: 0 }));
  });
  const config = encodeJson({ architecture: arch, os: "linux", rootfs: { type: "layers", diff_ids: ls.map((l) => l.diffId) }, config: {} });
  const manifest = encodeJson({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: { mediaType: MediaType.OciConfig, digest: sha256(config).text, size: config.length },
    layers: ls.map((l) => l.descriptor),
  });
  const blobs = new Map<string, Uint8Array>(ls.map((l) => [l.descriptor.digest, l.compressed]));
  blobs.set(sha256(config).text, config);
  return imageFromRaw(manifest, config, async (d) => {
    const b = blobs.get(d);
    if (!b) throw new Error(`no blob ${d}`);
    return b;
  });
}
