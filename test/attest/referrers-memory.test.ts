/**
 * The referrers client against test/oci's in-memory registry (no referrers
 * API there, so the tag schema): pushing two artifacts builds the
 * `sha256-<hex>` index, pushing one again does not list it twice, the
 * artifactType filter works, and signing + verifying round-trips through
 * the `.sig` tag (a second signature appends); pushReferrers puts several
 * artifacts on two subjects at once and each subject's index ends up with
 * all of its own (one read-modify-write per subject, no lost update).
 * Runs without the build lab.
 */
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { sha256 } from "../../src/oci/digest.js";
import { parseIndex } from "../../src/oci/manifest.js";
import { fallbackTag, fetchArtifactBlob, hasReferrersApi, listReferrers, makeArtifact, pushReferrer, pushReferrers } from "../../src/oci/referrers/index.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { RegistryClient } from "../../src/oci/remote/registry-client.js";
import { push } from "../../src/oci/remote/push.js";
import { signImage, verifyImage } from "../../src/sign/index.js";
import { MemoryRegistry } from "../oci/memory-registry.js";
import { randomImage } from "../oci/random-image.js";
import { makeRng } from "../support/random.js";

const HOST = "127.0.0.1:5999";

describe("referrers by the tag schema (in-memory registry)", () => {
  it("pushes, lists, filters and dedupes referrers; signs and verifies", async () => {
    const reg = new MemoryRegistry();
    const client = new RegistryClient({ registry: HOST, insecure: true, fetch: reg.fetch, sleep: async () => undefined });
    const img = randomImage(makeRng(7), 1, 64);
    await push(client, "app", img, { tags: ["v1"] });
    const subject = { mediaType: img.manifest.mediaType, digest: img.digest.text, size: img.manifestBytes.length };
    assert.equal(await hasReferrersApi(client, "app", img.digest.text), false);
    const a = makeArtifact({ subject, artifactType: "application/vnd.in-toto+json", blobs: [{ bytes: Buffer.from('{"a":1}'), mediaType: "application/vnd.in-toto+json" }] });
    const b = makeArtifact({ subject, artifactType: "application/spdx+json", blobs: [{ bytes: Buffer.from('{"b":2}'), mediaType: "application/spdx+json" }] });
    assert.deepEqual(await pushReferrer(client, "app", a), { digest: a.digest.text, via: "tag", fallbackTag: fallbackTag(img.digest.text) });
    await pushReferrer(client, "app", b);
    await pushReferrer(client, "app", a);
    const idx = parseIndex((await client.getManifest("app", fallbackTag(img.digest.text))).bytes);
    assert.deepEqual(idx.manifests.map((m) => m.digest).sort(), [a.digest.text, b.digest.text].sort());
    const spdx = await listReferrers(client, "app", img.digest.text, { artifactType: "application/spdx+json" });
    assert.deepEqual(spdx, { via: "tag", referrers: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: b.digest.text, size: b.manifestBytes.length, artifactType: "application/spdx+json" }] });
    assert.equal(Buffer.from((await fetchArtifactBlob(client, "app", b.digest.text)).bytes).toString(), '{"b":2}');
    assert.deepEqual((await listReferrers(client, "app", sha256("none").text)).referrers, []);
    await assert.rejects(listReferrers(client, "app", img.digest.text, { mode: "api" }), /no referrers API/);

    const ref = parseImageRef(`${HOST}/app:v1`)!;
    const k1 = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const k2 = generateKeyPairSync("ec", { namedCurve: "P-256" });
    assert.equal((await verifyImage(client, ref, k1.publicKey)).verified, 0);
    const s1 = await signImage(client, ref, k1.privateKey);
    assert.equal(s1.digest, img.digest.text);
    assert.equal(s1.signatures, 1);
    assert.equal((await signImage(client, ref, k2.privateKey)).signatures, 2);
    assert.equal((await signImage(client, ref, k2.privateKey)).signatures, 3, "ECDSA signatures are randomized: a new one is a new layer");
    const v1 = await verifyImage(client, ref, k1.publicKey);
    assert.equal(v1.verified, 1);
    assert.equal(v1.failures.length, 2);
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" });
    assert.equal((await verifyImage(client, ref, other.publicKey)).verified, 0);
  });

  it("pushReferrers: five artifacts on two subjects at once, each fallback index lists all of its own", async () => {
    const reg = new MemoryRegistry();
    const client = new RegistryClient({ registry: HOST, insecure: true, fetch: reg.fetch, sleep: async () => undefined });
    const x = randomImage(makeRng(11), 1, 64);
    const y = randomImage(makeRng(12), 1, 64);
    await push(client, "app", x, { tags: ["x"] });
    await push(client, "app", y, { tags: ["y"] });
    const subj = (i: typeof x) => ({ mediaType: i.manifest.mediaType, digest: i.digest.text, size: i.manifestBytes.length });
    const pre = makeArtifact({ subject: subj(x), artifactType: "application/old", blobs: [{ bytes: Buffer.from("old"), mediaType: "application/old" }] });
    await pushReferrer(client, "app", pre);
    const arts = [
      ...[1, 2, 3].map((n) => makeArtifact({ subject: subj(x), artifactType: `application/x${n}`, blobs: [{ bytes: Buffer.from(`x${n}`), mediaType: `application/x${n}` }] })),
      ...[1, 2].map((n) => makeArtifact({ subject: subj(y), artifactType: `application/y${n}`, blobs: [{ bytes: Buffer.from(`y${n}`), mediaType: `application/y${n}` }] })),
    ];
    const rs = await pushReferrers(client, "app", arts);
    assert.deepEqual(rs, arts.map((a) => ({ digest: a.digest.text, via: "tag", fallbackTag: fallbackTag(a.subject.digest) })));
    const listed = async (d: string) => (await listReferrers(client, "app", d)).referrers.map((r) => r.digest);
    assert.deepEqual(await listed(x.digest.text), [pre, ...arts.slice(0, 3)].map((a) => a.digest.text), "the earlier referrer kept, the three new ones in order");
    assert.deepEqual(await listed(y.digest.text), arts.slice(3).map((a) => a.digest.text));
    for (const a of arts) assert.equal(Buffer.from((await fetchArtifactBlob(client, "app", a.digest.text)).bytes).toString(), a.manifest.artifactType!.slice("application/".length));
    assert.deepEqual(await pushReferrers(client, "app", []), []);
  });
});
