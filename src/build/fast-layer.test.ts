/**
 * The parallel gzip of goship build's layers: any input size (empty, one
 * piece, several pieces, a piece boundary exactly) gunzips back to the
 * input with node:zlib and with the system's gzip (a reader that checks
 * CRC-32 and size); the bytes are a pure function of the input; the
 * header is fixed; and the layer's digest and diff_id are the sha256 of
 * the compressed and the raw bytes.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { GZIP_PIECE, gzipLayer, parallelGzip } from "./fast-layer.js";

function sample(n: number): Buffer {
  // Half random, half repetitive, like a binary: compressible but not trivially.
  const b = Buffer.alloc(n);
  const r = randomBytes(Math.ceil(n / 2));
  r.copy(b, 0);
  for (let i = r.length; i < n; i++) b[i] = i % 251;
  return b;
}

describe("parallelGzip", () => {
  for (const n of [0, 1, 1000, GZIP_PIECE - 1, GZIP_PIECE, GZIP_PIECE + 1, 3 * GZIP_PIECE + 12345]) {
    it(`round-trips ${n} bytes through node:zlib and gzip -t/-d`, async () => {
      const data = sample(n);
      const gz = await parallelGzip(data);
      assert.ok(gunzipSync(gz).equals(data));
      execFileSync("gzip", ["-t"], { input: gz });
      assert.ok(execFileSync("gzip", ["-dc"], { input: gz, maxBuffer: 1 << 26 }).equals(data));
      assert.deepEqual([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 255]);
      assert.ok((await parallelGzip(data)).equals(gz), "same bytes every time");
    });
  }

  it("does not depend on how the work is scheduled: pieces are fixed", async () => {
    const data = sample(5 * GZIP_PIECE);
    const [a, b] = await Promise.all([parallelGzip(data), parallelGzip(data)]);
    assert.ok(a.equals(b));
    assert.notDeepEqual(await parallelGzip(data, 1, GZIP_PIECE / 2), a, "the piece size is part of the format");
  });

  it("makes a layer whose digest and diff_id are the sha256 of the gzip and the tar", async () => {
    const tar = sample(2 * GZIP_PIECE + 7);
    const l = await gzipLayer(tar);
    assert.equal(l.diffId, `sha256:${createHash("sha256").update(tar).digest("hex")}`);
    assert.equal(l.descriptor.digest, `sha256:${createHash("sha256").update(l.compressed).digest("hex")}`);
    assert.equal(l.descriptor.size, l.compressed.length);
    assert.equal(l.uncompressedSize, tar.length);
    assert.equal(l.descriptor.mediaType, "application/vnd.oci.image.layer.v1.tar+gzip");
  });
});
