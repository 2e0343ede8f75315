/**
 * Proves `goship build` with the build lab (test/lab): greeter is built for
 * linux/amd64 and linux/arm64 on a two-platform stand-in of
 * gcr.io/distroless/static-debian12:nonroot and pushed to the lab registry;
 * everything pushed is pulled back and every digest, size and diff_id is
 * recomputed (validateImage); the amd64 image runs under runc, answers
 * HTTP 200 and runs as UID 65532; the arm64 binary is an aarch64 ELF;
 * two builds from two copies of the example in different folders give the
 * same index digest; the OCI layout and docker-load tarball outputs hold the
 * same image, and the tarball runs too. GOSHIP_SKIP_LAB=1 skips it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { layoutPublisher, multiPublisher, registryPublisher, runBuild, tarballPublisher, validateBuildOptions, type BuildRun } from "../../src/build/index.js";
import { encodeJson } from "../../src/oci/manifest.js";
import { imageFromRaw, makeIndex, type Image, type ImageIndexValue } from "../../src/oci/image.js";
import { parseConfig } from "../../src/oci/config.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { clientFor } from "../../src/oci/remote/client-for.js";
import { pull } from "../../src/oci/remote/pull.js";
import { push } from "../../src/oci/remote/push.js";
import { readTar } from "../../src/oci/tar-read.js";
import { validateImage } from "../../src/oci/validate.js";
import { run } from "../../src/cli/main.js";
import { freePort } from "../lab/free-port.js";
import { labUnavailable, startLab, type Lab } from "../lab/index.js";
import { GO_TOOLS, ensureGoTool } from "../support/go-tools.js";
import { ROOT } from "../support/paths.js";
import { rngFromEnv } from "../support/random.js";
import { startFaultProxy } from "./fault-proxy.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped" : false;
const GREETER = join(ROOT, "examples", "greeter");
const EM_AARCH64 = 183;
const EM_X86_64 = 62;
const CRANE_VERSION = GO_TOOLS.crane.version;

function ensureCrane(): string {
  return ensureGoTool(GO_TOOLS.crane);
}

function copyExample(): string {
  const d = mkdtempSync(join(tmpdir(), "goship-greeter-copy-"));
  cpSync(GREETER, d, { recursive: true });
  return d;
}

/** The file at `path` in the image's last layer (the binary layer). */
async function binaryOf(img: Image, path: string): Promise<Uint8Array> {
  const last = img.manifest.layers[img.manifest.layers.length - 1];
  assert.ok(last);
  const entries = readTar(gunzipSync(await img.blob(last.digest)));
  const e = entries.find((x) => x.path === path);
  assert.ok(e, `no ${path} in the binary layer (has ${entries.map((x) => x.path).join(", ")})`);
  assert.equal(e.uid, 0);
  assert.equal(e.mode, 0o755);
  assert.equal(e.mtime, 0);
  return e.data;
}

function elfMachine(bin: Uint8Array): number {
  assert.deepEqual([...bin.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], "not an ELF file");
  return Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength).readUInt16LE(18);
}

describe("goship build with the build lab", { skip: SKIP }, () => {
  let lab: Lab;
  let baseRef: string;
  let baseAmdDigest: string;
  const dirs: string[] = [];
  const runs: BuildRun[] = [];
  const copies: string[] = [];

  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    lab = await startLab({ buildkit: false });
    // The lab's stand-ins are host-architecture images. The static one holds
    // no binaries (certs, tzdata, passwd), so an arm64 variant is the same
    // layers with another config: push both as one index, as the real base is.
    const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
    const single = await pull(client, parseImageRef(lab.registry.ref("distroless/static-debian12:nonroot"))!);
    assert.equal(single.kind, "image");
    const amd = single as Image;
    baseAmdDigest = amd.digest.text;
    const armCfg = encodeJson({ ...parseConfig(amd.configBytes), architecture: "arm64", variant: "v8" });
    const { sha256 } = await import("../../src/oci/digest.js");
    const armManifest = encodeJson({ ...amd.manifest, config: { ...amd.manifest.config, digest: sha256(armCfg).text, size: armCfg.length } });
    const arm = imageFromRaw(armManifest, armCfg, (d) => (d === sha256(armCfg).text ? Promise.resolve(armCfg) : amd.blob(d)), amd.origin);
    const index: ImageIndexValue = makeIndex([amd, arm]);
    await push(client, "goship-test/static-debian12", index, { tags: ["nonroot"] });
    baseRef = lab.registry.ref("goship-test/static-debian12:nonroot");
  });

  after(async () => {
    await lab?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function buildCopy(tag: string, out?: { layout?: string; tarball?: string }): Promise<BuildRun> {
    const dir = copyExample();
    dirs.push(dir);
    copies.push(dir);
    const opts = validateBuildOptions({
      dir,
      platform: "linux/amd64,linux/arm64",
      base: baseRef,
      insecureRegistries: [lab.registry.address],
      env: { ...process.env, SOURCE_DATE_EPOCH: "" },
    });
    const pubs = [registryPublisher({ repo: lab.registry.ref("goship"), tags: [tag], insecureRegistries: [lab.registry.address], chunkSize: 1 << 20 })];
    if (out?.layout) pubs.push(layoutPublisher(out.layout, tag));
    if (out?.tarball) pubs.push(tarballPublisher(out.tarball, lab.registry.ref("goship"), tag));
    const t0 = Date.now();
    const r = await runBuild(opts, multiPublisher(pubs), { git: {} });
    const first = r.results[0]!;
    console.log(`build ${tag} from ${dir}: ${Date.now() - t0} ms; ${first.timings.map((t) => `${t.platform} go build ${t.compileMs} ms, image ${t.assembleMs} ms, binary ${t.binaryBytes} B`).join("; ")}; push ${first.publishMs} ms (${JSON.stringify(first.published.push)})`);
    runs.push(r);
    return r;
  }

  it("builds greeter for amd64 and arm64, pushes an index whose every blob validates", async () => {
    const out = mkdtempSync(join(tmpdir(), "goship-build-out-"));
    dirs.push(out);
    const r = await buildCopy("t1", { layout: join(out, "layout"), tarball: join(out, "greeter.tar") });
    const res = r.results[0]!;
    assert.equal(res.image.kind, "index");
    const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
    const pulled = await pull(client, parseImageRef(lab.registry.ref("goship/greeter:t1"))!);
    assert.equal(pulled.digest.text, res.image.digest.text, "the tag names what was pushed");
    const report = await validateImage(pulled);
    assert.deepEqual(report.problems, []);
    assert.equal(report.blobsChecked, 2 * (1 + 2)); // config + base layer + binary layer, per platform
    const sizes = (pulled as ImageIndexValue).images.map((img) => `${img.config.architecture} ${img.manifest.layers.reduce((n, l) => n + l.size, img.manifest.config.size)} B compressed in ${img.manifest.layers.length} layers (binary layer ${img.manifest.layers.at(-1)!.size} B)`);
    console.log(`index ${pulled.digest.text}: ${report.blobsChecked} blobs checked (${report.bytesChecked} B); ${sizes.join("; ")}`);
    const images = (pulled as ImageIndexValue).images;
    const platforms = (pulled as ImageIndexValue).manifest.manifests.map((d) => `${d.platform?.os}/${d.platform?.architecture}`);
    assert.deepEqual(platforms, ["linux/amd64", "linux/arm64"]);
    const amd = images[0]!;
    const cfg = amd.config.config!;
    assert.equal(cfg.User, "65532:65532");
    assert.deepEqual(cfg.Entrypoint, ["/usr/local/bin/greeter"]);
    assert.equal(cfg.WorkingDir, "/");
    assert.ok(cfg.Env?.some((e) => e.startsWith("PATH=") && e.includes("/usr/local/bin")));
    assert.equal(amd.config.created, "1970-01-01T00:00:00Z");
    assert.equal(cfg.Labels?.["org.opencontainers.image.base.name"], baseRef);
    assert.equal(cfg.Labels?.["org.opencontainers.image.base.digest"], baseAmdDigest);
    assert.equal(amd.config.history?.at(-1)?.created_by?.startsWith("goship build example.com/goship/greeter"), true);
    assert.equal(elfMachine(await binaryOf(amd, "usr/local/bin/greeter")), EM_X86_64);
    assert.equal(elfMachine(await binaryOf(images[1]!, "usr/local/bin/greeter")), EM_AARCH64);

    // OCI layout and tarball hold the same index.
    const layoutIndex = JSON.parse(readFileSync(join(out, "layout", "index.json"), "utf8")) as { manifests: { digest: string }[] };
    assert.equal(layoutIndex.manifests[0]?.digest, res.image.digest.text);
    for (const img of images) for (const l of img.manifest.layers) assert.ok(existsSync(join(out, "layout", "blobs", "sha256", l.digest.slice(7))));
    const tarEntries = readTar(readFileSync(join(out, "greeter.tar")));
    const legacy = JSON.parse(Buffer.from(tarEntries.find((e) => e.path === "manifest.json")!.data).toString()) as { RepoTags: string[]; Layers: string[] }[];
    assert.equal(legacy.length, 2);
    assert.deepEqual(legacy[0]?.RepoTags, [`${lab.registry.ref("goship")}/greeter:t1`]);
  });

  it("crane validate accepts the pushed index and each image", () => {
    const crane = ensureCrane();
    const ref = lab.registry.ref("goship/greeter:t1");
    const out = execFileSync(crane, ["validate", "--insecure", "--remote", ref], { encoding: "utf8" });
    console.log(`crane ${CRANE_VERSION} validate ${ref}: ${out.trim()}`);
    assert.match(out, /PASS/);
    for (const p of ["linux/amd64", "linux/arm64"]) {
      const o = execFileSync(crane, ["validate", "--insecure", "--platform", p, "--remote", ref], { encoding: "utf8" });
      assert.match(o, /PASS/, p);
    }
  });

  it("runs the amd64 image: HTTP 200 as UID 65532", async () => {
    const port = await freePort();
    const c = await lab.startImage({ image: lab.registry.ref("goship/greeter:t1"), env: { PORT: String(port) } });
    try {
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(status, 200);
      assert.equal(c.status().uid[0], 65532);
      assert.equal(c.status().gid[0], 65532);
    } finally {
      await c.stop();
    }
  });

  it("runs the docker-load tarball (an OCI archive) too", async () => {
    const out = dirs.find((d) => existsSync(join(d, "greeter.tar")));
    assert.ok(out);
    const port = await freePort();
    const c = await lab.startImage({ ociArchive: join(out, "greeter.tar"), env: { PORT: String(port) } });
    try {
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(status, 200);
    } finally {
      await c.stop();
    }
  });

  it("is reproducible: a second copy in another folder gives the same digest", async () => {
    const r2 = await buildCopy("t2");
    const d1 = runs[0]!.results[0]!.image.digest.text;
    const d2 = r2.results[0]!.image.digest.text;
    console.log(`digest of copy 1 (${copies[0]}): ${d1}\ndigest of copy 2 (${copies[1]}): ${d2}`);
    assert.equal(d2, d1);
    assert.equal(r2.results[0]!.published.push?.uploaded, 0, "every blob was already there");
  });

  it("pushes through a proxy that fails 20% of requests (500, resets before and after forwarding): same image", async () => {
    const rng = rngFromEnv();
    console.log(`fault proxy seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
    const proxy = await startFaultProxy(lab.registry.address, rng, 0.2, new Map([[3, "after"], [6, "500"], [9, "before"]] as const));
    try {
      const want = runs[0]!.results[0]!.image;
      const faulty = clientFor(proxy.address, { insecureRegistries: [proxy.address], transport: { retries: 10, backoffMs: 20 } });
      const r = await push(faulty, "goship/faulty", want, { tags: ["v1"], chunkSize: 1024 * 1024 });
      console.log(`push through fault proxy: ${JSON.stringify(proxy.counts)}, ${JSON.stringify(r)}`);
      assert.ok(proxy.counts.e500 > 0 && proxy.counts.resetBefore > 0 && proxy.counts.resetAfter > 0, "every kind of fault was injected");
      proxy.heal();
      const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
      const back = await pull(client, parseImageRef(lab.registry.ref("goship/faulty:v1"))!);
      assert.equal(back.digest.text, want.digest.text);
      assert.deepEqual((await validateImage(back)).problems, []);
    } finally {
      await proxy.close();
    }
  });

  it("refuses bad input with exit 2 and no output: cgo, unknown platform, unreachable registry", async () => {
    const out = mkdtempSync(join(tmpdir(), "goship-build-bad-"));
    dirs.push(out);
    const lines: string[] = [];
    const io = { stdout: { write: (s: string) => (lines.push(s), true) }, stderr: { write: (s: string) => (lines.push(s), true) }, stdin: process.stdin, cwd: ROOT, env: { ...process.env, GOSHIP_REPO: "" } } as never;
    const layout = join(out, "layout");
    assert.equal(await run(["build", "-C", "examples/cgo", "--base", baseRef, "--insecure-registry", lab.registry.address, "--oci-layout", layout], io), 2);
    assert.match(lines.join(""), /needs cgo[\s\S]*goship init --profile debian-slim/);
    lines.length = 0;
    assert.equal(await run(["build", "-C", "examples/greeter", "--platform", "linux/sparc", "--oci-layout", layout], io), 2);
    assert.match(lines.join(""), /unknown platform linux\/sparc/);
    lines.length = 0;
    const closed = await freePort();
    assert.equal(await run(["build", "-C", "examples/greeter", "--base", `127.0.0.1:${closed}/x:y`, "--insecure-registry", `127.0.0.1:${closed}`, "--oci-layout", layout], io), 2);
    assert.match(lines.join(""), /gave up after \d+ attempts/);
    lines.length = 0;
    assert.equal(await run(["build", "-C", "examples/greeter", "--base", "registry.invalid/x:y", "--insecure-registry", "registry.invalid", "--oci-layout", layout], io), 2);
    assert.match(lines.join(""), /only allowed for a loopback registry/);
    assert.equal(existsSync(layout), false, "no partial output");
  });
});
