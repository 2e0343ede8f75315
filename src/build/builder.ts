/**
 * The Builder of `goship build` (ko's build.Interface): a main package in,
 * an image (one platform) or an OCI index (several) out, with no daemon.
 * Per platform: compile (the injected step), then two deterministic layers
 * on the base image pulled by digest: the package's data folder (if any) at
 * DATA_DIR with DATA_ENV naming it, and the binary at <binaryDir>/<name>;
 * then the runtime config and history. Everything time-like comes from the
 * options' epoch, so the same sources give the same digest anywhere.
 * Leaves out caching across runs, SBOM and provenance layers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MainPackage } from "../goproject/project.js";
import { dirEntries } from "../oci/dir-entries.js";
import { imagePlatform, makeIndex, type Image, type ImageOrIndex } from "../oci/image.js";
import { layerFromTar } from "../oci/layer.js";
import { appendLayers, type Addendum } from "../oci/mutate.js";
import { formatPlatform, type Platform } from "../oci/platform.js";
import { offeredPlatforms, selectPlatform } from "../oci/remote/pull.js";
import { parentDirs, writeTar, type TarEntry } from "../oci/tar.js";
import type { Compile } from "./go-compile.js";
import type { GitInfo } from "./git-info.js";
import { epochToRfc3339, Label, makeImageConfig } from "./image-config.js";
import { expandTemplate } from "./ldflags-template.js";
import { DATA_DIR, DATA_ENV, type GoshipBuildOptions } from "./options.js";

export interface BuildResult {
  readonly pkg: MainPackage;
  readonly image: ImageOrIndex;
  /** Per platform: compile and assembly time in ms, binary size in bytes. */
  readonly timings: readonly { readonly platform: string; readonly compileMs: number; readonly assembleMs: number; readonly binaryBytes: number }[];
}

export interface Builder {
  build(pkg: MainPackage): Promise<BuildResult>;
}

export interface BuilderPorts {
  readonly compile: Compile;
  /** The base image or index, resolved once (a pull from its registry). */
  readonly base: ImageOrIndex;
  readonly git: GitInfo;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function targetPlatforms(opts: GoshipBuildOptions, base: ImageOrIndex): readonly Platform[] {
  if (opts.platforms !== "all") return opts.platforms;
  return offeredPlatforms(base).filter((p) => p.os === "linux");
}

export function goBuilder(opts: GoshipBuildOptions, ports: BuilderPorts): Builder {
  const created = epochToRfc3339(opts.epoch);
  const baseName = opts.base.raw;
  return {
    async build(pkg) {
      const platforms = targetPlatforms(opts, ports.base);
      const tmp = mkdtempSync(join(tmpdir(), "goship-build-"));
      try {
        const results = await Promise.all(platforms.map((p) => buildOne(pkg, p, tmp)));
        const images = results.map((r) => r.image);
        const image: ImageOrIndex =
          images.length === 1 && opts.platforms !== "all"
            ? (images[0] as Image)
            : makeIndex(images, { [Label.baseName]: baseName, [Label.baseDigest]: ports.base.digest.text, [Label.created]: created });
        return { pkg, image, timings: results.map((r) => r.timing) };
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };

  async function buildOne(pkg: MainPackage, platform: Platform, tmp: string) {
    const baseImage = selectPlatform(ports.base, platform, baseName);
    const t0 = performance.now();
    const tdata = {
      git: { ...(ports.git.commit ? { commit: ports.git.commit } : {}), ...(ports.git.tag ? { tag: ports.git.tag } : {}) },
      ...(opts.version !== undefined ? { version: opts.version } : {}),
      date: created,
      env: opts.env,
      target: { os: platform.os, arch: platform.architecture },
    };
    const version = opts.version !== undefined ? expandTemplate(opts.version, tdata) : undefined;
    const ldflags = ["-s", "-w", ...opts.ldflags.map((f) => expandTemplate(f, { ...tdata, ...(version ? { version } : {}) }))];
    if (version !== undefined && pkg.versionSymbol !== null) ldflags.push(`-X ${pkg.versionSymbol}=${version}`);
    const out = join(tmp, `${pkg.binaryName}-${formatPlatform(platform).replace(/\//g, "-")}`);
    await ports.compile({ dir: opts.dir, pkg: pkg.dir === "." ? "." : `./${pkg.dir}`, platform, out, ldflags, tags: opts.tags, env: opts.env });
    const compileMs = performance.now() - t0;
    const t2 = performance.now();
    const binary = readFileSync(out);

    const adds: Addendum[] = [];
    const env: [string, string][] = [];
    const dataRoot = join(opts.dir, pkg.dir, opts.dataFolder);
    if (existsSync(dataRoot) && statSync(dataRoot).isDirectory()) {
      const dest = DATA_DIR.slice(1);
      const entries: TarEntry[] = [
        ...parentDirs([dest]).map((d): TarEntry => ({ path: d, type: "dir", mode: 0o755 })),
        ...dirEntries(dataRoot, dest, opts.owner),
      ];
      adds.push({ layer: layerFromTar(writeTar(entries, { mtime: opts.epoch })), history: { created, created_by: `goship build: data folder ${join(pkg.dir, opts.dataFolder)} at ${DATA_DIR}`, comment: "goship" } });
      env.push([DATA_ENV, DATA_DIR]);
    }
    const binPath = `${opts.binaryDir === "/" ? "" : opts.binaryDir}/${pkg.binaryName}`;
    const rel = binPath.slice(1);
    const binEntries: TarEntry[] = [
      ...parentDirs([rel]).map((d): TarEntry => ({ path: d, type: "dir", mode: 0o755 })),
      { path: rel, type: "file", mode: 0o755, data: binary, uid: opts.owner.uid, gid: opts.owner.gid } satisfies TarEntry,
    ].sort((a, b) => compareBytes(a.path, b.path));
    adds.push({ layer: layerFromTar(writeTar(binEntries, { mtime: opts.epoch })), history: { created, created_by: `goship build ${pkg.importPath} (go build -trimpath, CGO_ENABLED=0, ${formatPlatform(platform)})`, comment: "goship" } });
    if (opts.sslCertFile) env.push(["SSL_CERT_FILE", opts.sslCertFile]);

    const labels: Record<string, string> = {
      [Label.created]: created,
      [Label.baseName]: baseName,
      [Label.baseDigest]: baseImage.digest.text,
    };
    const source = opts.source ?? ports.git.remote;
    if (source) labels[Label.source] = source;
    if (ports.git.commit) labels[Label.revision] = ports.git.commit;
    if (version) labels[Label.version] = version;
    const image = appendLayers(baseImage, adds, {
      editConfig: (c) => makeImageConfig(c, { platform: platformOf(baseImage, platform), binaryPath: binPath, user: opts.user, workingDir: "/", created, env, labels }),
      annotations: { [Label.baseName]: baseName, [Label.baseDigest]: baseImage.digest.text },
    });
    return { image, timing: { platform: formatPlatform(platform), compileMs: Math.round(compileMs), assembleMs: Math.round(performance.now() - t2), binaryBytes: binary.length } };
  }
}


/** The requested platform, with the base's variant when the request named none (arm64 → v8). */
function platformOf(base: Image, want: Platform): Platform {
  const have = imagePlatform(base);
  return want.variant === undefined && have.variant !== undefined ? { ...want, variant: have.variant } : want;
}
