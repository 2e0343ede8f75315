/**
 * Signed-note keys, as golang.org/x/mod/sumdb/note (v0.43.0) encodes them:
 *
 *   verifier key: <name>+<hash>+<base64(alg || public key)>
 *   signer key:   PRIVATE+KEY+<name>+<hash>+<base64(alg || seed)>
 *
 * <hash> is 8 lower-case hex digits: the first 4 bytes (big-endian) of
 * SHA-256(<name> "\n" alg || public key). The only algorithm is 1 (Ed25519,
 * 32-byte keys). A name is non-empty valid UTF-8 with no Unicode space and no
 * "+". Ed25519 comes from node:crypto.
 *
 * Leaves out custom Verifier implementations beyond the interface itself.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from "node:crypto";
import { isSpace } from "../../golang/unicode.js";
import { decodeStdBase64, encodeStdBase64 } from "./base64-std.js";
import { AmbiguousVerifierError, hex8, NoteKeyError, UnknownVerifierError } from "./errors.js";

export const ALG_ED25519 = 1;

export interface Verifier {
  readonly name: string;
  readonly keyHash: number;
  verify(msg: Uint8Array, sig: Uint8Array): boolean;
}

export interface Signer {
  readonly name: string;
  readonly keyHash: number;
  sign(msg: Uint8Array): Uint8Array;
}

/** A set of verifiers looked up by name and key hash (note.Verifiers). */
export interface Verifiers {
  /** Returns the verifier, or throws UnknownVerifierError / AmbiguousVerifierError. */
  verifier(name: string, keyHash: number): Verifier;
}

/** The 32-bit key hash of (name, alg || key). */
export function keyHash(name: string, key: Uint8Array): number {
  const h = createHash("sha256").update(Buffer.from(name, "utf8")).update("\n").update(key).digest();
  return h.readUInt32BE(0);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** note's isValidName (a JS string is valid UTF-8 when it has no lone surrogate). */
export function isValidKeyName(name: string): boolean {
  if (name === "" || LONE_SURROGATE.test(name) || name.includes("+")) return false;
  for (const ch of name) if (isSpace(ch.codePointAt(0) as number)) return false;
  return true;
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + sep.length)];
}

function parseHash16(s: string): number | null {
  return /^[0-9a-fA-F]{8}$/.test(s) ? parseInt(s, 16) >>> 0 : null;
}

function ed25519Public(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function ed25519Private(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
}

function rawPublic(k: KeyObject): Uint8Array {
  const x = k.export({ format: "jwk" }).x;
  return new Uint8Array(Buffer.from(x as string, "base64url"));
}

/** note.NewVerifier: parses a verifier key; throws NoteKeyError with x/mod's message. */
export function parseVerifierKey(vkey: string): Verifier {
  const [name, rest] = cut(vkey, "+");
  const [hash16, key64] = cut(rest, "+");
  const hash = parseHash16(hash16);
  const key = decodeStdBase64(key64);
  if (hash === null || key === null || !isValidKeyName(name) || key.length === 0) throw new NoteKeyError("malformed verifier id");
  if (hash !== keyHash(name, key)) throw new NoteKeyError("invalid verifier hash");
  if (key[0] !== ALG_ED25519) throw new NoteKeyError("unknown verifier algorithm");
  const pub = key.subarray(1);
  if (pub.length !== 32) throw new NoteKeyError("malformed verifier id");
  const keyObject = ed25519Public(pub);
  return Object.freeze({
    name,
    keyHash: hash,
    verify: (msg: Uint8Array, sig: Uint8Array): boolean => sig.length === 64 && edVerify(null, msg, keyObject, sig),
  });
}

/** note.NewSigner: parses a signer key; throws NoteKeyError with x/mod's message. */
export function parseSignerKey(skey: string): Signer {
  const [priv1, r1] = cut(skey, "+");
  const [priv2, r2] = cut(r1, "+");
  const [name, r3] = cut(r2, "+");
  const [hash16, key64] = cut(r3, "+");
  const hash = parseHash16(hash16);
  const key = decodeStdBase64(key64);
  if (priv1 !== "PRIVATE" || priv2 !== "KEY" || hash === null || key === null || !isValidKeyName(name) || key.length === 0) {
    throw new NoteKeyError("malformed verifier id");
  }
  if (key[0] !== ALG_ED25519) throw new NoteKeyError("unknown verifier algorithm");
  const seed = key.subarray(1);
  if (seed.length !== 32) throw new NoteKeyError("malformed verifier id");
  const priv = ed25519Private(seed);
  const pub = new Uint8Array([ALG_ED25519, ...rawPublic(createPublicKey(priv))]);
  if (hash !== keyHash(name, pub)) throw new NoteKeyError("invalid verifier hash");
  return Object.freeze({ name, keyHash: hash, sign: (msg: Uint8Array): Uint8Array => new Uint8Array(edSign(null, msg, priv)) });
}

/** note.NewEd25519VerifierKey: the verifier key string for a raw 32-byte Ed25519 public key. */
export function ed25519VerifierKey(name: string, publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new NoteKeyError(`invalid public key size ${publicKey.length}, expected 32`);
  const pub = new Uint8Array([ALG_ED25519, ...publicKey]);
  return `${name}+${hex8(keyHash(name, pub))}+${encodeStdBase64(pub)}`;
}

/** note.GenerateKey with node:crypto's randomness: a fresh signer and verifier key pair. */
export function generateNoteKey(name: string): { readonly signerKey: string; readonly verifierKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const d = privateKey.export({ format: "jwk" }).d as string;
  const seed = Buffer.from(d, "base64url");
  const pub = new Uint8Array([ALG_ED25519, ...rawPublic(publicKey)]);
  const h = hex8(keyHash(name, pub));
  return Object.freeze({
    signerKey: `PRIVATE+KEY+${name}+${h}+${encodeStdBase64(new Uint8Array([ALG_ED25519, ...seed]))}`,
    verifierKey: `${name}+${h}+${encodeStdBase64(pub)}`,
  });
}

/** note.VerifierList. */
export function verifierList(...list: readonly Verifier[]): Verifiers {
  const m = new Map<string, Verifier[]>();
  for (const v of list) {
    const k = `${v.name}\u0000${v.keyHash}`;
    m.set(k, [...(m.get(k) ?? []), v]);
  }
  return Object.freeze({
    verifier(name: string, hash: number): Verifier {
      const vs = m.get(`${name}\u0000${hash >>> 0}`);
      if (!vs) throw new UnknownVerifierError(name, hash);
      if (vs.length > 1) throw new AmbiguousVerifierError(name, hash);
      return vs[0] as Verifier;
    },
  });
}
