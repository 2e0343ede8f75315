/**
 * Key files for `goship sign` / `goship verify-image`: ECDSA P-256 only,
 * as cosign's default keys are. Private keys: PEM PKCS#8 (`PRIVATE KEY`),
 * PEM SEC1 (`EC PRIVATE KEY`), and cosign's own encrypted file
 * (`ENCRYPTED SIGSTORE PRIVATE KEY`, or the older `ENCRYPTED COSIGN PRIVATE
 * KEY`: JSON with scrypt parameters, a nacl/secretbox nonce and the
 * ciphertext of the PKCS#8 DER; the password comes from COSIGN_PASSWORD,
 * as with cosign). Public keys: PEM SPKI (`PUBLIC KEY`, what
 * `cosign generate-key-pair` writes as cosign.pub) or any private key
 * file above. Parsing is pure over bytes; readers name the file in errors.
 * Leaves out KMS URIs, PKCS#11, RSA and Ed25519 keys.
 */
import { createPrivateKey, createPublicKey, scryptSync, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { secretboxOpen } from "./secretbox.js";

export class KeyError extends Error {
  override readonly name = "KeyError";
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

interface PemBlock {
  readonly type: string;
  readonly der: Buffer;
}

function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const body = (m[2] as string).split(/\r?\n/).filter((l) => !/^[\w-]+: /.test(l)).join("");
    out.push({ type: m[1] as string, der: Buffer.from(body, "base64") });
  }
  return out;
}

function checkP256(k: KeyObject, file: string): KeyObject {
  if (k.asymmetricKeyType !== "ec" || k.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    const what = k.asymmetricKeyType === "ec" ? `an EC key on ${k.asymmetricKeyDetails?.namedCurve ?? "an unknown curve"}` : `${k.asymmetricKeyType === "rsa" ? "an RSA" : `a ${k.asymmetricKeyType ?? "non-asymmetric"}`} key`;
    throw new KeyError(`${what}: goship signs with ECDSA P-256 keys only (cosign's default; make one with \`cosign generate-key-pair\` or \`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256\`)`, file);
  }
  return k;
}

interface EncryptedKeyFile {
  kdf?: { name?: string; params?: { N?: number; r?: number; p?: number }; salt?: string };
  cipher?: { name?: string; nonce?: string };
  ciphertext?: string;
}

/** Decrypts cosign's encrypted private key (scrypt + nacl/secretbox) into PKCS#8 DER. */
export function decryptCosignKey(json: Uint8Array, password: string, file = ""): Buffer {
  let v: EncryptedKeyFile;
  try {
    v = JSON.parse(Buffer.from(json).toString("utf8")) as EncryptedKeyFile;
  } catch {
    throw new KeyError("encrypted key is not cosign's JSON key format", file);
  }
  const p = v.kdf?.params;
  if (v.kdf?.name !== "scrypt" || !p?.N || !p.r || !p.p || !v.kdf.salt) throw new KeyError(`encrypted key: unsupported kdf ${JSON.stringify(v.kdf?.name)} (cosign uses scrypt)`, file);
  if (v.cipher?.name !== "nacl/secretbox" || !v.cipher.nonce || !v.ciphertext) throw new KeyError(`encrypted key: unsupported cipher ${JSON.stringify(v.cipher?.name)} (cosign uses nacl/secretbox)`, file);
  const key = scryptSync(Buffer.from(password, "utf8"), Buffer.from(v.kdf.salt, "base64"), 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 });
  const plain = secretboxOpen(Buffer.from(v.ciphertext, "base64"), Buffer.from(v.cipher.nonce, "base64"), key);
  if (plain === null) throw new KeyError("cannot decrypt the key: wrong password (set COSIGN_PASSWORD)", file);
  return Buffer.from(plain);
}

/** Reads a P-256 private key from PEM text; `password` opens cosign's encrypted format. */
export function parsePrivateKey(text: string, file: string, password = ""): KeyObject {
  const blocks = pemBlocks(text);
  if (blocks.length === 0) throw new KeyError("not a PEM key file (no -----BEGIN ...----- block)", file);
  for (const b of blocks) {
    try {
      if (b.type === "PRIVATE KEY") return checkP256(createPrivateKey({ key: b.der, format: "der", type: "pkcs8" }), file);
      if (b.type === "EC PRIVATE KEY") return checkP256(createPrivateKey({ key: b.der, format: "der", type: "sec1" }), file);
      if (b.type === "ENCRYPTED SIGSTORE PRIVATE KEY" || b.type === "ENCRYPTED COSIGN PRIVATE KEY") {
        return checkP256(createPrivateKey({ key: decryptCosignKey(b.der, password, file), format: "der", type: "pkcs8" }), file);
      }
    } catch (e) {
      if (e instanceof KeyError) throw e;
      throw new KeyError(`unreadable ${b.type}: ${(e as Error).message}`, file);
    }
  }
  throw new KeyError(`no private key in the file (found ${blocks.map((b) => b.type).join(", ")}; want PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED SIGSTORE PRIVATE KEY)`, file);
}

/** Reads a P-256 public key from PEM text (SPKI), or derives it from a private key file. */
export function parsePublicKey(text: string, file: string, password = ""): KeyObject {
  const blocks = pemBlocks(text);
  const pub = blocks.find((b) => b.type === "PUBLIC KEY");
  if (pub) {
    try {
      return checkP256(createPublicKey({ key: pub.der, format: "der", type: "spki" }), file);
    } catch (e) {
      if (e instanceof KeyError) throw e;
      throw new KeyError(`unreadable PUBLIC KEY: ${(e as Error).message}`, file);
    }
  }
  if (blocks.length === 0) throw new KeyError("not a PEM key file (no -----BEGIN ...----- block)", file);
  return createPublicKey(parsePrivateKey(text, file, password));
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KeyError(code === "ENOENT" ? "no such key file" : `cannot read the key file (${code ?? (e as Error).message})`, file);
  }
}

export function readPrivateKey(file: string, env: Readonly<Record<string, string | undefined>> = process.env): KeyObject {
  return parsePrivateKey(readText(file), file, env["COSIGN_PASSWORD"] ?? "");
}

export function readPublicKey(file: string, env: Readonly<Record<string, string | undefined>> = process.env): KeyObject {
  return parsePublicKey(readText(file), file, env["COSIGN_PASSWORD"] ?? "");
}
