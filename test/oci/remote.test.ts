/**
 * The registry client against an in-memory registry: a push through 20%
 * injected 500s and connection resets completes and pulls back identical
 * and valid; a push cut in the middle leaves the old tag untouched; bearer
 * token auth with basic credentials; bad credentials fail clearly; large
 * blobs go up in chunks; blobs are mounted across repositories and skipped
 * when present; platform selection on an index.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeIndex } from "../../src/oci/image.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { RegistryClient } from "../../src/oci/remote/registry-client.js";
import { pull, selectPlatform } from "../../src/oci/remote/pull.js";
import { push } from "../../src/oci/remote/push.js";
import { RegistryError } from "../../src/oci/remote/transport.js";
import { validateImage } from "../../src/oci/validate.js";
import { makeRng, rngFromEnv } from "../support/random.js";
import { MemoryRegistry, type MemoryRegistryOptions } from "./memory-registry.js";
import { randomImage } from "./random-image.js";

const HOST = "127.0.0.1:5999";

function client(reg: MemoryRegistry, extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}): RegistryClient {
  return new RegistryClient({ registry: HOST, insecure: true, fetch: reg.fetch, sleep: async () => undefined, retries: 8, ...extra });
}

const ref = (s: string) => parseImageRef(`${HOST}/${s}`)!;

describe("registry client", () => {
  it("pushes through 20% injected 500s and resets; the image pulls back identical and valid", async () => {
    const rng = rngFromEnv();
    console.log(`seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
    const faults = makeRng(rng.seed ^ 0x5eed);
    let injected = 0;
    const reg = new MemoryRegistry({
      fault: () => {
        const x = faults.next();
        if (x < 0.1) return injected++, "500";
        if (x < 0.2) return injected++, "reset";
        return undefined;
      },
    });
    const idx = makeIndex([randomImage(rng, 3, 3000), randomImage(rng, 2, 70_000, "arm64")]);
    const r = await push(client(reg), "team/app", idx, { tags: ["v1"], chunkSize: 16_384 });
    assert.equal(r.digest, idx.digest.text);
    const back = await pull(client(reg), ref("team/app:v1"));
    assert.equal(back.digest.text, idx.digest.text);
    assert.deepEqual((await validateImage(back)).problems, []);
    assert.ok(injected > 0, "some faults were injected");
    console.log(`${reg.log.length} requests, ${injected} faults injected`);
    assert.ok(reg.log.some((l) => l.startsWith("PATCH")), "chunked upload used");
  });

  it("moves the tag last: a push cut in the middle leaves the old tag where it was", async () => {
    const rng = makeRng(7);
    const old = randomImage(rng, 1, 100);
    const next = makeIndex([randomImage(rng, 2, 500), randomImage(rng, 2, 500, "arm64")]);
    // Count the requests of a full push, then cut one short of the tag PUT at every point.
    const probe = new MemoryRegistry();
    await push(client(probe), "team/app", next, { tags: ["latest"] });
    const total = probe.log.length;
    assert.match(probe.log.at(-1)!, /^PUT \/v2\/team\/app\/manifests\/latest$/);
    for (let cut = 1; cut < total; cut += 3) {
      const limit = { from: Infinity };
      const reg2 = new MemoryRegistry({ fault: (_m, _p, n) => (n >= limit.from ? "reset" : undefined) });
      await push(client(reg2), "team/app", old, { tags: ["latest"] });
      limit.from = reg2.log.length + cut;
      await assert.rejects(push(client(reg2, { retries: 1 }), "team/app", next, { tags: ["latest"] }), RegistryError);
      limit.from = Infinity;
      const tagged = await client(reg2).getManifest("team/app", "latest");
      assert.equal(tagged.digest, old.digest.text, `cut after ${cut} requests moved the tag`);
    }
  });

  it("speaks the bearer token flow with basic credentials, and fails clearly on bad ones", async () => {
    const reg = new MemoryRegistry({ auth: { username: "u", password: "p" } });
    const img = randomImage(makeRng(3), 1, 100);
    await push(client(reg, { credential: { username: "u", password: "p" } }), "a/b", img, { tags: ["t"] });
    const back = await pull(client(reg, { credential: { username: "u", password: "p" } }), ref("a/b:t"));
    assert.equal(back.digest.text, img.digest.text);
    await assert.rejects(pull(client(reg, { credential: { username: "u", password: "wrong" } }), ref("a/b:t")), (e: unknown) => e instanceof RegistryError && e.code === "UNAUTHORIZED" && /authentication failed/.test(e.message));
    await assert.rejects(pull(client(reg), ref("a/b:t")), (e: unknown) => e instanceof RegistryError && e.code === "UNAUTHORIZED");
  });

  it("mounts blobs from the image's origin and skips blobs already there", async () => {
    const reg = new MemoryRegistry();
    const img = randomImage(makeRng(4), 2, 1000);
    await push(client(reg), "base/img", img, { tags: ["1"] });
    const pulled = await pull(client(reg), ref("base/img:1"));
    const r = await push(client(reg), "app/img", pulled, { tags: ["1"] });
    assert.deepEqual([r.mounted, r.uploaded, r.existed], [3, 0, 0]);
    const again = await push(client(reg), "app/img", pulled, { tags: ["2"] });
    assert.deepEqual([again.mounted, again.uploaded, again.existed], [0, 0, 3]);
  });

  it("selects a platform from an index and names what it offers when it cannot", async () => {
    const rng = makeRng(5);
    const idx = makeIndex([randomImage(rng, 1, 10), randomImage(rng, 1, 10, "arm64")]);
    assert.equal(selectPlatform(idx, { os: "linux", architecture: "arm64" }, "x").config.architecture, "arm64");
    assert.throws(() => selectPlatform(idx, { os: "linux", architecture: "s390x" }, "x"), /no linux\/s390x variant \(it offers linux\/amd64, linux\/arm64\)/);
  });

  it("refuses plain HTTP to a registry that is not on loopback", () => {
    assert.throws(() => new RegistryClient({ registry: "registry.example:5000", insecure: true }), /only allowed for a loopback registry/);
    assert.equal(new RegistryClient({ registry: "[::1]:5000", insecure: true }).transport.base, "http://[::1]:5000");
    assert.equal(new RegistryClient({ registry: "registry.example" }).transport.base, "https://registry.example");
  });
});
