/**
 * A layer: the gzip-compressed tar blob plus what an image needs to list it
 * (descriptor with digest and size of the compressed bytes, diff_id = digest
 * of the uncompressed tar), as in go-containerregistry's tarball.Layer.
 * Built in memory from tar bytes. Leaves out streaming layers and zstd.
 */
import { sha256 } from "./digest.js";
import { gzipDeterministic } from "./gzip.js";
import type { Descriptor } from "./manifest.js";
import { MediaType } from "./media-type.js";

export interface Layer {
  readonly descriptor: Descriptor;
  readonly diffId: string;
  readonly compressed: Uint8Array;
  readonly uncompressedSize: number;
}

export function layerFromTar(tar: Uint8Array, mediaType: string = MediaType.OciLayerGzip, annotations?: Readonly<Record<string, string>>): Layer {
  const compressed = gzipDeterministic(tar);
  const descriptor: Descriptor = {
    mediaType,
    digest: sha256(compressed).text,
    size: compressed.length,
    ...(annotations ? { annotations } : {}),
  };
  return Object.freeze({ descriptor, diffId: sha256(tar).text, compressed, uncompressedSize: tar.length });
}
