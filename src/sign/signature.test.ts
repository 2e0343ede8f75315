/**
 * Pure parts of signing: Poly1305 against RFC 8439's test vector, the NaCl
 * secretbox test vector (nacl's tests/secretbox.c: firstkey, nonce, the
 * 131-byte message), payload shape, sign/verify round trip and
 * tampering, the signature image layout, key parsing errors.
 */
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { sha256 } from "../oci/digest.js";
import { KeyError, parsePrivateKey, parsePublicKey } from "./keys.js";
import { poly1305, secretboxOpen, secretboxSeal } from "./secretbox.js";
import { makePayload, makeSignatureImage, parsePayload, signatureTag, signPayload, SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE, verifyPayload } from "./signature.js";

const hex = (s: string): Buffer => Buffer.from(s.replace(/[^0-9a-f]/gi, ""), "hex");

describe("secretbox", () => {
  it("poly1305 gives RFC 8439 §2.5.2's tag", () => {
    const key = hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
    assert.equal(Buffer.from(poly1305(key, Buffer.from("Cryptographic Forum Research Group"))).toString("hex"), "a8061dc1305136c6c22b8baf0c0127a9");
  });

  it("seals nacl's secretbox test vector to the published box and opens it", () => {
    const key = hex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    const nonce = hex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    const m = hex(`be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705`);
    const box = secretboxSeal(m, nonce, key);
    assert.equal(Buffer.from(box).toString("hex"), `f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5`);
    assert.deepEqual(Buffer.from(secretboxOpen(box, nonce, key)!), m);
    const bad = Buffer.from(box);
    bad[20] = (bad[20] as number) ^ 1;
    assert.equal(secretboxOpen(bad, nonce, key), null);
  });
});

describe("cosign simple signing", () => {
  const digest = sha256("image").text;
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });

  it("payload has cosign's critical section and round-trips", () => {
    const p = makePayload("127.0.0.1:5000/goship/greeter", digest);
    assert.equal(Buffer.from(p).toString(), `{"critical":{"identity":{"docker-reference":"127.0.0.1:5000/goship/greeter"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`);
    assert.equal(parsePayload(p).critical.image["docker-manifest-digest"], digest);
    assert.throws(() => parsePayload(Buffer.from('{"critical":{"type":"x"}}')), /payload type/);
  });

  it("signs and verifies; a changed payload, signature or key fails", () => {
    const p = makePayload("r/x", digest);
    const sig = signPayload(p, privateKey);
    assert.equal(verifyPayload(p, sig, publicKey), true);
    assert.equal(verifyPayload(makePayload("r/x", sha256("other").text), sig, publicKey), false);
    const raw = Buffer.from(sig, "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    assert.equal(verifyPayload(p, raw.toString("base64"), publicKey), false);
    assert.equal(verifyPayload(p, sig, generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey), false);
    assert.equal(verifyPayload(p, "", publicKey), false);
  });

  it("signature image: one simplesigning layer per signature, annotation, diff_ids; duplicates kept once", () => {
    const p = makePayload("r/x", digest);
    const s = signPayload(p, privateKey);
    const img = makeSignatureImage([{ payload: p, signature: s }, { payload: p, signature: s }]);
    assert.equal(img.manifest.layers.length, 1);
    const l = img.manifest.layers[0]!;
    assert.equal(l.mediaType, SIMPLE_SIGNING_MEDIA_TYPE);
    assert.equal(l.digest, sha256(p).text);
    assert.equal(l.annotations?.[SIGNATURE_ANNOTATION], s);
    assert.deepEqual(JSON.parse(Buffer.from(img.configBytes).toString()).rootfs.diff_ids, [l.digest]);
    assert.equal(img.manifest.config.digest, sha256(img.configBytes).text);
    assert.equal(signatureTag(digest), `sha256-${digest.slice(7)}.sig`);
  });
});

describe("key files", () => {
  it("reads PKCS#8 and SEC1 P-256 keys, SPKI public keys, derives a public key from a private one", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pk8 = privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    const sec1 = privateKey.export({ format: "pem", type: "sec1" }) as string;
    const spki = publicKey.export({ format: "pem", type: "spki" }) as string;
    const p = Buffer.from("x");
    for (const text of [pk8, sec1]) assert.equal(verifyPayload(p, signPayload(p, parsePrivateKey(text, "k")), publicKey), true);
    assert.equal(verifyPayload(p, signPayload(p, privateKey), parsePublicKey(spki, "k.pub")), true);
    assert.equal(verifyPayload(p, signPayload(p, privateKey), parsePublicKey(pk8, "k")), true);
  });

  it("refuses other curves and key types, and non-PEM files, naming the file", () => {
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    const ed = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    assert.throws(() => parsePrivateKey(p384, "p384.key"), (e: unknown) => e instanceof KeyError && e.file === "p384.key" && /EC key on secp384r1.*P-256 keys only/.test(e.message));
    assert.throws(() => parsePrivateKey(ed, "ed.key"), /a ed25519 key: goship signs with ECDSA P-256/);
    assert.throws(() => parsePrivateKey("hello", "x"), /not a PEM key file/);
    assert.throws(() => parsePublicKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "c"), /no private key in the file/);
  });
});
