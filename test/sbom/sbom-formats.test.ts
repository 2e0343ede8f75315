/**
 * toSpdx / toCycloneDx on real Go binaries: both documents validate against
 * the official JSON schemas (SPDX 2.3 from the spec's release tag,
 * CycloneDX 1.6 as @cyclonedx/cyclonedx-library ships it; a broken document
 * fails them, so the validators bite); the module list in each equals the
 * dep lines `go version -m` prints (replacements applied), with each h1 hash
 * as the SHA-256 checksum; Go version and build settings are recorded; the
 * base image and its SBOM reference appear; output is deterministic
 * (SOURCE_DATE_EPOCH, content-derived ids).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { readBuildInfo, toCycloneDx, toSpdx, type FoundBinary, type SbomOptions } from "../../src/sbom/index.js";
import { sha256 } from "../../src/oci/digest.js";
import { buildPrograms, cleanupPrograms, type BuiltProgram } from "./go-programs.js";
import { cycloneDxErrors, spdxErrors } from "./schemas.js";

/** name@version of every module `go version -m` lists: the `=>` target when a module replaced it, the original when a folder did. */
export function goVersionMModules(file: string): { purlish: string; h1: string }[] {
  const text = execFileSync("go", ["version", "-m", file], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } });
  const out: { purlish: string; h1: string }[] = [];
  for (const line of text.split("\n")) {
    const f = line.replace(/^\t/, "").split("\t");
    if (f[0] === "dep") out.push({ purlish: `${f[1]}@${f[2]}`, h1: f[3] ?? "" });
    else if (f[0] === "=>" && out.length > 0 && f[2] !== "" && f[2] !== "(devel)" && !/^\.{0,2}\//.test(f[1] ?? "")) out[out.length - 1] = { purlish: `${f[1]}@${f[2]}`, h1: f[3] ?? "" };
  }
  return out;
}

function found(p: BuiltProgram): FoundBinary {
  const bytes = readFileSync(p.file);
  return { file: `/usr/local/bin/${p.name}`, info: readBuildInfo(bytes, p.file), sha256: sha256(bytes).text.slice(7) };
}

const BASE = { name: "127.0.0.1:5000/distroless/static-debian12:nonroot", digest: `sha256:${"ab".repeat(32)}`, sbom: `127.0.0.1:5000/distroless/static-debian12@sha256:${"cd".repeat(32)}` };
const IMAGE = { name: "127.0.0.1:5000/goship/greeter:v1", digest: `sha256:${"ef".repeat(32)}` };

describe("SPDX 2.3 and CycloneDX 1.6 documents", () => {
  let programs: BuiltProgram[];
  const pick = (n: string) => programs.find((p) => p.name === n)!;
  before(() => {
    ({ programs } = buildPrograms());
  });
  after(() => cleanupPrograms());

  const cases = (): [string, FoundBinary[], SbomOptions][] => [
    ["one binary, no options", [found(pick("greeter"))], {}],
    ["replace program", [found(pick("replaced"))], { env: { SOURCE_DATE_EPOCH: "1767225600" } }],
    ["51 modules (the BuildKit oracle) in an image", [found(pick("oracle-buildcheck"))], { image: IMAGE, base: BASE }],
    ["image with base and two binaries", [found(pick("multi-api")), found(pick("multi-worker"))], { image: IMAGE, base: BASE }],
    ["folder of binaries with base", [found(pick("greeter-vcs")), found(pick("no-module")), found(pick("greeter-arm64"))], { name: "bin", base: { name: BASE.name, digest: BASE.digest } }],
  ];

  it("validate against the official schemas", () => {
    for (const [name, bins, opts] of cases()) {
      const s = toSpdx(bins, opts);
      const c = toCycloneDx(bins, opts);
      assert.deepEqual(spdxErrors(s), [], `${name}: SPDX`);
      assert.deepEqual(cycloneDxErrors(c), [], `${name}: CycloneDX`);
      console.log(`${name}: SPDX ${(s["packages"] as unknown[]).length} packages, ${(s["relationships"] as unknown[]).length} relationships; CycloneDX ${(c["components"] as unknown[]).length} components: both valid`);
    }
  });

  it("the validators reject broken documents", () => {
    const bins = [found(pick("greeter"))];
    const s = toSpdx(bins, {}) as Record<string, unknown>;
    assert.notDeepEqual(spdxErrors({ ...s, spdxVersion: undefined }), []);
    assert.notDeepEqual(spdxErrors({ ...s, packages: [{ name: "x" }] }), []);
    const c = toCycloneDx(bins, {}) as { components: Record<string, unknown>[] };
    assert.notDeepEqual(cycloneDxErrors({ ...c, components: [{ ...c.components[0], type: "bogus" }] }), []);
    assert.notDeepEqual(cycloneDxErrors({ ...c, metadata: { timestamp: "yesterday" } }), []);
  });

  it("list exactly the modules `go version -m` lists, with h1 as SHA-256", () => {
    for (const n of ["greeter", "replaced", "multi-api", "oracle-buildcheck"]) {
      const p = pick(n);
      const want = goVersionMModules(p.file);
      const c = toCycloneDx([found(p)], {}) as { components: { type: string; name: string; version?: string; purl?: string; hashes?: { alg: string; content: string }[] }[] };
      const libs = c.components.filter((x) => x.type === "library" && x.name !== "stdlib");
      assert.deepEqual(libs.map((x) => `${x.name}@${x.version ?? ""}`).sort(), want.map((w) => w.purlish).sort(), `${n}: CycloneDX modules`);
      for (const w of want) {
        const comp = libs.find((x) => `${x.name}@${x.version}` === w.purlish)!;
        assert.equal(comp.purl, `pkg:golang/${w.purlish}`);
        const hex = w.h1 ? Buffer.from(w.h1.slice(3), "base64").toString("hex") : undefined;
        assert.deepEqual(comp.hashes ?? [], hex ? [{ alg: "SHA-256", content: hex }] : [], `${n}: ${w.purlish} hash`);
      }
      const s = toSpdx([found(p)], {}) as { packages: { name: string; versionInfo?: string; primaryPackagePurpose: string; checksums?: { algorithm: string; checksumValue: string }[] }[] };
      const spdxLibs = s.packages.filter((x) => x.primaryPackagePurpose === "LIBRARY" && x.name !== "stdlib");
      assert.deepEqual(spdxLibs.map((x) => `${x.name}@${x.versionInfo ?? ""}`).sort(), want.map((w) => w.purlish).sort(), `${n}: SPDX packages`);
      console.log(`${n}: ${want.length} modules in go version -m = ${libs.length} CycloneDX components = ${spdxLibs.length} SPDX packages`);
    }
  });

  it("record the Go version, build settings, binary hash, base image and its SBOM", () => {
    const b = found(pick("greeter-trimpath-static"));
    const c = toCycloneDx([b], { image: IMAGE, base: BASE }) as { metadata: { component: { type: string; name: string; dependencies?: unknown } }; components: { type: string; name: string; "bom-ref": string; properties?: { name: string; value: string }[]; hashes?: { content: string }[]; externalReferences?: { type: string; url: string }[] }[]; dependencies: { ref: string; dependsOn?: string[] }[] };
    assert.equal(c.metadata.component.type, "container");
    assert.equal(c.metadata.component.name, IMAGE.name);
    const app = c.components.find((x) => x.type === "application")!;
    const props = new Map((app.properties ?? []).map((p) => [p.name, p.value]));
    assert.equal(props.get("goship:go:version"), b.info.goVersion);
    for (const [k, v] of [["GOOS", "linux"], ["GOARCH", "amd64"], ["CGO_ENABLED", "0"], ["-trimpath", "true"]]) assert.equal(props.get(`goship:go:build:${k}`), v, k);
    assert.deepEqual(app.hashes, [{ alg: "SHA-256", content: b.sha256 }]);
    const base = c.components.find((x) => x.type === "container")!;
    assert.equal(base.name, BASE.name);
    assert.deepEqual(base.externalReferences?.map((r) => [r.type, r.url]), [["bom", BASE.sbom]]);
    const imgDeps = c.dependencies.find((d) => d.ref.startsWith("goship:image:"))!;
    assert.deepEqual(imgDeps.dependsOn?.sort(), [app["bom-ref"], base["bom-ref"]].sort());
    const stdlib = c.components.find((x) => x.name === "stdlib")!;
    assert.equal(stdlib["bom-ref"], `pkg:golang/stdlib@${b.info.goVersion.slice(2)}`);

    const s = toSpdx([b], { image: IMAGE, base: BASE }) as { packages: { SPDXID: string; name: string; primaryPackagePurpose: string; annotations?: { comment: string }[]; externalRefs?: { referenceType: string; referenceLocator: string }[] }[]; relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] };
    const img = s.packages.find((p) => p.name === IMAGE.name)!;
    const basePkg = s.packages.find((p) => p.name === BASE.name)!;
    const bin = s.packages.find((p) => p.primaryPackagePurpose === "APPLICATION")!;
    const rel = (a: string, t: string, z: string) => s.relationships.some((r) => r.spdxElementId === a && r.relationshipType === t && r.relatedSpdxElement === z);
    assert.ok(rel("SPDXRef-DOCUMENT", "DESCRIBES", img.SPDXID));
    assert.ok(rel(img.SPDXID, "CONTAINS", bin.SPDXID));
    assert.ok(rel(img.SPDXID, "DESCENDANT_OF", basePkg.SPDXID));
    assert.ok(basePkg.externalRefs?.some((r) => r.referenceType === "sbom" && r.referenceLocator === BASE.sbom));
    const notes = (bin.annotations ?? []).map((a) => a.comment);
    assert.ok(notes.includes("goship:go:build:-trimpath=true") && notes.includes(`goship:go:version=${b.info.goVersion}`));
  });

  it("are deterministic: same input, same bytes; SOURCE_DATE_EPOCH sets the time; ids follow the content", () => {
    const a = [found(pick("greeter"))];
    const z = [found(pick("replaced"))];
    assert.equal(JSON.stringify(toSpdx(a, {})), JSON.stringify(toSpdx(a, {})));
    assert.equal(JSON.stringify(toCycloneDx(a, { image: IMAGE, base: BASE })), JSON.stringify(toCycloneDx(a, { image: IMAGE, base: BASE })));
    const c0 = toCycloneDx(a, {}) as { serialNumber: string; metadata: { timestamp: string } };
    const c1 = toCycloneDx(a, { env: { SOURCE_DATE_EPOCH: "1767225600" } }) as typeof c0;
    assert.equal(c0.metadata.timestamp, "1970-01-01T00:00:00.000Z");
    assert.equal(c1.metadata.timestamp, "2026-01-01T00:00:00.000Z");
    const cz = toCycloneDx(z, {}) as typeof c0;
    assert.notEqual(c0.serialNumber, cz.serialNumber);
    const s1 = toSpdx(a, { env: { SOURCE_DATE_EPOCH: "1767225600" } }) as { creationInfo: { created: string }; documentNamespace: string };
    assert.equal(s1.creationInfo.created, "2026-01-01T00:00:00Z");
    assert.notEqual(s1.documentNamespace, (toSpdx(z, { env: { SOURCE_DATE_EPOCH: "1767225600" } }) as typeof s1).documentNamespace);
  });
});
