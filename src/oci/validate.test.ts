import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { randomImage } from "../../test/oci/random-image.js";
import { makeRng } from "../../test/support/random.js";
import { imageFromRaw, makeIndex } from "./image.js";
import { validateImage } from "./validate.js";

describe("validateImage", () => {
  it("accepts a sound image and index", async () => {
    const rng = makeRng(1);
    const idx = makeIndex([randomImage(rng, 2, 100), randomImage(rng, 1, 100, "arm64")]);
    const r = await validateImage(idx);
    assert.deepEqual(r.problems, []);
    assert.equal(r.blobsChecked, 5);
  });

  it("names a tampered layer, a wrong size and a wrong diff_id", async () => {
    const img = randomImage(makeRng(2), 2, 100);
    const l0 = img.manifest.layers[0]!.digest;
    const tampered = imageFromRaw(img.manifestBytes, img.configBytes, async (d) => {
      const b = Buffer.from(await img.blob(d));
      if (d === l0) b.writeUInt8(b.readUInt8(b.length - 1) ^ 1, b.length - 1);
      return b;
    });
    assert.match((await validateImage(tampered)).problems.join("\n"), /layer 0 digest mismatch/);
    const m = JSON.parse(Buffer.from(img.manifestBytes).toString()) as { layers: { size: number }[] };
    m.layers[1]!.size += 1;
    const resized = imageFromRaw(Buffer.from(JSON.stringify(m)), img.configBytes, img.blob);
    assert.match((await validateImage(resized)).problems.join("\n"), /layer 1 size/);
    const c = JSON.parse(Buffer.from(img.configBytes).toString()) as { rootfs: { diff_ids: string[] } };
    c.rootfs.diff_ids.reverse();
    const cb = Buffer.from(JSON.stringify(c));
    const wrongDiff = imageFromRaw(img.manifestBytes, cb, async (d) => (d === img.manifest.config.digest ? cb : img.blob(d)));
    assert.match((await validateImage(wrongDiff)).problems.join("\n"), /config digest mismatch[\s\S]*diff_id/);
  });
});
