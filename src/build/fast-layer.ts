/**
 * The layers `goship build` adds, compressed off the main thread and in
 * parallel: the tar is cut into fixed 1 MiB pieces, each deflated on
 * libuv's thread pool (node:zlib's asynchronous deflateRaw), ended with a
 * full flush (the last one with finish), and the pieces are joined under
 * one gzip header and trailer (CRC-32 and size of the whole tar) — pigz's
 * layout. So one platform's layer compresses while another platform's
 * `go build` runs, and a big binary uses every core. The pieces do not
 * depend on the core count, so the bytes (and the digest) are the same on
 * any machine with the same Node version; the cost is ~0.05% in size.
 * Level 1 (BestSpeed) is the trade-off ko makes: go-containerregistry's
 * tarball.LayerFromOpener, which ko uses for its binary and kodata
 * layers, defaults to gzip.BestSpeed; for a Go binary it costs ~8% more
 * bytes than level 6 and about half the CPU time. The header is fixed
 * (MTIME 0, OS 255 as Go's compress/gzip writes).
 */
import { promisify } from "node:util";
import { constants, crc32, deflateRaw } from "node:zlib";
import { sha256 } from "../oci/digest.js";
import type { Layer } from "../oci/layer.js";
import { MediaType } from "../oci/media-type.js";

/** gzip.BestSpeed, as go-containerregistry's tarball layers (and so ko) use. */
export const LAYER_GZIP_LEVEL = 1;
/** Fixed piece size: the output must not depend on the machine. */
export const GZIP_PIECE = 1 << 20;

const deflateRawAsync = promisify(deflateRaw);

/** gzip of `data` as concatenated independently deflated pieces (pure function of data, level and piece size). */
export async function parallelGzip(data: Uint8Array, level: number = LAYER_GZIP_LEVEL, piece: number = GZIP_PIECE): Promise<Buffer> {
  const jobs: Promise<Buffer>[] = [];
  for (let off = 0; ; off += piece) {
    const last = off + piece >= data.length;
    jobs.push(deflateRawAsync(data.subarray(off, Math.min(off + piece, data.length)), { level, memLevel: 8, windowBits: 15, finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH }));
    if (last) break;
  }
  const bodies = await Promise.all(jobs);
  // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL (4 = fastest, 2 = best, as zlib sets it) OS=255
  const head = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level === 1 ? 4 : level === 9 ? 2 : 0, 255]);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc32(data) >>> 0, 0);
  tail.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([head, ...bodies, tail]);
}

export async function gzipLayer(tar: Uint8Array, level: number = LAYER_GZIP_LEVEL): Promise<Layer> {
  const compressing = parallelGzip(tar, level);
  const diffId = sha256(tar).text; // on the main thread while the pool deflates
  const compressed = await compressing;
  return Object.freeze({
    descriptor: { mediaType: MediaType.OciLayerGzip, digest: sha256(compressed).text, size: compressed.length },
    diffId,
    compressed,
    uncompressedSize: tar.length,
  });
}
