/**
 * Image assembly without a compiler (ko's injected build step): a fake
 * compile writes a known file; the builder's layers, config, labels,
 * history and determinism are checked on a random base image. Plus package
 * resolution (cgo refusal, several mains) on the bundled examples and the
 * ldflags templates.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { scanProject } from "../goproject/scan-project.js";
import { makeIndex, type Image } from "../oci/image.js";
import { readTar } from "../oci/tar-read.js";
import { validateImage } from "../oci/validate.js";
import { randomImage } from "../../test/oci/random-image.js";
import { makeRng } from "../../test/support/random.js";
import { ROOT } from "../../test/support/paths.js";
import { goBuilder } from "./builder.js";
import type { Compile, CompileRequest } from "./go-compile.js";
import { goBuildArgs, goBuildEnv } from "./go-compile.js";
import { expandTemplate, TemplateError } from "./ldflags-template.js";
import { validateBuildOptions } from "./options.js";
import { CgoRequiredError, resolvePackages } from "./resolve-packages.js";

const pkg = { importPath: "example.com/m/cmd/svc", dir: "cmd/svc", binaryName: "svc", underCmd: true, versionSymbol: "main.version" };

function fakeCompile(seen: CompileRequest[]): Compile {
  return async (req) => {
    seen.push(req);
    writeFileSync(req.out, `binary for ${req.platform.architecture} ${req.ldflags.join(" ")}`);
  };
}

async function layerEntries(img: Image, i: number) {
  const l = img.manifest.layers[i]!;
  return readTar(gunzipSync(await img.blob(l.digest)));
}

describe("goBuilder", () => {
  const rng = makeRng(11);
  const base = makeIndex([randomImage(rng, 1, 64), randomImage(rng, 1, 64, "arm64")]);

  it("adds the data layer and the binary layer, with config, labels and history from the epoch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-builder-"));
    try {
      mkdirSync(join(dir, "cmd", "svc", "kodata", "www"), { recursive: true });
      writeFileSync(join(dir, "cmd", "svc", "kodata", "www", "index.html"), "<p>hi</p>");
      const opts = validateBuildOptions({ dir, platform: "linux/amd64,linux/arm64", base: "127.0.0.1:5000/base:1", version: "v{{.Git.ShortCommit}}", env: { SOURCE_DATE_EPOCH: "1700000000" } });
      const seen: CompileRequest[] = [];
      const b = goBuilder(opts, { compile: fakeCompile(seen), base, git: { commit: "0123456789abcdef", remote: "https://git.example/m" } });
      const r = await b.build(pkg);
      assert.equal(r.image.kind, "index");
      assert.deepEqual((await validateImage(r.image)).problems, []);
      assert.deepEqual(seen.map((s) => [s.pkg, s.platform.architecture, s.ldflags.join(" ")]), [
        ["./cmd/svc", "amd64", "-s -w -X main.version=v0123456"],
        ["./cmd/svc", "arm64", "-s -w -X main.version=v0123456"],
      ]);
      const img = (r.image as { images: readonly Image[] }).images[0]!;
      assert.equal(img.manifest.layers.length, 3);
      const data = await layerEntries(img, 1);
      assert.deepEqual(data.map((e) => e.path), ["usr/", "usr/share/", "usr/share/goship/", "usr/share/goship/www/", "usr/share/goship/www/index.html"]);
      const bin = await layerEntries(img, 2);
      assert.deepEqual(bin.map((e) => [e.path, e.mode, e.uid, e.mtime]), [
        ["usr/", 0o755, 0, 1700000000],
        ["usr/local/", 0o755, 0, 1700000000],
        ["usr/local/bin/", 0o755, 0, 1700000000],
        ["usr/local/bin/svc", 0o755, 0, 1700000000],
      ]);
      const c = img.config;
      assert.equal(c.created, "2023-11-14T22:13:20Z");
      assert.equal(c.config?.User, "65532:65532");
      assert.deepEqual(c.config?.Entrypoint, ["/usr/local/bin/svc"]);
      assert.ok(c.config?.Env?.includes("GOSHIP_DATA_PATH=/usr/share/goship"));
      assert.deepEqual(c.config?.Labels, {
        "org.opencontainers.image.created": "2023-11-14T22:13:20Z",
        "org.opencontainers.image.base.name": "127.0.0.1:5000/base:1",
        "org.opencontainers.image.base.digest": base.images[0]!.digest.text,
        "org.opencontainers.image.source": "https://git.example/m",
        "org.opencontainers.image.revision": "0123456789abcdef",
        "org.opencontainers.image.version": "v0123456",
      });
      assert.deepEqual(c.history?.map((h) => h.created), [undefined, "2023-11-14T22:13:20Z", "2023-11-14T22:13:20Z"]);
      // Same inputs, same digest.
      const again = await goBuilder(opts, { compile: fakeCompile([]), base, git: { commit: "0123456789abcdef", remote: "https://git.example/m" } }).build(pkg);
      assert.equal(again.image.digest.text, r.image.digest.text);
      // Another epoch, another digest.
      const later = validateBuildOptions({ dir, platform: "linux/amd64,linux/arm64", base: "127.0.0.1:5000/base:1", version: "v{{.Git.ShortCommit}}", env: { SOURCE_DATE_EPOCH: "1700000001" } });
      const other = await goBuilder(later, { compile: fakeCompile([]), base, git: { commit: "0123456789abcdef", remote: "https://git.example/m" } }).build(pkg);
      assert.notEqual(other.image.digest.text, r.image.digest.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives a single image for one platform and refuses a platform the base lacks", async () => {
    const opts = validateBuildOptions({ dir: "/nonexistent", platform: "linux/arm64", base: "b.example/x", env: {} });
    const r = await goBuilder(opts, { compile: fakeCompile([]), base, git: {} }).build(pkg);
    assert.equal(r.image.kind, "image");
    assert.equal((r.image as Image).config.architecture, "arm64");
    const s390 = validateBuildOptions({ dir: "/nonexistent", platform: "linux/s390x", base: "b.example/x", env: {} });
    await assert.rejects(goBuilder(s390, { compile: fakeCompile([]), base, git: {} }).build(pkg), /no linux\/s390x variant/);
  });
});

describe("goBuilder with the base still on its way", () => {
  const rng = makeRng(12);
  const base = makeIndex([randomImage(rng, 1, 64)]);

  it("runs go build before the base pull ends, and assembles once it does", async () => {
    let release!: (b: typeof base) => void;
    const pending = new Promise<typeof base>((r) => (release = r));
    const seen: CompileRequest[] = [];
    const opts = validateBuildOptions({ dir: "/nonexistent", platform: "linux/amd64", base: "b.example/x", env: {} });
    const built = goBuilder(opts, { compile: fakeCompile(seen), base: pending, git: {} }).build(pkg);
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(seen.length, 1, "compiled while the pull is pending");
    release(base);
    const r = await built;
    assert.equal(r.image.kind, "image");
    assert.equal((r.image as Image).manifest.layers.length, 2);
  });

  it("fails as soon as the pull fails, without waiting for go build", async () => {
    const opts = validateBuildOptions({ dir: "/nonexistent", platform: "linux/amd64", base: "b.example/x", env: {} });
    const never: Compile = () => new Promise(() => undefined);
    const failed = Promise.reject(new Error("registry unreachable"));
    await assert.rejects(goBuilder(opts, { compile: never, base: failed, git: {} }).build(pkg), /registry unreachable/);
  });
});

describe("build options and packages", () => {
  it("validates flags before any I/O", () => {
    assert.throws(() => validateBuildOptions({ dir: ".", platform: "linux/sparc", env: {} }), /unknown platform/);
    assert.throws(() => validateBuildOptions({ dir: ".", base: "Not A Ref", env: {} }), /not an image reference/);
    assert.throws(() => validateBuildOptions({ dir: ".", env: { SOURCE_DATE_EPOCH: "yesterday" } }), /SOURCE_DATE_EPOCH/);
    assert.equal(validateBuildOptions({ dir: ".", env: {} }).epoch, 0);
  });

  it("refuses cgo modules, points to goship init, and resolves named mains", async () => {
    await assert.rejects(async () => resolvePackages(await scanProject(join(ROOT, "examples", "cgo")), []), (e: unknown) => e instanceof CgoRequiredError && /goship init --profile debian-slim/.test((e as Error).message));
    const multi = await scanProject(join(ROOT, "examples", "multi"));
    assert.throws(() => resolvePackages(multi, []), /2 main packages/);
    assert.deepEqual(resolvePackages(multi, ["./cmd/api"]).map((p) => p.binaryName), ["api"]);
    assert.throws(() => resolvePackages(multi, ["./internal"]), /not a main package/);
  });

  it("runs go build with -trimpath, CGO_ENABLED=0 and the target", () => {
    const req: CompileRequest = { dir: "/m", pkg: "./cmd/x", platform: { os: "linux", architecture: "arm", variant: "v7" }, out: "/o/x", ldflags: ["-s", "-w"], tags: ["netgo"], env: { PATH: "/bin", CGO_ENABLED: "1" } };
    assert.deepEqual(goBuildArgs(req), ["build", "-trimpath", "-ldflags=-s -w", "-tags=netgo", "-o", "/o/x", "./cmd/x"]);
    assert.deepEqual(goBuildEnv(req), { PATH: "/bin", CGO_ENABLED: "0", GOOS: "linux", GOARCH: "arm", GOARM: "7" });
  });

  it("expands ldflags templates and fails on a missing key", () => {
    const d = { git: { commit: "abcdef0123" }, date: "1970-01-01T00:00:00Z", env: { X: "1" }, target: { os: "linux", arch: "amd64" } };
    assert.equal(expandTemplate("-X main.c={{.Git.ShortCommit}} -X main.x={{ .Env.X }} -X main.d={{.Date}}", d), "-X main.c=abcdef0 -X main.x=1 -X main.d=1970-01-01T00:00:00Z");
    assert.throws(() => expandTemplate("{{.Git.Tag}}", d), TemplateError);
    assert.throws(() => expandTemplate("{{.Env.NOPE}}", d), /no value/);
  });
});
