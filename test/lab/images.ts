/**
 * Builds the stand-in base images (stand-ins.ts) once and caches them as a
 * ready docker-registry storage tree under the lab cache, keyed by a hash of
 * everything that goes into them (Go version, GOROOT, versions of the Debian
 * packages copied in, the lab's own image code). A warm start reuses the tree;
 * the registry (registry.ts) starts on a hard-linked copy. Leaves out
 * multi-platform images: the stand-ins are for this machine's architecture.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { layerFromDir, LAYER_EPOCH, type Layer } from "./oci-layer.js";
import { LAB_IMAGES, EXAMPLES } from "./paths.js";
import { storeImage } from "./registry-storage.js";
import { stageLayer, type HostFacts } from "./rootfs.js";
import { imageConfigJson, standInImages, type LayerKind, type StandInInputs } from "./stand-ins.js";

export interface StandInRef {
  /** Registry path and tag, e.g. "library/golang:1.26". */
  readonly ref: string;
  readonly digest: string;
  readonly labelledStandIn: true;
}

export interface StandInSet {
  readonly key: string;
  /** Registry storage tree to seed the lab registry with. */
  readonly storage: string;
  readonly images: readonly StandInRef[];
  readonly inputs: StandInInputs;
  /** True when this call built the images (cold), false when cached (warm). */
  readonly built: boolean;
  readonly durationMs: number;
}

const DEBIAN_INPUTS = ["busybox-static", "ca-certificates", "tzdata", "libc6", "libc6-dev", "gcc-12", "binutils"];
const CODE_INPUTS = ["stand-ins.js", "rootfs.js", "oci-layer.js", "registry-storage.js", "images.js"];

function goEnv(name: string): string {
  return execFileSync("go", ["env", name], { encoding: "utf8" }).trim();
}

/** The go versions the examples' go.mod files name ("go 1.26" → "1.26"). */
export function exampleGoVersions(): readonly string[] {
  const out = new Set<string>();
  for (const name of existsSync(EXAMPLES) ? readdirSync(EXAMPLES) : []) {
    const gomod = join(EXAMPLES, name, "go.mod");
    if (!existsSync(gomod)) continue;
    const m = /^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(readFileSync(gomod, "utf8"));
    if (m?.[1] !== undefined) out.add(m[1]);
  }
  return [...out].sort();
}

function dpkgVersions(): string {
  return execFileSync("dpkg-query", ["-W", "-f", "${Package}=${Version}\n", ...DEBIAN_INPUTS], { encoding: "utf8" });
}

function codeHash(): string {
  const h = createHash("sha256");
  const here = fileURLToPath(new URL(".", import.meta.url));
  for (const f of CODE_INPUTS) h.update(readFileSync(join(here, f)));
  return h.digest("hex");
}

export async function ensureStandInImages(log: (line: string) => void = () => {}): Promise<StandInSet> {
  const t0 = Date.now();
  const host: HostFacts = { goroot: goEnv("GOROOT"), goVersion: goEnv("GOVERSION").replace(/^go/, "") };
  const inputs: StandInInputs = { goVersion: host.goVersion, goModVersions: exampleGoVersions() };
  const key = createHash("sha256")
    .update(JSON.stringify({ host, inputs, dpkg: dpkgVersions(), code: codeHash(), arch: process.arch }))
    .digest("hex")
    .slice(0, 16);
  const dir = join(LAB_IMAGES, key);
  const listFile = join(dir, "images.json");
  if (existsSync(listFile)) {
    const images = JSON.parse(readFileSync(listFile, "utf8")) as StandInRef[];
    return { key, storage: join(dir, "storage"), images, inputs, built: false, durationMs: Date.now() - t0 };
  }
  log(`building stand-in base images into ${dir}`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const blobs = join(tmp, "blobs");
  mkdirSync(blobs, { recursive: true });
  try {
    const images = await buildAll(inputs, host, tmp, blobs, log);
    writeFileSync(join(tmp, "images.json"), JSON.stringify(images, null, 2));
    rmSync(join(tmp, "stage"), { recursive: true, force: true });
    rmSync(blobs, { recursive: true, force: true });
    try {
      renameSync(tmp, dir);
    } catch {
      // Another lab built the same key meanwhile: keep theirs.
      rmSync(tmp, { recursive: true, force: true });
    }
    for (const old of readdirSync(LAB_IMAGES)) {
      if (old !== key && !old.includes(".tmp-")) rmSync(join(LAB_IMAGES, old), { recursive: true, force: true });
    }
    log(`stand-in base images built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { key, storage: join(dir, "storage"), images, inputs, built: true, durationMs: Date.now() - t0 };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function buildAll(
  inputs: StandInInputs,
  host: HostFacts,
  tmp: string,
  blobs: string,
  log: (line: string) => void,
): Promise<StandInRef[]> {
  const created = new Date(LAYER_EPOCH * 1000).toISOString();
  const architecture = process.arch === "x64" ? "amd64" : process.arch;
  const layers = new Map<LayerKind, Layer>();
  const storage = join(tmp, "storage");
  const refs: StandInRef[] = [];
  for (const image of standInImages(inputs)) {
    for (const kind of image.layers) {
      if (layers.has(kind)) continue;
      const t = Date.now();
      const stage = join(tmp, "stage", kind);
      await stageLayer(kind, stage, host);
      const layer = await layerFromDir(stage, blobs);
      rmSync(stage, { recursive: true, force: true });
      layers.set(kind, layer);
      log(`  layer ${kind}: ${(layer.size / 1e6).toFixed(1)} MB gzip in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const ls = image.layers.map((k) => layers.get(k) as Layer);
    const config = imageConfigJson(image, ls.map((l) => l.diffId), created, architecture);
    const chex = createHash("sha256").update(config).digest("hex");
    writeFileSync(join(blobs, chex), config);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: `sha256:${chex}`, size: Buffer.byteLength(config) },
      layers: ls.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    });
    const digest = storeImage(storage, blobs, {
      repository: image.repository,
      tags: image.tags,
      manifest,
      blobs: [`sha256:${chex}`, ...ls.map((l) => l.digest)],
    });
    for (const tag of image.tags) refs.push({ ref: `${image.repository}:${tag}`, digest, labelledStandIn: true });
  }
  return refs;
}
