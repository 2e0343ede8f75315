/**
 * Deterministic gzip (RFC 1952) over node:zlib: no file name, mtime 0, a
 * fixed compression level, and the OS byte set to 255 ("unknown", what Go's
 * compress/gzip writes) so the bytes do not depend on the host OS. The
 * deflate stream itself comes from Node's bundled zlib: the same Node
 * version gives the same bytes. Leaves out zstd.
 */
import { gzipSync, gunzipSync, constants } from "node:zlib";

export const GZIP_LEVEL = 6;

export function gzipDeterministic(data: Uint8Array, level: number = GZIP_LEVEL): Buffer {
  const out = gzipSync(data, { level, strategy: constants.Z_DEFAULT_STRATEGY, memLevel: 8, windowBits: 15 });
  out.writeUInt32LE(0, 4); // MTIME
  out[9] = 255; // OS: unknown
  return out;
}

export function gunzip(data: Uint8Array): Buffer {
  return gunzipSync(data);
}
