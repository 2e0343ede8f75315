/**
 * A build driven by .goship.yaml: examples/multi with a build section that
 * sets platforms, ldflags templates and env for both mains and overrides
 * them for ./cmd/worker (another base, arm64 only, its own ldflags, env and
 * data folder). Real `go build` (the host's go), base images injected in
 * memory per reference (ko's injected base), OCI layout output. Checks
 * which base and platform each image got, the data layer, and the -X
 * values linked into each binary (the amd64 one is run and prints them;
 * -trimpath keeps -ldflags out of `go version -m`).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { parseConfig } from "../config/load.js";
import type { Image, ImageOrIndex } from "../oci/image.js";
import { readTar } from "../oci/tar-read.js";
import { randomImage } from "../../test/oci/random-image.js";
import { makeRng } from "../../test/support/random.js";
import { ROOT } from "../../test/support/paths.js";
import { mergeBuildSettings } from "./config-options.js";
import { validateBuildOptions } from "./options.js";
import { layoutPublisher } from "./publisher.js";
import { runBuild } from "./run-build.js";

const CONFIG = `build:
  base: 127.0.0.1:5000/static:1
  platforms: [linux/amd64]
  ldflags: ["-X main.commit={{.Git.ShortCommit}} -X main.mark={{.Env.MARK}}"]
  env:
    MARK: from-config
  targets:
    ./cmd/worker:
      base: 127.0.0.1:5000/other:2
      platforms: linux/arm64
      ldflags: ["-X main.role={{.Env.ROLE}}-{{.Target.Arch}}"]
      env: { ROLE: worker }
      dataFolder: assets
`;

function layerFiles(img: Image, i: number): Promise<string[]> {
  return img.blob(img.manifest.layers[i]!.digest).then((b) => readTar(gunzipSync(b)).map((e) => e.path));
}

describe("goship build with a .goship.yaml build section", () => {
  it("applies the section to every main and the target overrides to ./cmd/worker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-build-cfg-"));
    try {
      const mod = join(dir, "multi");
      cpSync(join(ROOT, "examples", "multi"), mod, { recursive: true });
      mkdirSync(join(mod, "cmd", "worker", "assets"));
      writeFileSync(join(mod, "cmd", "worker", "assets", "jobs.json"), "[]\n");
      writeFileSync(join(mod, ".goship.yaml"), CONFIG);
      const marker = 'package main\n\nimport "os"\n\nvar commit, mark, role string\n\nfunc init() {\n\tif os.Getenv("PRINT_MARKS") != "" {\n\t\tos.Stdout.WriteString(commit + " " + mark + " " + role + "\\n")\n\t\tos.Exit(0)\n\t}\n}\n';
      for (const m of ["api", "worker"]) writeFileSync(join(mod, "cmd", m, "marks.go"), marker);
      const rng = makeRng(7);
      const bases = new Map<string, ImageOrIndex>([
        ["127.0.0.1:5000/static:1", randomImage(rng, 1, 32)],
        ["127.0.0.1:5000/other:2", randomImage(rng, 1, 32, "arm64")],
      ]);
      const pulled: string[] = [];
      const settings = mergeBuildSettings(parseConfig(CONFIG, join(mod, ".goship.yaml")).build!, {});
      const env = { ...process.env, SOURCE_DATE_EPOCH: "", MARK: "from-process" };
      const opts = validateBuildOptions({ ...settings, dir: mod, packages: ["./cmd/api", "./cmd/worker"], env, sbom: false, provenance: false });
      const out = join(dir, "layout");
      const run = await runBuild(opts, layoutPublisher(out), {
        git: { commit: "89abcdef0123456789" },
        pullBase: async (o) => {
          pulled.push(o.base.raw);
          return bases.get(o.base.raw)!;
        },
      });
      assert.deepEqual(pulled.sort(), ["127.0.0.1:5000/other:2", "127.0.0.1:5000/static:1"], "each base pulled once");
      const [api, worker] = run.results.map((r) => r.image as Image);
      assert.equal(api!.kind, "image");
      assert.equal(api!.config.architecture, "amd64");
      assert.equal(worker!.config.architecture, "arm64");
      assert.equal(api!.config.config?.Labels?.["org.opencontainers.image.base.name"], "127.0.0.1:5000/static:1");
      assert.equal(worker!.config.config?.Labels?.["org.opencontainers.image.base.name"], "127.0.0.1:5000/other:2");
      assert.equal(api!.manifest.layers.length, 2, "base + binary: api has no assets folder");
      assert.equal(worker!.manifest.layers.length, 3, "base + data + binary");
      assert.deepEqual(await layerFiles(worker!, 1), ["usr/", "usr/share/", "usr/share/goship/", "usr/share/goship/jobs.json"]);
      const binaryOf = async (img: Image, name: string): Promise<Buffer> => {
        const last = img.manifest.layers.at(-1)!;
        return Buffer.from(readTar(gunzipSync(await img.blob(last.digest))).find((e) => e.path === `usr/local/bin/${name}`)!.data);
      };
      const apiBin = join(dir, "api.bin");
      writeFileSync(apiBin, await binaryOf(api!, "api"), { mode: 0o755 });
      if (process.arch === "x64") assert.equal(execFileSync(apiBin, { env: { PRINT_MARKS: "1" }, encoding: "utf8" }), "89abcde from-config \n", "config env wins over the process env; section ldflags");
      const apiBytes = await binaryOf(api!, "api");
      assert.ok(apiBytes.includes("from-config") && !apiBytes.includes("worker-arm64"));
      const workerBytes = await binaryOf(worker!, "worker");
      assert.ok(workerBytes.includes("worker-arm64"), "target ldflags with target env and {{.Target.Arch}}");
      assert.ok(!workerBytes.includes("from-config"), "target ldflags replace the section's");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
