/**
 * `goship sbom` end to end, in-process: a binary to stdout (SPDX) and to a
 * file (CycloneDX, atomic); a folder of binaries; an OCI image layout built
 * here from real Go binaries in two layers, the second deleting a file of the
 * first with a whiteout (the deleted binary must not be listed); the base
 * image read from the image's annotations; user errors (not a Go binary,
 * missing path, unreachable registry, bad flag) exit 2 with one line, no
 * stack trace and no output file; --help shows examples.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sha256 } from "../../src/oci/digest.js";
import { encodeJson } from "../../src/oci/manifest.js";
import { imageFromRaw } from "../../src/oci/image.js";
import { layerFromTar } from "../../src/oci/layer.js";
import { MediaType } from "../../src/oci/media-type.js";
import { appendLayers } from "../../src/oci/mutate.js";
import { writeTar } from "../../src/oci/tar.js";
import { writeLayout } from "../../src/oci/layout/write-layout.js";
import { freePort } from "../lab/free-port.js";
import { goship } from "../support/cli.js";
import { buildPrograms, cleanupPrograms, type BuiltProgram } from "./go-programs.js";
import { cycloneDxErrors, spdxErrors } from "./schemas.js";

describe("goship sbom", () => {
  let programs: BuiltProgram[];
  let work: string;
  const bin = (n: string) => programs.find((p) => p.name === n)!.file;
  before(() => {
    ({ programs } = buildPrograms());
    work = mkdtempSync(join(tmpdir(), "goship-sbom-cli-"));
  });
  after(() => {
    cleanupPrograms();
    rmSync(work, { recursive: true, force: true });
  });

  it("writes SPDX for a binary to stdout, CycloneDX to a file with -o", async () => {
    const r = await goship(["sbom", bin("greeter")], { cwd: work });
    assert.equal(r.code, 0, r.stderr);
    const spdx = JSON.parse(r.stdout) as { spdxVersion: string; packages: { name: string }[] };
    assert.equal(spdx.spdxVersion, "SPDX-2.3");
    assert.deepEqual(spdxErrors(spdx), []);
    assert.ok(spdx.packages.some((p) => p.name === "github.com/google/uuid"));
    const again = await goship(["sbom", bin("greeter")], { cwd: work });
    assert.equal(again.stdout, r.stdout, "same binary, same bytes");

    const w = await goship(["sbom", "--format", "cyclonedx", "-o", "out/greeter.cdx.json", bin("greeter")], { cwd: work, env: { SOURCE_DATE_EPOCH: "1767225600" } }).catch((e: unknown) => ({ code: -1, stdout: "", stderr: String(e) }));
    assert.equal(w.code, 2, "the output folder does not exist: an input error");
    assert.match(w.stderr, /out\/greeter\.cdx\.json: cannot write: ENOENT/);
    mkdirSync(join(work, "out"));
    const ok = await goship(["sbom", "--format", "cyclonedx", "-o", "out/greeter.cdx.json", bin("greeter")], { cwd: work, env: { SOURCE_DATE_EPOCH: "1767225600" } });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, "");
    assert.deepEqual(readdirSync(join(work, "out")), ["greeter.cdx.json"], "no temp file left");
    const cdx = JSON.parse(readFileSync(join(work, "out", "greeter.cdx.json"), "utf8")) as { specVersion: string; metadata: { timestamp: string } };
    assert.equal(cdx.specVersion, "1.6");
    assert.equal(cdx.metadata.timestamp, "2026-01-01T00:00:00.000Z");
    assert.deepEqual(cycloneDxErrors(cdx), []);
  });

  it("covers every Go binary of a folder, skipping other files", async () => {
    const dir = join(work, "bins");
    mkdirSync(join(dir, "sub"), { recursive: true });
    copyFileSync(bin("greeter"), join(dir, "greeter"));
    copyFileSync(bin("multi-worker"), join(dir, "sub", "worker"));
    writeFileSync(join(dir, "README"), "not a binary\n");
    copyFileSync("/bin/sh", join(dir, "sh"));
    const r = await goship(["sbom", "--format", "cyclonedx", "bins"], { cwd: work });
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as { components: { type: string; properties?: { name: string; value: string }[] }[] };
    const files = c.components.filter((x) => x.type === "application").map((x) => x.properties?.find((p) => p.name === "goship:file")?.value);
    assert.deepEqual(files, ["greeter", "sub/worker"]);
    assert.deepEqual(cycloneDxErrors(c), []);
  });

  it("reads an OCI layout: layers flattened with whiteouts, base image from the annotations", async () => {
    const cfg = encodeJson({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] }, config: {} });
    const man = encodeJson({ schemaVersion: 2, mediaType: MediaType.OciManifest, config: { mediaType: MediaType.OciConfig, digest: sha256(cfg).text, size: cfg.length }, layers: [] });
    const empty = imageFromRaw(man, cfg, (d) => (d === sha256(cfg).text ? Promise.resolve(cfg) : Promise.reject(new Error(d))));
    const file = (path: string, data: Uint8Array) => ({ path, type: "file" as const, mode: 0o755, data });
    const l1 = layerFromTar(writeTar([{ path: "usr", type: "dir", mode: 0o755 }, { path: "usr/bin", type: "dir", mode: 0o755 }, file("usr/bin/worker", readFileSync(bin("multi-worker"))), file("usr/bin/api", readFileSync(bin("multi-api"))), file("etc-passwd", Buffer.from("root:x:0:0::/:/bin/sh\n"))], { mtime: 0 }));
    const l2 = layerFromTar(writeTar([{ path: "usr/bin/.wh.worker", type: "file", mode: 0o644, data: new Uint8Array(0) }, file("usr/local/bin/greeter", readFileSync(bin("greeter-trimpath-static")))], { mtime: 0 }));
    const baseDigest = `sha256:${"12".repeat(32)}`;
    const img = appendLayers(empty, [{ layer: l1, history: {} }, { layer: l2, history: {} }], { editConfig: (c) => c, annotations: { "org.opencontainers.image.base.name": "example.test/static:nonroot", "org.opencontainers.image.base.digest": baseDigest } });
    const layout = join(work, "layout");
    await writeLayout(layout, img, "v1");
    for (const format of ["spdx", "cyclonedx"]) {
      const r = await goship(["sbom", "--format", format, "layout"], { cwd: work });
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(format === "spdx" ? spdxErrors(doc) : cycloneDxErrors(doc), []);
      const text = r.stdout;
      assert.ok(text.includes("/usr/bin/api") && text.includes("/usr/local/bin/greeter"));
      assert.ok(!text.includes("/usr/bin/worker"), "the whiteout deleted the worker");
      assert.ok(text.includes("example.test/static:nonroot") && text.includes(baseDigest), "base image from the annotations");
      assert.ok(text.includes(img.digest.text), "the image digest");
    }
    const named = await goship(["sbom", "layout:v1"], { cwd: work });
    assert.equal(named.code, 0, named.stderr);
    const missing = await goship(["sbom", "layout:nope"], { cwd: work });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no image named nope/);
  });

  it("user errors: exit 2, one line naming the input, no stack trace, no output file", async () => {
    writeFileSync(join(work, "notes.txt"), "hello, not a program at all\n");
    const port = await freePort();
    const cases: [string[], RegExp][] = [
      [["sbom", "notes.txt", "-o", "x.json"], /notes\.txt: could not read Go build info: unrecognized file format/],
      [["sbom", "/bin/sh", "-o", "x.json"], /\/bin\/sh: could not read Go build info: not a Go executable/],
      [["sbom", "nothing-here", "-o", "x.json"], /nothing-here: no such file or folder, and not an image reference/],
      [["sbom", "--insecure-registry", `127.0.0.1:${port}`, `127.0.0.1:${port}/goship/greeter:v1`, "-o", "x.json"], new RegExp(`127\\.0\\.0\\.1:${port}`)],
      [["sbom", "--format", "swid", bin("greeter")], /swid/],
    ];
    for (const [args, re] of cases) {
      const t0 = Date.now();
      const r = await goship(args, { cwd: work });
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
      assert.equal(r.stdout, "");
      assert.ok(!existsSync(join(work, "x.json")), "no partial output");
      console.log(`${args.slice(1).join(" ")} -> exit 2 in ${Date.now() - t0} ms: ${r.stderr.trim()}`);
    }
  });

  it("--help explains the targets with examples", async () => {
    const r = await goship(["sbom", "--help"], { cwd: work });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Examples:/);
    assert.match(r.stdout, /--format/);
    assert.match(r.stdout, /OCI layout/);
  });
});
