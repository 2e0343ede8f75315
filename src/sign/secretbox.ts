/**
 * NaCl secretbox (XSalsa20 + Poly1305), pure, as cosign's encrypted key
 * files use it (`nacl/secretbox` after scrypt). node:crypto has neither
 * Salsa20 nor a bare Poly1305, so both are here, written from the
 * Salsa20 and Poly1305 papers (D. J. Bernstein) and checked against keys
 * cosign wrote. `open` returns null when the tag does not match (wrong
 * password). Leaves out streaming and every other NaCl box.
 */
import { timingSafeEqual } from "node:crypto";

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

function le32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
}

/** The 20 rounds of Salsa20 over a 16-word state; returns the rounds' output (before the feed-forward). */
function rounds(s: Uint32Array): Uint32Array {
  const x = Uint32Array.from(s);
  const qr = (a: number, b: number, c: number, d: number): void => {
    x[b] = (x[b] as number) ^ rotl(((x[a] as number) + (x[d] as number)) >>> 0, 7);
    x[c] = (x[c] as number) ^ rotl(((x[b] as number) + (x[a] as number)) >>> 0, 9);
    x[d] = (x[d] as number) ^ rotl(((x[c] as number) + (x[b] as number)) >>> 0, 13);
    x[a] = (x[a] as number) ^ rotl(((x[d] as number) + (x[c] as number)) >>> 0, 18);
  };
  for (let i = 0; i < 10; i++) {
    qr(0, 4, 8, 12);
    qr(5, 9, 13, 1);
    qr(10, 14, 2, 6);
    qr(15, 3, 7, 11);
    qr(0, 1, 2, 3);
    qr(5, 6, 7, 4);
    qr(10, 11, 8, 9);
    qr(15, 12, 13, 14);
  }
  return x;
}

function state(key: Uint8Array, n16: Uint8Array): Uint32Array {
  const s = new Uint32Array(16);
  s[0] = SIGMA[0] as number;
  s[5] = SIGMA[1] as number;
  s[10] = SIGMA[2] as number;
  s[15] = SIGMA[3] as number;
  for (let i = 0; i < 4; i++) {
    s[1 + i] = le32(key, 4 * i);
    s[11 + i] = le32(key, 16 + 4 * i);
  }
  for (let i = 0; i < 4; i++) s[6 + i] = le32(n16, 4 * i);
  return s;
}

/** HSalsa20: a 32-byte subkey from a key and 16 bytes of nonce. */
function hsalsa20(key: Uint8Array, n16: Uint8Array): Uint8Array {
  const x = rounds(state(key, n16));
  const out = Buffer.alloc(32);
  [0, 5, 10, 15, 6, 7, 8, 9].forEach((w, i) => out.writeUInt32LE(x[w] as number, 4 * i));
  return out;
}

/** The XSalsa20 key stream, `len` bytes. */
function xsalsa20Stream(key: Uint8Array, nonce: Uint8Array, len: number): Uint8Array {
  const sub = hsalsa20(key, nonce.subarray(0, 16));
  const out = Buffer.alloc(len);
  const n16 = Buffer.alloc(16);
  Buffer.from(nonce.subarray(16, 24)).copy(n16, 0);
  for (let block = 0, off = 0; off < len; block++, off += 64) {
    n16.writeUInt32LE(block >>> 0, 8);
    n16.writeUInt32LE(Math.floor(block / 2 ** 32), 12);
    const s = state(sub, n16);
    const x = rounds(s);
    const b = Buffer.alloc(64);
    for (let i = 0; i < 16; i++) b.writeUInt32LE(((x[i] as number) + (s[i] as number)) >>> 0, 4 * i);
    b.copy(out, off, 0, Math.min(64, len - off));
  }
  return out;
}

const P1305 = (1n << 130n) - 5n;

function leBig(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i] as number);
  return v;
}

/** Poly1305 one-time authenticator (16-byte tag) of `msg` under a 32-byte key. */
export function poly1305(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const r = leBig(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn;
  const s = leBig(key.subarray(16, 32));
  let acc = 0n;
  for (let off = 0; off < msg.length; off += 16) {
    const chunk = msg.subarray(off, Math.min(off + 16, msg.length));
    const n = leBig(chunk) + (1n << BigInt(8 * chunk.length));
    acc = ((acc + n) * r) % P1305;
  }
  acc = (acc + s) & ((1n << 128n) - 1n);
  const out = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) {
    out[i] = Number(acc & 0xffn);
    acc >>= 8n;
  }
  return out;
}

/** secretbox: tag (16 bytes) ‖ ciphertext, under a 32-byte key and a 24-byte nonce. */
export function secretboxSeal(msg: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array {
  if (key.length !== 32 || nonce.length !== 24) throw new Error("secretbox needs a 32-byte key and a 24-byte nonce");
  const ks = xsalsa20Stream(key, nonce, 32 + msg.length);
  const c = Buffer.alloc(msg.length);
  for (let i = 0; i < msg.length; i++) c[i] = (msg[i] as number) ^ (ks[32 + i] as number);
  return Buffer.concat([poly1305(ks.subarray(0, 32), c), c]);
}

/** Opens a secretbox; null when the tag does not match. */
export function secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
  if (key.length !== 32 || nonce.length !== 24) throw new Error("secretbox needs a 32-byte key and a 24-byte nonce");
  if (box.length < 16) return null;
  const c = box.subarray(16);
  const ks = xsalsa20Stream(key, nonce, 32 + c.length);
  if (!timingSafeEqual(poly1305(ks.subarray(0, 32), c), box.subarray(0, 16))) return null;
  const m = Buffer.alloc(c.length);
  for (let i = 0; i < c.length; i++) m[i] = (c[i] as number) ^ (ks[32 + i] as number);
  return m;
}
