/**
 * A minimal ZIP reader, enough for module zips as Go's archive/zip reads
 * them for dirhash.HashZip: the end-of-central-directory record (searched in
 * the last 64 KiB + 22 bytes, zip64 locator and record honoured), the
 * central directory (names, methods, sizes, CRC-32, local header offsets,
 * zip64 extra fields), and entry data read from the local header's offset,
 * stored (0) or deflated (8, node:zlib), checked against the CRC-32 and size
 * ("zip: checksum error"). Names must be valid UTF-8 (the module zip rules
 * require it).
 *
 * Written here rather than taken from a package: the read side of stored and
 * deflated entries is ~150 lines over node:zlib, and goship only ever reads
 * whole zips it already holds in memory. Leaves out encryption, other
 * compression methods (an error, as in Go), multi-disk archives, and
 * writing.
 */
import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const U32 = 0xffffffff;
const U16 = 0xffff;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function view(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function u64(b: Buffer, off: number): number {
  const v = b.readBigUInt64LE(off);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip: not a valid zip file");
  return Number(v);
}

/** The entries of the central directory, in directory order. */
export function readZipEntries(zip: Uint8Array): ZipEntry[] {
  const b = view(zip);
  const min = Math.max(0, b.length - (65535 + 22));
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) === EOCD_SIG && i + 22 + b.readUInt16LE(i + 20) <= b.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("zip: not a valid zip file");
  let count = b.readUInt16LE(eocd + 10);
  let size = b.readUInt32LE(eocd + 12);
  let offset = b.readUInt32LE(eocd + 16);
  if ((count === U16 || size === U32 || offset === U32) && eocd >= 20 && b.readUInt32LE(eocd - 20) === EOCD64_LOCATOR_SIG) {
    const at = u64(b, eocd - 20 + 8);
    if (at + 56 > b.length || b.readUInt32LE(at) !== EOCD64_SIG) throw new ZipFormatError("zip: not a valid zip file");
    count = u64(b, at + 32);
    size = u64(b, at + 40);
    offset = u64(b, at + 48);
  }
  if (offset + size > b.length) throw new ZipFormatError("zip: not a valid zip file");
  const entries: ZipEntry[] = [];
  let p = offset;
  while (p + 46 <= b.length && b.readUInt32LE(p) === CENTRAL_SIG) {
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    let compressedSize = b.readUInt32LE(p + 20);
    let uncompressedSize = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let localHeaderOffset = b.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw new ZipFormatError("zip: not a valid zip file");
    let name: string;
    try {
      name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw new ZipFormatError("zip: file name is not valid UTF-8");
    }
    // zip64 extended information: only the fields that overflowed, in order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = b.readUInt16LE(e);
      const len = b.readUInt16LE(e + 2);
      let q = e + 4;
      if (id === 0x0001) {
        if (uncompressedSize === U32 && q + 8 <= e + 4 + len) (uncompressedSize = u64(b, q)), (q += 8);
        if (compressedSize === U32 && q + 8 <= e + 4 + len) (compressedSize = u64(b, q)), (q += 8);
        if (localHeaderOffset === U32 && q + 8 <= e + 4 + len) (localHeaderOffset = u64(b, q)), (q += 8);
      }
      e += 4 + len;
    }
    entries.push(Object.freeze({ name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset }));
    p = end;
  }
  if (entries.length !== count && count !== U16) throw new ZipFormatError("zip: not a valid zip file");
  return entries;
}

/** An entry's content, decompressed and checked against its CRC-32 and size. */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const b = view(zip);
  const h = entry.localHeaderOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL_SIG) throw new ZipFormatError("zip: not a valid zip file");
  if (entry.flags & 0x1) throw new ZipFormatError("zip: encrypted entries are not supported");
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipFormatError("zip: not a valid zip file");
  const raw = b.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw);
    } catch {
      throw new ZipFormatError("flate: corrupt input");
    }
  } else throw new ZipFormatError("zip: unsupported compression algorithm");
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) throw new ZipFormatError("zip: checksum error");
  return data;
}
