/**
 * readBuildInfo: the Go build info of a binary, from its bytes, as Go 1.26's
 * debug/buildinfo.Read finds it: the 16-byte-aligned "\xff Go buildinf:"
 * header in the build-info section (exe-file.ts), then either the Go >= 1.18
 * inline form (two varint-prefixed strings after the 32-byte header) or the
 * older pointer form (pointers to two Go string headers, with the pointer
 * size and byte order in the header); the module text loses its 16-byte
 * sentinels and goes through parseModInfo. Pure. A file that is not a Go
 * binary is a LocatedError naming it, with debug/buildinfo's wording.
 */
import { LocatedError } from "../diagnostic/located-error.js";
import { ExeFormatError, openExe, type ExeFile } from "./exe-file.js";
import { ModInfoError, parseModInfo } from "./modinfo.js";
import type { GoBuildInfo } from "./types.js";

const MAGIC = Buffer.from("\xff Go buildinf:", "latin1");
const ALIGN = 16n;
const HEADER_SIZE = 32;
const CHUNK = 1 << 20;

/** Why a file is not a Go binary, in debug/buildinfo's words. */
class NotGo extends Error {}
const UNRECOGNIZED = "unrecognized file format";
const NOT_GO = "not a Go executable";

function searchMagic(x: ExeFile, start: bigint, size: bigint): bigint {
  const end = start + size;
  let at = (start + ALIGN - 1n) & ~(ALIGN - 1n);
  if (at >= end) throw new NotGo(NOT_GO);
  while (at < end) {
    const remaining = end - at;
    const want = remaining < BigInt(CHUNK) ? Number(remaining) : CHUNK;
    const data = Buffer.from(x.readData(at, want));
    if (data.length === 0) throw new NotGo(NOT_GO);
    let from = 0;
    for (;;) {
      const i = data.indexOf(MAGIC, from);
      if (i < 0) break;
      if (remaining - BigInt(i) < BigInt(HEADER_SIZE)) throw new NotGo(NOT_GO);
      if (i % 16 === 0) return at + BigInt(i);
      from = i + 1;
    }
    at += BigInt(want);
  }
  throw new NotGo(NOT_GO);
}

function uvarint(b: Uint8Array): [bigint, number] {
  let x = 0n;
  let s = 0n;
  for (let i = 0; i < b.length && i < 10; i++) {
    const c = b[i]!;
    if (c < 0x80) {
      if (i === 9 && c > 1) return [0n, -(i + 1)];
      return [x | (BigInt(c) << s), i + 1];
    }
    x |= BigInt(c & 0x7f) << s;
    s += 7n;
  }
  return [0n, 0];
}

const utf8 = new TextDecoder("utf-8");

function decodeString(x: ExeFile, addr: bigint): [Uint8Array, bigint] {
  const [len, n] = uvarint(x.readData(addr, 10));
  if (n <= 0) throw new NotGo(NOT_GO);
  if (len > 1n << 32n) throw new NotGo(NOT_GO);
  const b = x.readData(addr + BigInt(n), Number(len));
  if (BigInt(b.length) < len) throw new NotGo(NOT_GO);
  return [b, addr + BigInt(n) + len];
}

function readString(x: ExeFile, ptrSize: number, readPtr: (b: Uint8Array) => bigint, addr: bigint): Uint8Array {
  const none = new Uint8Array(0);
  const hdr = x.readData(addr, 2 * ptrSize);
  if (hdr.length < 2 * ptrSize) return none;
  const dataAddr = readPtr(hdr);
  const dataLen = readPtr(hdr.subarray(ptrSize));
  if (dataLen > 1n << 32n) return none;
  const data = x.readData(dataAddr, Number(dataLen));
  if (BigInt(data.length) < dataLen) return none;
  return data;
}

/** debug/buildinfo's readRawBuildInfo: the Go version and the framed module text. */
export function readRawBuildInfo(bytes: Uint8Array): { goVersion: string; modInfo: string } {
  let x: ExeFile | undefined;
  try {
    x = openExe(bytes);
  } catch (e) {
    if (e instanceof ExeFormatError) throw new NotGo(UNRECOGNIZED);
    throw e;
  }
  if (x === undefined) throw new NotGo(UNRECOGNIZED);
  const exe: ExeFile = x;
  let vers: Uint8Array;
  let mod: Uint8Array;
  try {
    const { addr: dataAddr, size } = exe.dataStart();
    if (size === 0n) throw new NotGo(NOT_GO);
    const addr = searchMagic(exe, dataAddr, size);
    const header = exe.readData(addr, HEADER_SIZE);
    if (header.length < HEADER_SIZE) throw new NotGo(NOT_GO);
    const flags = header[15]!;
    if ((flags & 0x2) === 0x2) {
      let next: bigint;
      [vers, next] = decodeString(exe, addr + BigInt(HEADER_SIZE));
      [mod] = decodeString(exe, next);
    } else {
      const ptrSize = header[14]!;
      if (ptrSize !== 4 && ptrSize !== 8) throw new NotGo(NOT_GO);
      const little = (flags & 0x1) === 0;
      const readPtr = (b: Uint8Array): bigint => {
        const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
        return ptrSize === 4 ? BigInt(v.getUint32(0, little)) : v.getBigUint64(0, little);
      };
      vers = readString(exe, ptrSize, readPtr, readPtr(header.subarray(16)));
      mod = readString(exe, ptrSize, readPtr, readPtr(header.subarray(16 + ptrSize)));
    }
  } catch (e) {
    if (e instanceof ExeFormatError) throw new NotGo(NOT_GO);
    throw e;
  }
  if (vers.length === 0) throw new NotGo(NOT_GO);
  // Strip the sentinels (cmd/go/internal/modload infoStart/infoEnd: 16 arbitrary bytes each), as Go does.
  const modInfo = mod.length >= 33 && mod[mod.length - 17] === 0x0a ? utf8.decode(mod.subarray(16, mod.length - 16)) : "";
  return { goVersion: utf8.decode(vers), modInfo };
}

/** True when `bytes` hold a Go binary goship can read build info from. */
export function isGoBinary(bytes: Uint8Array): boolean {
  try {
    readRawBuildInfo(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The build info of the Go binary in `bytes` (debug/buildinfo.Read).
 * Throws LocatedError naming `file` when it is not a Go binary or its build info is malformed.
 */
export function readBuildInfo(bytes: Uint8Array, file: string): GoBuildInfo {
  try {
    const { goVersion, modInfo } = readRawBuildInfo(bytes);
    return parseModInfo(modInfo, goVersion);
  } catch (e) {
    if (e instanceof NotGo) throw new LocatedError(`could not read Go build info: ${e.message}`, file);
    if (e instanceof ModInfoError) throw new LocatedError(e.message, file);
    throw e;
  }
}
