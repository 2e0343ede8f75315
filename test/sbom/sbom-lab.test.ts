/**
 * goship's SBOM against syft on the same image, with the build lab:
 * greeter, examples/multi's api and the BuildKit oracle (test/oracle
 * ./buildcheck, ~50 modules) are built by `runBuild` on the lab's
 * distroless stand-in and pushed to the lab registry (plus an OCI layout);
 * `goship sbom <registry ref>` and syft (anchore/syft, installed by the
 * host's go command at a pinned version into .cache/bin) scan the pushed
 * image; the Go modules syft finds (name, version, h1, purl, including the
 * main module and stdlib) must equal goship's, and goship's module list
 * must equal `go version -m` on the binary pulled back from the image. The
 * documents validate against the official schemas. GOSHIP_SKIP_LAB=1 skips.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { layoutPublisher, multiPublisher, registryPublisher, runBuild, validateBuildOptions } from "../../src/build/index.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { clientFor } from "../../src/oci/remote/client-for.js";
import { pull } from "../../src/oci/remote/pull.js";
import { flattenImage, sbomForImage } from "../../src/sbom/index.js";
import { labUnavailable, startLab, type Lab } from "../lab/index.js";
import { goship } from "../support/cli.js";
import { GO_TOOLS, ensureGoTool } from "../support/go-tools.js";
import { ROOT } from "../support/paths.js";
import { cycloneDxErrors, spdxErrors } from "./schemas.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped" : false;
/** anchore/syft, from the Go module proxy; v1.57.0 builds with the host's Go (about 25 min cold on 2 busy cores). */

function ensureSyft(): string {
  return ensureGoTool(GO_TOOLS.syft);
}

interface SyftArtifact {
  type: string;
  name: string;
  version: string;
  purl?: string;
  locations?: { path: string }[];
  metadata?: { h1Digest?: string; mainModule?: string; goBuildSettings?: unknown[] };
}

interface CdxComponent {
  type: string;
  name: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
  hashes?: { alg: string; content: string }[];
}

describe("goship sbom vs syft on a pushed image (build lab)", { skip: SKIP }, () => {
  let lab: Lab;
  let work: string;
  let syft: string;
  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    syft = ensureSyft();
    lab = await startLab({ buildkit: false });
    work = mkdtempSync(join(tmpdir(), "goship-sbom-lab-"));
  });
  after(async () => {
    await lab?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [example, pkg] of [["greeter", "."], ["multi", "./cmd/api"], ["oracle", "./buildcheck"]] as const) {
    it(`${example}: syft's Go modules equal goship's, and go version -m's`, async () => {
      const src = join(work, example);
      cpSync(example === "oracle" ? join(ROOT, "test", "oracle") : join(ROOT, "examples", example), src, { recursive: true });
      const base = lab.registry.ref("distroless/static-debian12:nonroot");
      const opts = validateBuildOptions({ dir: src, packages: [pkg], platform: "linux/amd64", base, insecureRegistries: [lab.registry.address], env: { ...process.env, SOURCE_DATE_EPOCH: "" } });
      const layout = join(work, `${example}-layout`);
      const run = await runBuild(opts, multiPublisher([registryPublisher({ repo: lab.registry.ref("goship-sbom"), tags: ["t"], insecureRegistries: [lab.registry.address] }), layoutPublisher(layout, "t")]), { git: {} });
      const res = run.results[0]!;
      const ref = lab.registry.ref(`goship-sbom/${res.pkg.binaryName}:t`);

      // goship, through the CLI, on the registry image
      let t0 = Date.now();
      const cli = await goship(["sbom", "--format", "cyclonedx", "--insecure-registry", lab.registry.address, ref], { cwd: work, env: { ...process.env } });
      const goshipMs = Date.now() - t0;
      assert.equal(cli.code, 0, cli.stderr);
      const cdx = JSON.parse(cli.stdout) as { components: CdxComponent[] };
      assert.deepEqual(cycloneDxErrors(cdx), []);
      const spdxRun = await goship(["sbom", "--format", "spdx", "--insecure-registry", lab.registry.address, ref], { cwd: work, env: { ...process.env } });
      assert.equal(spdxRun.code, 0, spdxRun.stderr);
      assert.deepEqual(spdxErrors(JSON.parse(spdxRun.stdout)), []);
      const ours = cdx.components.filter((c) => c.purl?.startsWith("pkg:golang/"));

      // syft on the same registry image
      t0 = Date.now();
      const out = execFileSync(syft, ["scan", `registry:${ref}`, "-o", "syft-json", "-q"], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, SYFT_REGISTRY_INSECURE_USE_HTTP: "true", SYFT_CHECK_FOR_APP_UPDATE: "false", HOME: work } });
      const syftMs = Date.now() - t0;
      const theirs = (JSON.parse(out) as { artifacts: SyftArtifact[] }).artifacts.filter((a) => a.type === "go-module");
      assert.ok(theirs.length >= 3, "syft found the binary's modules");

      // one row per module: purl, and h1 where there is one
      const syftRows = theirs.map((a) => `${a.purl} ${a.metadata?.h1Digest ?? ""}`).sort();
      const goshipRows = ours.map((c) => `${c.purl} ${c.properties?.find((p) => p.name === "goship:go:h1")?.value ?? ""}`).sort();
      assert.deepEqual(goshipRows, syftRows, "goship's golang purls + h1 = syft's go-module purls + h1");
      const deps = (xs: { name: string; version?: string }[]) => xs.map((x) => `${x.name}@${x.version}`).sort();
      const mainName = ours.find((c) => c.type === "application")?.name;
      const syftDeps = deps(theirs.filter((a) => a.name !== "stdlib" && a.name !== mainName));
      const goshipDeps = deps(ours.filter((c) => c.type === "library" && c.name !== "stdlib"));
      assert.deepEqual(goshipDeps, syftDeps);

      // the binary pulled back from the image, through `go version -m`
      const img = await pull(clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] }), parseImageRef(ref)!);
      assert.equal(img.kind, "image");
      const files = await flattenImage(img as never, ref);
      const binPath = [...files.keys()].find((k) => k.endsWith(`/${res.pkg.binaryName}`))!;
      const binFile = join(work, `${example}.bin`);
      writeFileSync(binFile, files.get(binPath)!);
      const vm = execFileSync("go", ["version", "-m", binFile], { encoding: "utf8" });
      const vmDeps = vm.split("\n").filter((l) => l.startsWith("\tdep\t")).map((l) => { const f = l.split("\t"); return `${f[2]}@${f[3]}`; }).sort();
      assert.deepEqual(goshipDeps, vmDeps, "goship's module list = go version -m");

      // the library API on the same image
      const api = await sbomForImage(img, ref);
      assert.equal(api.binaries.length, 1);
      assert.equal(api.options.base?.digest, run.base.digest, "base image digest from the image's annotations");
      console.log(`${example}: ${ref}: ${vmDeps.length} deps in go version -m = ${goshipDeps.length} goship = ${syftDeps.length} syft; ${goshipRows.length} golang purls (main, deps, stdlib) equal; goship sbom ${goshipMs} ms, syft ${syftMs} ms`);

      // syft on the OCI layout the build wrote agrees too
      const outLayout = execFileSync(syft, ["scan", `oci-dir:${layout}`, "-o", "syft-json", "-q"], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, SYFT_CHECK_FOR_APP_UPDATE: "false", HOME: work } });
      const layoutRows = (JSON.parse(outLayout) as { artifacts: SyftArtifact[] }).artifacts.filter((a) => a.type === "go-module").map((a) => `${a.purl} ${a.metadata?.h1Digest ?? ""}`).sort();
      assert.deepEqual(layoutRows, syftRows);
    });
  }
});
