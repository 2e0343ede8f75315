/**
 * Proves SBOM/provenance referrers and cosign-compatible signing with the
 * build lab (test/lab): greeter is built for linux/amd64 and linux/arm64
 * and pushed to the lab registry (Debian's distribution 2.8, no referrers
 * API: the tag schema `sha256-<hex>` index is used), and the same image to
 * go-containerregistry's registry with the referrers API on (the API path).
 * go-containerregistry's client (test/attest/referrers-oracle, `list`) and
 * crane read back what goship attached; the provenance statement's subject
 * is the image digest and its inputs name the base digest and go.sum's
 * sha256. cosign v2.6.5 (installed with the host go command into
 * .cache/bin) verifies goship's signatures made with a cosign-generated
 * encrypted key and with a node:crypto PEM key; goship verify-image accepts
 * them and cosign's own signature; a wrong key and a tampered signature
 * fail in both. Bad input (missing key, wrong key type, unreachable
 * registry) exits 2. The SBOMs goship build makes from the binaries it
 * compiled equal, byte for byte, what sbomForImage reads from the same
 * image written to an OCI layout. GOSHIP_SKIP_LAB=1 skips it.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { attachAll, binaryFromImage, defaultSbomMaker, type Attachment } from "../../src/build/attestations.js";
import { layoutPublisher, registryPublisher, runBuild, validateBuildOptions, type BuildRun } from "../../src/build/index.js";
import { run } from "../../src/cli/main.js";
import { sha256 } from "../../src/oci/digest.js";
import { imageFromRaw, imagePlatform, makeIndex, type Image, type ImageIndexValue } from "../../src/oci/image.js";
import { encodeJson, parseIndex, parseManifest } from "../../src/oci/manifest.js";
import { formatPlatform } from "../../src/oci/platform.js";
import { readOciLayout, sbomForImage } from "../../src/sbom/index.js";
import { parseConfig } from "../../src/oci/config.js";
import { fallbackTag, fetchArtifactBlob, hasReferrersApi, listReferrers } from "../../src/oci/referrers/index.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { clientFor } from "../../src/oci/remote/client-for.js";
import { pull } from "../../src/oci/remote/pull.js";
import { push } from "../../src/oci/remote/push.js";
import { IN_TOTO_JSON_MEDIA_TYPE, parseStatement, SLSA_PROVENANCE_V1, type SlsaProvenanceV1, type Statement } from "../../src/provenance/index.js";
import { signatureTag, SIGNATURE_ANNOTATION } from "../../src/sign/index.js";
import { freePort } from "../lab/free-port.js";
import { labUnavailable, startLab, type Lab } from "../lab/index.js";
import { startDaemon, waitFor, type Daemon } from "../lab/process.js";
import { GO_TOOLS, ensureGoTool } from "../support/go-tools.js";
import { ROOT } from "../support/paths.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped" : false;
const GREETER = join(ROOT, "examples", "greeter");
const BIN = join(ROOT, ".cache", "bin");
const CRANE_VERSION = GO_TOOLS.crane.version;
const COSIGN_VERSION = GO_TOOLS.cosign.version;
const SPDX = "application/spdx+json";
const CDX = "application/vnd.cyclonedx+json";


/** go-containerregistry as the reference client and referrers-API registry (test/attest/referrers-oracle). */
function ensureOracle(): string {
  const dest = join(BIN, "referrers-oracle");
  const t0 = Date.now();
  execFileSync("go", ["build", "-o", dest, "."], { cwd: join(ROOT, "test", "attest", "referrers-oracle"), stdio: "inherit" });
  console.log(`built referrers-oracle (go-containerregistry ${CRANE_VERSION}) in ${Date.now() - t0} ms`);
  return dest;
}

interface OracleIndex {
  manifests: { digest: string; artifactType?: string; mediaType: string }[];
}

function oracleList(oracle: string, ref: string, artifactType?: string): OracleIndex {
  return JSON.parse(execFileSync(oracle, ["list", ref, ...(artifactType ? [artifactType] : [])], { encoding: "utf8" })) as OracleIndex;
}

function captureIo(env: NodeJS.ProcessEnv = process.env) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (s: string) => (out.push(s), true) }, stderr: { write: (s: string) => (err.push(s), true) }, stdin: process.stdin, cwd: ROOT, env: { ...env, GOSHIP_REPO: "" } } as never;
  return { io, out, err, text: () => out.join("") + err.join("") };
}

describe("SBOM/provenance referrers and cosign signing with the build lab", { skip: SKIP }, () => {
  let lab: Lab;
  let baseRef: string;
  let oracleBin: string;
  let apiRegistry: Daemon;
  let apiAddress: string;
  let built: BuildRun;
  let copy: string;
  const dirs: string[] = [];

  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    lab = await startLab({ buildkit: false });
    const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
    const amd = (await pull(client, parseImageRef(lab.registry.ref("distroless/static-debian12:nonroot"))!)) as Image;
    const armCfg = encodeJson({ ...parseConfig(amd.configBytes), architecture: "arm64", variant: "v8" });
    const armManifest = encodeJson({ ...amd.manifest, config: { ...amd.manifest.config, digest: sha256(armCfg).text, size: armCfg.length } });
    const arm = imageFromRaw(armManifest, armCfg, (d) => (d === sha256(armCfg).text ? Promise.resolve(armCfg) : amd.blob(d)), amd.origin);
    const index: ImageIndexValue = makeIndex([amd, arm]);
    await push(client, "goship-test/static-debian12", index, { tags: ["nonroot"] });
    baseRef = lab.registry.ref("goship-test/static-debian12:nonroot");
    oracleBin = ensureOracle();
    const port = await freePort();
    apiAddress = `127.0.0.1:${port}`;
    const logDir = mkdtempSync(join(tmpdir(), "goship-attest-logs-"));
    dirs.push(logDir);
    apiRegistry = startDaemon("referrers-oracle", oracleBin, ["serve", apiAddress], join(logDir, "referrers-oracle.log"));
    await waitFor(`go-containerregistry registry on ${apiAddress}`, async () => (await fetch(`http://${apiAddress}/v2/`)).status === 200, 15_000, apiRegistry);
  });

  after(async () => {
    await apiRegistry?.stop(2_000);
    await lab?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("goship build attaches provenance and SBOMs by the tag schema on distribution 2.8 (no referrers API)", async () => {
    copy = mkdtempSync(join(tmpdir(), "goship-attest-greeter-"));
    dirs.push(copy);
    cpSync(GREETER, copy, { recursive: true });
    const opts = validateBuildOptions({ dir: copy, platform: "linux/amd64,linux/arm64", base: baseRef, insecureRegistries: [lab.registry.address], env: { ...process.env, SOURCE_DATE_EPOCH: "" } });
    const pub = registryPublisher({ repo: lab.registry.ref("attest"), tags: ["t1"], insecureRegistries: [lab.registry.address] });
    const t0 = Date.now();
    built = await runBuild(opts, pub, { git: { commit: "0123456789abcdef0123456789abcdef01234567", remote: "https://git.example/greeter.git" }, log: (l) => console.log(`build: ${l}`) });
    const res = built.results[0]!;
    assert.equal(res.image.kind, "index");
    const top = res.image.digest.text;
    const atts = res.published.attestations ?? [];
    console.log(`build + push + attach: ${Date.now() - t0} ms (publish ${res.publishMs} ms); index ${top}; ${atts.length} referrers: ${atts.map((a) => `${a.what} ${a.digest} via ${a.via}`).join("; ")}`);
    assert.ok(atts.every((a) => a.via === "tag"), "distribution 2.8 has no referrers API: tag schema");
    assert.equal(atts.filter((a) => a.what === "provenance").length, 1);
    assert.deepEqual(atts.filter((a) => a.what.startsWith("sbom")).map((a) => a.what).sort(), ["sbom cyclonedx linux/amd64", "sbom cyclonedx linux/arm64/v8", "sbom spdx linux/amd64", "sbom spdx linux/arm64/v8"]);

    const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
    assert.equal(await hasReferrersApi(client, "attest/greeter", top), false);
    // Our client, by the tag schema.
    const mine = await listReferrers(client, "attest/greeter", top, { artifactType: IN_TOTO_JSON_MEDIA_TYPE });
    assert.equal(mine.via, "tag");
    assert.equal(mine.referrers.length, 1);
    const prov = atts.find((a) => a.what === "provenance")!;
    assert.equal(mine.referrers[0]?.digest, prov.digest);
    // go-containerregistry's client finds the same referrers (it falls back to the tag schema too).
    const ref = `${lab.registry.address}/attest/greeter@${top}`;
    const theirs = oracleList(oracleBin, ref);
    console.log(`go-containerregistry remote.Referrers(${ref}): ${JSON.stringify(theirs.manifests.map((m) => [m.artifactType, m.digest]))}`);
    assert.deepEqual(theirs.manifests.map((m) => [m.artifactType, m.digest]), [[IN_TOTO_JSON_MEDIA_TYPE, prov.digest]]);
    const idx = res.image as ImageIndexValue;
    for (const img of idx.images) {
      const list = oracleList(oracleBin, `${lab.registry.address}/attest/greeter@${img.digest.text}`);
      assert.deepEqual(list.manifests.map((m) => m.artifactType).sort(), [SPDX, CDX].sort(), `SBOMs of ${img.digest.text}`);
    }
    // crane reads the fallback index at sha256-<hex>.
    const crane = ensureGoTool(GO_TOOLS.crane);
    const fb = JSON.parse(execFileSync(crane, ["manifest", "--insecure", `${lab.registry.address}/attest/greeter:${fallbackTag(top)}`], { encoding: "utf8" })) as OracleIndex;
    console.log(`crane manifest attest/greeter:${fallbackTag(top)}: ${fb.manifests.length} referrer(s), artifactType ${fb.manifests[0]?.artifactType}`);
    assert.equal(fb.manifests[0]?.digest, prov.digest);
    const artMan = JSON.parse(execFileSync(crane, ["manifest", "--insecure", `${lab.registry.address}/attest/greeter@${prov.digest}`], { encoding: "utf8" })) as { subject: { digest: string }; artifactType: string; config: { mediaType: string } };
    assert.equal(artMan.subject.digest, top);
    assert.equal(artMan.artifactType, IN_TOTO_JSON_MEDIA_TYPE);
    assert.equal(artMan.config.mediaType, "application/vnd.oci.empty.v1+json");
    assert.match(execFileSync(crane, ["validate", "--insecure", "--remote", `${lab.registry.address}/attest/greeter:t1`], { encoding: "utf8" }), /PASS/);

    // The statement: subject = the image digest; inputs = base digest, go.sum sha256, source revision, go command.
    const blob = await fetchArtifactBlob(client, "attest/greeter", prov.digest, IN_TOTO_JSON_MEDIA_TYPE);
    const st = parseStatement(blob.bytes) as Statement<SlsaProvenanceV1>;
    assert.equal(st.predicateType, SLSA_PROVENANCE_V1);
    assert.equal(`sha256:${st.subject[0]?.digest["sha256"]}`, top);
    assert.deepEqual(st.subject.slice(1).map((s) => `sha256:${s.digest["sha256"]}`), idx.images.map((i) => i.digest.text));
    const deps = st.predicate.buildDefinition.resolvedDependencies;
    const goSum = createHash("sha256").update(readFileSync(join(copy, "go.sum"))).digest("hex");
    assert.deepEqual(deps.find((d) => d.name === "go.sum")?.digest, { sha256: goSum });
    assert.equal(`sha256:${deps.find((d) => d.name === baseRef)?.digest?.["sha256"]}`, built.base.digest);
    assert.deepEqual(deps.find((d) => d.digest?.["gitCommit"])?.digest, { gitCommit: "0123456789abcdef0123456789abcdef01234567" });
    assert.ok(deps.some((d) => d.uri === "pkg:golang/example.com/goship/greeter"));
    const goVer = execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim();
    assert.ok(deps.some((d) => d.uri === `pkg:golang/toolchain@${goVer}`), `toolchain ${goVer} (read from the binary's build info) as go env GOVERSION says it`);
    assert.deepEqual((st.predicate.buildDefinition.internalParameters?.["goCommand"] as string[]).slice(0, 3), ["go", "build", "-trimpath"]);
    console.log(`provenance ${prov.digest}: subject ${st.subject[0]?.digest["sha256"]}, base ${built.base.digest}, go.sum sha256 ${goSum}`);
  });

  it("the SBOMs goship build made from the compiled binaries are byte-identical to sbomForImage's from the image's layers (OCI layout)", async () => {
    const res = built.results[0]!;
    const layout = mkdtempSync(join(tmpdir(), "goship-attest-layout-"));
    dirs.push(layout);
    await layoutPublisher(layout, "t1").publish(res.image, "greeter");
    const fromLayout = readOciLayout(layout);
    assert.equal(fromLayout.digest.text, res.image.digest.text);
    assert.equal(fromLayout.kind, "index");
    const client = clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] });
    const maker = await defaultSbomMaker();
    const name = `${lab.registry.ref("attest")}/greeter`;
    const atts = res.published.attestations ?? [];
    for (const img of (fromLayout as ImageIndexValue).images) {
      const plat = formatPlatform(imagePlatform(img));
      const ref = `${name}@${img.digest.text}`;
      const scanned = await sbomForImage(img, ref);
      assert.equal(scanned.binaries.length, 1, `one Go binary in ${plat}`);
      const bin = await binaryFromImage(img);
      assert.ok(bin, `entrypoint binary of ${plat}`);
      const fast = await maker(img, ref, bin.bytes);
      const slow = await maker(img, ref);
      assert.deepEqual(fast.map((d) => d.name), ["spdx", "cyclonedx"]);
      assert.deepEqual(fast.map((d) => Buffer.from(d.bytes).toString("utf8")), slow.map((d) => Buffer.from(d.bytes).toString("utf8")), `fast and layer-scan SBOMs of ${plat}`);
      assert.equal(Buffer.from(slow[0]!.bytes).toString("utf8"), JSON.stringify(scanned.spdx));
      assert.equal(Buffer.from(slow[1]!.bytes).toString("utf8"), JSON.stringify(scanned.cyclonedx));
      // What goship build pushed (made from the binaries it compiled) is the same document.
      for (const [doc, mt] of [["spdx", SPDX], ["cyclonedx", CDX]] as const) {
        const at = atts.find((a) => a.what === `sbom ${doc} ${plat}`);
        assert.ok(at, `pushed sbom ${doc} ${plat}`);
        const blob = await fetchArtifactBlob(client, "attest/greeter", at.digest, mt);
        assert.equal(Buffer.from(blob.bytes).toString("utf8"), JSON.stringify(doc === "spdx" ? scanned.spdx : scanned.cyclonedx), `pushed ${doc} ${plat} = sbomForImage's`);
      }
    }
    const fb = parseIndex((await client.getManifest("attest/greeter", fallbackTag(res.image.digest.text))).bytes);
    assert.deepEqual(fb.manifests.map((m) => m.digest), atts.filter((a) => a.subject === res.image.digest.text).map((a) => a.digest), "one fallback index entry per referrer of the index");
  });

  it("uses the referrers API where the registry has it (go-containerregistry's registry, WithReferrersSupport)", async () => {
    const image = built.results[0]!.image;
    const client = clientFor(apiAddress, { insecureRegistries: [apiAddress] });
    await push(client, "attest/greeter", image, { tags: ["t1"] });
    assert.equal(await hasReferrersApi(client, "attest/greeter", image.digest.text), true);
    const subject = { mediaType: image.manifest.mediaType, digest: image.digest.text, size: image.manifestBytes.length };
    const atts: Attachment[] = [
      { subject, artifactType: IN_TOTO_JSON_MEDIA_TYPE, mediaType: IN_TOTO_JSON_MEDIA_TYPE, bytes: Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'), what: "provenance" },
      { subject, artifactType: SPDX, mediaType: SPDX, bytes: Buffer.from('{"spdxVersion":"SPDX-2.3"}'), what: "sbom" },
    ];
    const pushed = await attachAll(client, "attest/greeter", atts);
    console.log(`referrers API push: ${JSON.stringify(pushed)}`);
    assert.deepEqual(pushed.map((p) => p.via), ["api", "api"]);
    assert.equal(await client.headManifest("attest/greeter", fallbackTag(image.digest.text)), null, "no fallback tag written");
    const mine = await listReferrers(client, "attest/greeter", image.digest.text, { artifactType: SPDX });
    assert.equal(mine.via, "api");
    assert.deepEqual(mine.referrers.map((r) => r.digest), [pushed[1]!.digest]);
    const theirs = oracleList(oracleBin, `${apiAddress}/attest/greeter@${image.digest.text}`);
    console.log(`go-containerregistry remote.Referrers over the API: ${JSON.stringify(theirs.manifests.map((m) => [m.artifactType, m.digest]))}`);
    assert.deepEqual(theirs.manifests.map((m) => m.digest).sort(), pushed.map((p) => p.digest).sort());
    // go-containerregistry's registry lists config.mediaType as artifactType (pkg/registry/manifest.go
    // handleReferrers); the manifests themselves carry the real one, which listReferrers reads.
    assert.deepEqual(theirs.manifests.map((m) => m.artifactType), ["application/vnd.oci.empty.v1+json", "application/vnd.oci.empty.v1+json"]);
    const all = await listReferrers(client, "attest/greeter", image.digest.text);
    assert.deepEqual(all.referrers.map((r) => r.artifactType).sort(), [IN_TOTO_JSON_MEDIA_TYPE, SPDX].sort());
  });

  it("cosign verifies goship's signatures; goship verifies cosign's; a wrong key or a tampered signature fails in both", async () => {
    const cosign = ensureGoTool(GO_TOOLS.cosign);
    const work = mkdtempSync(join(tmpdir(), "goship-cosign-"));
    dirs.push(work);
    const env = { ...process.env, HOME: work, COSIGN_PASSWORD: "lab-password", SIGSTORE_NO_CACHE: "true", TUF_ROOT: join(work, "tuf") };
    execFileSync(cosign, ["generate-key-pair"], { cwd: work, env, stdio: "pipe" });
    const firstLine = readFileSync(join(work, "cosign.key"), "utf8").split("\n")[0];
    console.log(`cosign ${COSIGN_VERSION} generate-key-pair: cosign.key starts ${firstLine}`);
    const image = lab.registry.ref("attest/greeter:t1");
    const reg = lab.registry.address;
    const cosignVerify = (key: string, ref = image) => spawnSync(cosign, ["verify", "--key", key, "--insecure-ignore-tlog=true", "--allow-http-registry=true", "--allow-insecure-registry=true", ref], { env, encoding: "utf8", timeout: 120_000 });

    // 1. goship signs with cosign's own encrypted key; cosign and goship verify it.
    const c1 = captureIo(env);
    assert.equal(await run(["sign", "--key", join(work, "cosign.key"), "--insecure-registry", reg, image], c1.io), 0, c1.text());
    console.log(`goship sign (cosign.key): ${c1.text().trim()}`);
    const v1 = cosignVerify(join(work, "cosign.pub"));
    console.log(`cosign verify --key cosign.pub: exit ${v1.status}; ${v1.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    assert.equal(v1.status, 0, v1.stderr);
    const payloads = JSON.parse(v1.stdout) as { critical: { image: { "docker-manifest-digest": string } } }[];
    assert.equal(payloads[0]?.critical.image["docker-manifest-digest"], built.results[0]!.image.digest.text);
    const g1 = captureIo(env);
    assert.equal(await run(["verify-image", "--key", join(work, "cosign.pub"), "--insecure-registry", reg, image], g1.io), 0, g1.text());

    // 1b. The wrong COSIGN_PASSWORD is an input error naming the file.
    const bad = captureIo({ ...env, COSIGN_PASSWORD: "not-it" });
    assert.equal(await run(["sign", "--key", join(work, "cosign.key"), "--insecure-registry", reg, image], bad.io), 2);
    assert.match(bad.text(), /cosign\.key: cannot decrypt the key: wrong password/);

    // 2. A node:crypto PEM key pair: goship signs, cosign verifies with the PEM public key.
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(join(work, "goship.key"), privateKey.export({ format: "pem", type: "pkcs8" }));
    writeFileSync(join(work, "goship.pub"), publicKey.export({ format: "pem", type: "spki" }));
    const c2 = captureIo(env);
    assert.equal(await run(["sign", "--key", join(work, "goship.key"), "--insecure-registry", reg, image], c2.io), 0, c2.text());
    assert.match(c2.text(), /2 signatures/);
    const v2 = cosignVerify(join(work, "goship.pub"));
    assert.equal(v2.status, 0, v2.stderr);
    assert.equal(cosignVerify(join(work, "cosign.pub")).status, 0, "the first signature is still there");

    // 3. Wrong key: cosign and goship refuse.
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "spki" });
    writeFileSync(join(work, "other.pub"), other);
    const v3 = cosignVerify(join(work, "other.pub"));
    console.log(`cosign verify with a wrong key: exit ${v3.status}`);
    assert.notEqual(v3.status, 0);
    const g3 = captureIo(env);
    assert.equal(await run(["verify-image", "--key", join(work, "other.pub"), "--insecure-registry", reg, image], g3.io), 1);
    assert.match(g3.text(), /does not verify with this key/);

    // 4. cosign's own signature (no tlog upload) is accepted by goship verify-image.
    const signed = lab.registry.ref(`attest/greeter@${built.results[0]!.image.digest.text}`);
    const cs = spawnSync(cosign, ["sign", "--key", join(work, "cosign.key"), "--tlog-upload=false", "--allow-http-registry=true", "--allow-insecure-registry=true", "-y", signed], { env, encoding: "utf8", timeout: 120_000 });
    console.log(`cosign sign --tlog-upload=false: exit ${cs.status}`);
    assert.equal(cs.status, 0, cs.stderr);
    const g4 = captureIo(env);
    assert.equal(await run(["verify-image", "--key", join(work, "cosign.pub"), "--insecure-registry", reg, image], g4.io), 0, g4.text());

    // 5. Tamper: flip a byte of every signature at sha256-<hex>.sig; both refuse.
    const client = clientFor(reg, { insecureRegistries: [reg] });
    const tag = signatureTag(built.results[0]!.image.digest.text);
    const sigMan = parseManifest((await client.getManifest("attest/greeter", tag)).bytes);
    const tampered = {
      ...sigMan,
      layers: sigMan.layers.map((l) => {
        const raw = Buffer.from(l.annotations![SIGNATURE_ANNOTATION]!, "base64");
        raw[raw.length - 2] = (raw[raw.length - 2] as number) ^ 0x55;
        return { ...l, annotations: { ...l.annotations, [SIGNATURE_ANNOTATION]: raw.toString("base64") } };
      }),
    };
    await client.putManifest("attest/greeter", tag, encodeJson(tampered), sigMan.mediaType);
    const v5 = cosignVerify(join(work, "cosign.pub"));
    console.log(`cosign verify after tampering: exit ${v5.status}`);
    assert.notEqual(v5.status, 0);
    const g5 = captureIo(env);
    assert.equal(await run(["verify-image", "--key", join(work, "cosign.pub"), "--insecure-registry", reg, image], g5.io), 1);
  });

  it("goship build --sign-key --no-sbom: signed (cosign verifies), provenance attached, no SBOM", async () => {
    const cosign = ensureGoTool(GO_TOOLS.cosign);
    const work = mkdtempSync(join(tmpdir(), "goship-build-sign-"));
    dirs.push(work);
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(join(work, "k.pem"), privateKey.export({ format: "pem", type: "pkcs8" }));
    writeFileSync(join(work, "k.pub"), publicKey.export({ format: "pem", type: "spki" }));
    const reg = lab.registry.address;
    const c = captureIo();
    const code = await run(["build", "-C", copy, "--platform", "linux/amd64", "--base", baseRef, "--insecure-registry", reg, "--repo", lab.registry.ref("signed"), "-t", "v1", "--no-sbom", "--sign-key", join(work, "k.pem")], c.io);
    assert.equal(code, 0, c.text());
    const ref = c.out.join("").trim();
    console.log(`goship build --sign-key: ${ref}`);
    const digest = ref.split("@")[1]!;
    const client = clientFor(reg, { insecureRegistries: [reg] });
    const all = await listReferrers(client, "signed/greeter", digest);
    assert.deepEqual(all.referrers.map((r) => r.artifactType), [IN_TOTO_JSON_MEDIA_TYPE], "provenance only");
    const v = spawnSync(cosign, ["verify", "--key", join(work, "k.pub"), "--insecure-ignore-tlog=true", "--allow-http-registry=true", `${reg}/signed/greeter:v1`], { env: { ...process.env, HOME: work }, encoding: "utf8", timeout: 120_000 });
    assert.equal(v.status, 0, v.stderr);
    const none = captureIo();
    assert.equal(await run(["build", "-C", copy, "--platform", "linux/amd64", "--base", baseRef, "--insecure-registry", reg, "--repo", lab.registry.ref("plain"), "--no-sbom", "--no-provenance"], none.io), 0, none.text());
    assert.equal((await listReferrers(client, "plain/greeter", none.out.join("").trim().split("@")[1]!)).referrers.length, 0);
  });

  it("refuses bad input with exit 2: missing key file, wrong key type, wrong password, unreachable registry", async () => {
    const work = mkdtempSync(join(tmpdir(), "goship-sign-bad-"));
    dirs.push(work);
    const reg = lab.registry.address;
    const image = lab.registry.ref("attest/greeter:t1");
    const cases: [string[], RegExp][] = [];
    cases.push([["sign", "--key", join(work, "nope.key"), "--insecure-registry", reg, image], /nope\.key: no such key file/]);
    writeFileSync(join(work, "rsa.key"), generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }));
    cases.push([["sign", "--key", join(work, "rsa.key"), "--insecure-registry", reg, image], /rsa\.key: an RSA key: goship signs with ECDSA P-256 keys only/]);
    writeFileSync(join(work, "p384.pub"), generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "pem", type: "spki" }));
    cases.push([["verify-image", "--key", join(work, "p384.pub"), "--insecure-registry", reg, image], /p384\.pub: an EC key on secp384r1/]);
    const closed = await freePort();
    writeFileSync(join(work, "ok.key"), generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }));
    cases.push([["sign", "--key", join(work, "ok.key"), "--insecure-registry", `127.0.0.1:${closed}`, `127.0.0.1:${closed}/x/y:z`], /gave up after \d+ attempts/]);
    cases.push([["sign", "--key", join(work, "ok.key"), "--insecure-registry", reg, lab.registry.ref("attest/none:nope")], /manifest not found/]);
    for (const [args, want] of cases) {
      const c = captureIo({ ...process.env, COSIGN_PASSWORD: "wrong" });
      const code = await run(args, c.io);
      console.log(`goship ${args[0]} (${want.source}): exit ${code}: ${c.text().trim().split("\n")[0]}`);
      assert.equal(code, 2, c.text());
      assert.match(c.text(), want);
      assert.doesNotMatch(c.text(), /\n\s+at /, "no stack trace");
    }
  });
});
