/**
 * `goship sign` / `goship verify-image` as library calls, over a
 * RegistryClient: resolve the image reference to its manifest digest, then
 * sign (payload → ECDSA signature → signature image appended to what is at
 * `sha256-<hex>.sig`, blobs first, then the tag) or verify (read that tag,
 * check each layer's payload digest, signature and docker-manifest-digest
 * against the key and the image). Leaves out keyless signing (Fulcio),
 * transparency logs (Rekor) and signing each platform of an index
 * separately (the index digest is signed, as `cosign sign` does).
 */
import type { KeyObject } from "node:crypto";
import { digestMatches, parseDigest } from "../oci/digest.js";
import { parseManifest } from "../oci/manifest.js";
import type { ImageRef } from "../oci/reference.js";
import type { RegistryClient } from "../oci/remote/registry-client.js";
import { RegistryError } from "../oci/remote/transport.js";
import { makePayload, makeSignatureImage, parsePayload, PayloadError, signatureTag, signPayload, SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE, verifyPayload, type SignatureLayer } from "./signature.js";

/** The manifest digest `ref` names (its digest, or what its tag points to). */
export async function resolveDigest(client: RegistryClient, ref: ImageRef): Promise<string> {
  if (ref.digest !== null) return ref.digest;
  const tag = ref.tag ?? "latest";
  const head = await client.headManifest(ref.path, tag);
  if (head !== null) return head;
  return (await client.getManifest(ref.path, tag)).digest;
}

async function existingLayers(client: RegistryClient, repo: string, tag: string): Promise<SignatureLayer[]> {
  let bytes: Uint8Array;
  try {
    bytes = (await client.getManifest(repo, tag)).bytes;
  } catch (e) {
    if (e instanceof RegistryError && e.status === 404) return [];
    throw e;
  }
  const m = parseManifest(bytes);
  const out: SignatureLayer[] = [];
  for (const l of m.layers) {
    const sig = l.annotations?.[SIGNATURE_ANNOTATION];
    if (sig === undefined) continue;
    const { [SIGNATURE_ANNOTATION]: _drop, ...rest } = l.annotations ?? {};
    out.push({ payload: await client.getBlob(repo, l.digest), signature: sig, annotations: rest });
  }
  return out;
}

export interface SignResult {
  /** The signed manifest digest. */
  readonly digest: string;
  /** `registry/repo:sha256-<hex>.sig`. */
  readonly signatureRef: string;
  readonly signatureDigest: string;
  readonly signatures: number;
}

export async function signImage(client: RegistryClient, ref: ImageRef, key: KeyObject, opts: { annotations?: Readonly<Record<string, unknown>> } = {}): Promise<SignResult> {
  const digest = await resolveDigest(client, ref);
  const payload = makePayload(`${ref.registry}/${ref.path}`, digest, opts.annotations);
  const signature = signPayload(payload, key);
  const tag = signatureTag(digest);
  const img = makeSignatureImage([...(await existingLayers(client, ref.path, tag)), { payload, signature }]);
  for (const [d, b] of img.blobs) await client.putBlob(ref.path, d, () => Promise.resolve(b));
  await client.putBlob(ref.path, img.manifest.config.digest, () => Promise.resolve(img.configBytes));
  await client.putManifest(ref.path, img.digest.text, img.manifestBytes, img.manifest.mediaType);
  await client.putManifest(ref.path, tag, img.manifestBytes, img.manifest.mediaType);
  return { digest, signatureRef: `${ref.registry}/${ref.path}:${tag}`, signatureDigest: img.digest.text, signatures: img.manifest.layers.length };
}

export interface VerifyResult {
  readonly digest: string;
  /** Signatures that the key verified over a payload naming this digest. */
  readonly verified: number;
  /** One line per signature that did not verify, saying why. */
  readonly failures: readonly string[];
}

/** Checks the signatures at `sha256-<hex>.sig` against `key`; `verified > 0` means the image is signed by it. */
export async function verifyImage(client: RegistryClient, ref: ImageRef, key: KeyObject): Promise<VerifyResult> {
  const digest = await resolveDigest(client, ref);
  const tag = signatureTag(digest);
  let bytes: Uint8Array;
  try {
    bytes = (await client.getManifest(ref.path, tag)).bytes;
  } catch (e) {
    if (e instanceof RegistryError && e.status === 404) return { digest, verified: 0, failures: [`no signatures: ${ref.registry}/${ref.path}:${tag} does not exist`] };
    throw e;
  }
  const m = parseManifest(bytes);
  let verified = 0;
  const failures: string[] = [];
  for (const [i, l] of m.layers.entries()) {
    const where = `signature ${i + 1} (${l.digest})`;
    if (l.mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) {
      failures.push(`${where}: media type ${l.mediaType}, not ${SIMPLE_SIGNING_MEDIA_TYPE}`);
      continue;
    }
    const sig = l.annotations?.[SIGNATURE_ANNOTATION];
    if (sig === undefined) {
      failures.push(`${where}: no ${SIGNATURE_ANNOTATION} annotation`);
      continue;
    }
    const payload = await client.getBlob(ref.path, l.digest);
    if (!digestMatches(parseDigest(l.digest), payload)) {
      failures.push(`${where}: payload does not match its digest`);
      continue;
    }
    if (!verifyPayload(payload, sig, key)) {
      failures.push(`${where}: the signature does not verify with this key`);
      continue;
    }
    try {
      const p = parsePayload(payload);
      if (p.critical.image["docker-manifest-digest"] !== digest) {
        failures.push(`${where}: signs ${p.critical.image["docker-manifest-digest"]}, not ${digest}`);
        continue;
      }
    } catch (e) {
      if (e instanceof PayloadError) {
        failures.push(`${where}: ${e.message}`);
        continue;
      }
      throw e;
    }
    verified++;
  }
  return { digest, verified, failures };
}
