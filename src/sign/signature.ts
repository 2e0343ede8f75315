/**
 * cosign's classic signature scheme, pure: the "simple signing" payload
 * (critical.identity.docker-reference, critical.image.docker-manifest-digest,
 * critical.type "cosign container image signature", optional), an ECDSA
 * P-256 / SHA-256 signature over its bytes (ASN.1 DER, base64 in the layer
 * annotation `dev.cosignproject.cosign/signature`), and the signature image
 * cosign stores at tag `sha256-<hex>.sig` beside the signed image: one
 * layer per signature (media type application/vnd.dev.cosign.simplesigning.v1+json)
 * and a config listing the layers as diff_ids. A new signature is appended
 * to the layers already there (the same payload and signature are kept
 * once). Leaves out Rekor bundles, certificates and timestamps.
 */
import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from "node:crypto";
import { parseDigest, sha256, type Digest } from "../oci/digest.js";
import { encodeJson, type Descriptor, type ImageManifest } from "../oci/manifest.js";
import { MediaType } from "../oci/media-type.js";

export const SIMPLE_SIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
export const SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
export const COSIGN_SIGNATURE_TYPE = "cosign container image signature";

export interface SimpleSigningPayload {
  readonly critical: {
    readonly identity: { readonly "docker-reference": string };
    readonly image: { readonly "docker-manifest-digest": string };
    readonly type: string;
  };
  readonly optional: Readonly<Record<string, unknown>> | null;
}

/** The payload bytes cosign signs for `dockerReference` (registry/repo) at `digest`. */
export function makePayload(dockerReference: string, digest: string, optional?: Readonly<Record<string, unknown>>): Uint8Array {
  parseDigest(digest);
  const p: SimpleSigningPayload = {
    critical: { identity: { "docker-reference": dockerReference }, image: { "docker-manifest-digest": digest }, type: COSIGN_SIGNATURE_TYPE },
    optional: optional ?? null,
  };
  return encodeJson(p);
}

export class PayloadError extends Error {
  override readonly name = "PayloadError";
}

export function parsePayload(bytes: Uint8Array): SimpleSigningPayload {
  let v: SimpleSigningPayload;
  try {
    v = JSON.parse(Buffer.from(bytes).toString("utf8")) as SimpleSigningPayload;
  } catch {
    throw new PayloadError("signature payload is not JSON");
  }
  if (v?.critical?.type !== COSIGN_SIGNATURE_TYPE) throw new PayloadError(`signature payload type is ${JSON.stringify(v?.critical?.type)}, not ${JSON.stringify(COSIGN_SIGNATURE_TYPE)}`);
  if (typeof v.critical.image?.["docker-manifest-digest"] !== "string") throw new PayloadError("signature payload names no docker-manifest-digest");
  return v;
}

/** ECDSA P-256 over SHA-256 of `payload`, DER, base64 (what cosign puts in the annotation). */
export function signPayload(payload: Uint8Array, key: KeyObject): string {
  return cryptoSign("sha256", payload, key).toString("base64");
}

export function verifyPayload(payload: Uint8Array, signatureB64: string, key: KeyObject): boolean {
  const sig = Buffer.from(signatureB64, "base64");
  if (sig.length === 0) return false;
  try {
    return cryptoVerify("sha256", payload, key, sig);
  } catch {
    return false;
  }
}

/** The tag cosign's classic scheme keeps signatures at: `sha256-<hex>.sig`. */
export function signatureTag(digest: string): string {
  const d = parseDigest(digest);
  return `${d.algorithm}-${d.hex}.sig`;
}

export interface SignatureImage {
  readonly manifest: ImageManifest;
  readonly manifestBytes: Uint8Array;
  readonly digest: Digest;
  readonly configBytes: Uint8Array;
  /** Layer (payload) blobs by digest. */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

export interface SignatureLayer {
  readonly payload: Uint8Array;
  readonly signature: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * The signature image holding `layers` (existing ones first). Layers with
 * the same payload digest and signature are kept once.
 */
export function makeSignatureImage(layers: readonly SignatureLayer[]): SignatureImage {
  const seen = new Set<string>();
  const descs: Descriptor[] = [];
  const blobs = new Map<string, Uint8Array>();
  for (const l of layers) {
    const d = sha256(l.payload).text;
    const key = `${d} ${l.signature}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blobs.set(d, l.payload);
    descs.push({ mediaType: SIMPLE_SIGNING_MEDIA_TYPE, digest: d, size: l.payload.length, annotations: { ...(l.annotations ?? {}), [SIGNATURE_ANNOTATION]: l.signature } });
  }
  const zero = "0001-01-01T00:00:00Z";
  const configBytes = encodeJson({
    architecture: "",
    created: zero,
    history: descs.map(() => ({ created: zero })),
    os: "",
    rootfs: { type: "layers", diff_ids: descs.map((d) => d.digest) },
    config: {},
  });
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: { mediaType: MediaType.OciConfig, digest: sha256(configBytes).text, size: configBytes.length },
    layers: descs,
  };
  const manifestBytes = encodeJson(manifest);
  return { manifest, manifestBytes, digest: sha256(manifestBytes), configBytes, blobs };
}
