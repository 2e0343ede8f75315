/**
 * An OCI layout holding a small image for `goship audit --image`: one
 * layer with a binary (a real Go binary on request, else ELF-looking bytes), a private key by name and a config file
 * with a token; a config that sets no user and bakes a token into Env; and,
 * on request, an SPDX SBOM attached as a referrer (an artifact manifest
 * whose subject is the image), as `goship build --sbom` stores it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../src/oci/digest.js";
import { imageFromRaw, type Image } from "../../src/oci/image.js";
import { layerFromTar } from "../../src/oci/layer.js";
import { encodeJson } from "../../src/oci/manifest.js";
import { MediaType } from "../../src/oci/media-type.js";
import { writeTar } from "../../src/oci/tar.js";
import { writeLayout } from "../../src/oci/layout/write-layout.js";
import { PLANTED_TOKEN } from "./fixtures.js";

export function testImage(opts: { user?: string; labels?: Record<string, string>; secretEnv?: boolean; binary?: Uint8Array }): Image {
  const fake = Buffer.alloc(4096, 0);
  fake.write("\x7fELF", 0, "latin1");
  const bin = opts.binary ?? fake;
  const layer = layerFromTar(
    writeTar(
      [
        { path: "app/server", type: "file", mode: 0o755, data: bin },
        ...(opts.secretEnv ? [
          { path: "root/.ssh/id_rsa", type: "file" as const, mode: 0o600, data: Buffer.from("not really a key\n") },
          { path: "etc/app.conf", type: "file" as const, mode: 0o644, data: Buffer.from(`token = ${PLANTED_TOKEN}\n`) },
        ] : []),
      ],
      { mtime: 0 },
    ),
  );
  const config = encodeJson({
    architecture: "amd64",
    os: "linux",
    rootfs: { type: "layers", diff_ids: [layer.diffId] },
    config: { ...(opts.user !== undefined ? { User: opts.user } : {}), Env: ["PATH=/usr/bin", ...(opts.secretEnv ? [`GITHUB_TOKEN=${PLANTED_TOKEN}`] : [])], Labels: opts.labels ?? {} },
    history: [{ created_by: "COPY /out/server /app/server # buildkit" }],
  });
  const manifest = encodeJson({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: { mediaType: MediaType.OciConfig, digest: sha256(config).text, size: config.length },
    layers: [layer.descriptor],
  });
  const blobs = new Map<string, Uint8Array>([[layer.descriptor.digest, layer.compressed], [sha256(config).text, config]]);
  return imageFromRaw(manifest, config, async (d) => {
    const b = blobs.get(d);
    if (!b) throw new Error(`no blob ${d}`);
    return b;
  });
}

/** Writes `img` as an OCI layout in `dir`; with `sbom`, attaches an SPDX document as a referrer. */
export async function writeTestLayout(dir: string, img: Image, sbom: boolean): Promise<void> {
  await writeLayout(dir, img, "latest");
  if (!sbom) return;
  const doc = Buffer.from(JSON.stringify({ spdxVersion: "SPDX-2.3", name: "test" }));
  const empty = Buffer.from("{}");
  const put = (b: Uint8Array): string => {
    const d = sha256(b).text;
    mkdirSync(join(dir, "blobs", "sha256"), { recursive: true });
    writeFileSync(join(dir, "blobs", "sha256", d.slice(7)), b);
    return d;
  };
  const artifact = encodeJson({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: "application/spdx+json",
    config: { mediaType: "application/vnd.oci.empty.v1+json", digest: put(empty), size: 2 },
    layers: [{ mediaType: "application/spdx+json", digest: put(doc), size: doc.length }],
    subject: { mediaType: MediaType.OciManifest, digest: img.digest.text, size: img.manifestBytes.length },
  });
  const digest = put(artifact);
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as { manifests: object[] };
  index.manifests.push({ mediaType: MediaType.OciManifest, digest, size: artifact.length, artifactType: "application/spdx+json" });
  writeFileSync(join(dir, "index.json"), JSON.stringify(index));
}

/** A real Go binary without dependencies, built with the host's go command (module example.com/tiny). */
export function buildTinyGoBinary(dir: string): Uint8Array {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "go.mod"), "module example.com/tiny\n\ngo 1.22\n");
  writeFileSync(join(dir, "main.go"), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("tiny") }\n');
  execFileSync("go", ["build", "-trimpath", "-o", "tiny", "."], { cwd: dir, env: { ...process.env, CGO_ENABLED: "0", GOOS: "linux", GOARCH: "amd64", GOFLAGS: "-mod=mod", GOPROXY: "off", GOTOOLCHAIN: "local" }, stdio: "pipe" });
  return readFileSync(join(dir, "tiny"));
}
