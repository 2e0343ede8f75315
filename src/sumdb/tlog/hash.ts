/**
 * Transparent-log hashes and the stored-hash numbering of
 * golang.org/x/mod/sumdb/tlog (v0.43.0), i.e. RFC 6962 Merkle trees:
 * a record's hash is SHA-256(0x00 || data), an interior node's
 * SHA-256(0x01 || left || right). Hashes are stored in the order a log
 * appends them: record n's hash, then every complete subtree it closes,
 * lowest level first; StoredHashIndex(level, n) is the position of the n-th
 * hash at `level` in that sequence.
 *
 * Indexes are JS numbers (exact up to 2^53, far beyond any real log), so the
 * shifts of the Go code are multiplications and floor divisions here.
 */
import { createHash } from "node:crypto";
import { decodeStdBase64, encodeStdBase64 } from "../note/base64-std.js";

export const HASH_SIZE = 32;

/** A 32-byte SHA-256 hash (read-only by convention). */
export type Hash = Uint8Array;

/** Reads stored hashes by index (tlog.HashReader); may fetch tiles. */
export type HashReader = (indexes: readonly number[]) => Promise<readonly Hash[]>;

/** 2^k. */
export function pow2(k: number): number {
  return 2 ** k;
}

/** n >> k for non-negative n. */
export function shr(n: number, k: number): number {
  return Math.floor(n / 2 ** k);
}

/** Number of trailing zero bits of n > 0. */
export function trailingZeros(n: number): number {
  let k = 0;
  while (n > 0 && n % 2 === 0) {
    n /= 2;
    k++;
  }
  return k;
}

export function recordHash(data: Uint8Array): Hash {
  return new Uint8Array(createHash("sha256").update(ZERO).update(data).digest());
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return new Uint8Array(createHash("sha256").update(ONE).update(left).update(right).digest());
}

const ZERO = new Uint8Array([0]);
const ONE = new Uint8Array([1]);

/** The hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_TREE_HASH: Hash = new Uint8Array(createHash("sha256").digest());

export function hashEqual(a: Hash, b: Hash): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** tlog.Hash.String: standard base64. */
export function formatHash(h: Hash): string {
  return encodeStdBase64(h);
}

/** tlog.ParseHash, or null for "malformed hash". */
export function parseHash(s: string): Hash | null {
  const b = decodeStdBase64(s);
  return b !== null && b.length === HASH_SIZE ? b : null;
}

/** maxpow2: the largest power of two k < n (n > 1), and its log. */
export function maxpow2(n: number): [number, number] {
  let l = 0;
  while (pow2(l + 1) < n) l++;
  return [pow2(l), l];
}

/** tlog.StoredHashIndex. */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = shr(n, 1)) i += n;
  return i + level;
}

/** tlog.SplitStoredHashIndex: the (level, n) of a stored hash index. */
export function splitStoredHashIndex(index: number): [number, number] {
  let n = shr(index, 1);
  let indexN = storedHashIndex(0, n);
  if (indexN > index) throw new Error("tlog: bad math");
  for (;;) {
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return [level, shr(n, level)];
}

/** tlog.StoredHashCount: how many hashes a log of n records stores. */
export function storedHashCount(n: number): number {
  if (n === 0) return 0;
  let num = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = shr(i, 1)) num++;
  return num;
}

/** tlog.StoredHashesForRecordHash: the hashes to append when record n (hash h) is added. */
export async function storedHashesForRecordHash(n: number, h: Hash, r: HashReader): Promise<Hash[]> {
  const hashes = [h];
  const m = trailingZeros(n + 1);
  const indexes: number[] = new Array<number>(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, shr(n, i) - 1);
  const old = await r(indexes);
  if (old.length !== indexes.length) throw new Error(`tlog: ReadHashes(${indexes.length} indexes) = ${old.length} hashes`);
  for (let i = 0; i < m; i++) {
    h = nodeHash(old[m - 1 - i] as Hash, h);
    hashes.push(h);
  }
  return hashes;
}

export async function storedHashes(n: number, data: Uint8Array, r: HashReader): Promise<Hash[]> {
  return storedHashesForRecordHash(n, recordHash(data), r);
}

/** A HashReader over an in-memory array of stored hashes. */
export function memoryHashReader(stored: readonly Hash[]): HashReader {
  return async (indexes) =>
    indexes.map((i) => {
      const h = stored[i];
      if (h === undefined) throw new Error(`tlog: no stored hash ${i}`);
      return h;
    });
}
