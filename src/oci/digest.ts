/**
 * Content digests as the OCI image spec defines them (descriptor.md#digests):
 * `algorithm:encoded`, parsed once into a value and printed in one place
 * (go-containerregistry's v1.Hash). Only sha256 is produced; sha512 is
 * parsed and verified. Leaves out registered algorithms beyond those two.
 */
import { createHash } from "node:crypto";

export interface Digest {
  readonly algorithm: "sha256" | "sha512";
  readonly hex: string;
  /** `sha256:<hex>`. */
  readonly text: string;
}

const HEX_LEN = { sha256: 64, sha512: 128 } as const;

export class DigestError extends Error {
  override readonly name = "DigestError";
}

/** Parses `sha256:<64 hex>`; throws DigestError on anything else. */
export function parseDigest(s: string): Digest {
  const m = /^(sha256|sha512):([0-9a-f]+)$/.exec(s);
  if (!m) throw new DigestError(`not a digest: ${JSON.stringify(s)}`);
  const algorithm = m[1] as "sha256" | "sha512";
  const hex = m[2] as string;
  if (hex.length !== HEX_LEN[algorithm]) throw new DigestError(`${algorithm} digest needs ${HEX_LEN[algorithm]} hex digits: ${s}`);
  return Object.freeze({ algorithm, hex, text: s });
}

/** The sha256 digest of `data`. */
export function sha256(data: Uint8Array | string): Digest {
  const hex = createHash("sha256").update(data).digest("hex");
  return Object.freeze({ algorithm: "sha256", hex, text: `sha256:${hex}` });
}

/** Recomputes `d` over `data` (same algorithm) and says whether they agree. */
export function digestMatches(d: Digest, data: Uint8Array): boolean {
  return createHash(d.algorithm).update(data).digest("hex") === d.hex;
}
