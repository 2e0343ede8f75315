/** Artifact manifests with a subject and the referrers tag-schema index. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sha256 } from "../digest.js";
import { parseIndex } from "../manifest.js";
import { addToReferrersIndex, EMPTY_CONFIG, fallbackTag, filterReferrers, makeArtifact, referrerDescriptor } from "./artifact.js";

const subject = { mediaType: "application/vnd.oci.image.index.v1+json", digest: sha256("idx").text, size: 123, platform: { os: "linux", architecture: "amd64" } };

describe("referrer artifacts", () => {
  it("is an OCI 1.1 image manifest: artifactType, empty config, subject without extra fields", () => {
    const a = makeArtifact({ subject, artifactType: "application/vnd.in-toto+json", blobs: [{ bytes: Buffer.from("{}x"), mediaType: "application/vnd.in-toto+json" }], annotations: { k: "v" } });
    const m = JSON.parse(Buffer.from(a.manifestBytes).toString());
    assert.equal(m.mediaType, "application/vnd.oci.image.manifest.v1+json");
    assert.equal(m.artifactType, "application/vnd.in-toto+json");
    assert.deepEqual(m.config, { mediaType: "application/vnd.oci.empty.v1+json", digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", size: 2 });
    assert.equal(EMPTY_CONFIG.digest, sha256("{}").text);
    assert.deepEqual(m.subject, { mediaType: subject.mediaType, digest: subject.digest, size: 123 });
    assert.equal(a.blobs.get(m.layers[0].digest)?.length, 3);
    const d = referrerDescriptor(a);
    assert.equal(d.artifactType, "application/vnd.in-toto+json");
    assert.deepEqual(d.annotations, { k: "v" });
    assert.equal(d.digest, a.digest.text);
  });

  it("tag schema: sha256-<hex>, the index grows by one and never lists a digest twice", () => {
    assert.equal(fallbackTag(subject.digest), `sha256-${subject.digest.slice(7)}`);
    const mk = (t: string) => referrerDescriptor(makeArtifact({ subject, artifactType: t, blobs: [{ bytes: Buffer.from(t), mediaType: t }] }));
    const one = addToReferrersIndex(null, mk("a/x"));
    const two = addToReferrersIndex(one.bytes, mk("b/y"));
    const again = addToReferrersIndex(two.bytes, mk("a/x"));
    assert.equal(parseIndex(two.bytes).manifests.length, 2);
    assert.equal(parseIndex(again.bytes).manifests.length, 2);
    assert.deepEqual(filterReferrers(again.index.manifests, "b/y").map((x) => x.artifactType), ["b/y"]);
    assert.throws(() => makeArtifact({ subject, artifactType: "x", blobs: [] }), /at least one blob/);
  });
});
