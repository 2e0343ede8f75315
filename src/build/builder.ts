/**
 * The Builder of `goship build` (ko's build.Interface): a main package in,
 * an image (one platform) or an OCI index (several) out, with no daemon.
 * Per platform: compile (the injected step), then two deterministic layers
 * on the base image pulled by digest: the package's data folder (if any) at
 * DATA_DIR with DATA_ENV naming it, and the binary at <binaryDir>/<name>;
 * then the runtime config and history. Everything time-like comes from the
 * options' epoch, so the same sources give the same digest anywhere.
 * The base may still be on its way (a promise): each platform compiles
 * first and waits for the base only to assemble, so the pull overlaps
 * `go build`; platforms build concurrently and their layers compress off
 * the main thread (fast-layer.ts). Leaves out caching across runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MainPackage } from "../goproject/project.js";
import { dirEntries } from "../oci/dir-entries.js";
import { imagePlatform, makeIndex, type Image, type ImageOrIndex } from "../oci/image.js";
import { appendLayers, type Addendum } from "../oci/mutate.js";
import { formatPlatform, type Platform } from "../oci/platform.js";
import { offeredPlatforms, selectPlatform } from "../oci/remote/pull.js";
import { parentDirs, writeTar, type TarEntry } from "../oci/tar.js";
import type { Compile } from "./go-compile.js";
import type { GitInfo } from "./git-info.js";
import { epochToRfc3339, Label, makeImageConfig } from "./image-config.js";
import { gzipLayer } from "./fast-layer.js";
import { expandTemplate } from "./ldflags-template.js";
import type { ProgressSink } from "./progress.js";
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
  /** The base image or index, resolved once (a pull from its registry), or the pull under way. */
  readonly base: ImageOrIndex | Promise<ImageOrIndex>;
  readonly git: GitInfo;
  readonly progress?: ProgressSink;
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
      const platforms = opts.platforms === "all" ? targetPlatforms(opts, await ports.base) : opts.platforms;
      const tmp = mkdtempSync(join(tmpdir(), "goship-build-"));
      try {
        // allSettled: a failed platform must not leave another's go build writing into tmp after rmSync.
        const all = Promise.allSettled(platforms.map((p) => buildOne(pkg, p, tmp)));
        // A failed pull (unreachable registry, bad credentials) ends the build now, not after go build
        // (a go build still running then writes into the removed folder and fails, unobserved).
        const settled = await Promise.race([all, Promise.resolve(ports.base).then(() => all)]);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
        if (failed) throw failed.reason;
        const results = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof buildOne>>>).value);
        const images = results.map((r) => r.image);
        const base = await ports.base;
        const image: ImageOrIndex =
          images.length === 1 && opts.platforms !== "all"
            ? (images[0] as Image)
            : makeIndex(images, { [Label.baseName]: baseName, [Label.baseDigest]: base.digest.text, [Label.created]: created });
        return { pkg, image, timings: results.map((r) => r.timing) };
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };

  async function buildOne(pkg: MainPackage, platform: Platform, tmp: string) {
    const t0 = performance.now();
    const pf = formatPlatform(platform);
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
    ports.progress?.({ kind: "compile-start", pkg: pkg.binaryName, platform: pf });
    await ports.compile({ dir: opts.dir, pkg: pkg.dir === "." ? "." : `./${pkg.dir}`, platform, out, ldflags, tags: opts.tags, env: opts.env });
    const compileMs = performance.now() - t0;
    const t2 = performance.now();
    const binary = readFileSync(out);
    ports.progress?.({ kind: "compile-done", pkg: pkg.binaryName, platform: pf, ms: Math.round(compileMs), bytes: binary.length });
    const layer = async (what: "binary" | "data", tar: Uint8Array) => {
      const tl = performance.now();
      const l = await gzipLayer(tar);
      ports.progress?.({ kind: "layer-done", pkg: pkg.binaryName, platform: pf, what, bytes: l.descriptor.size, ms: Math.round(performance.now() - tl) });
      return l;
    };

    const adds: Addendum[] = [];
    const env: [string, string][] = [];
    const dataRoot = join(opts.dir, pkg.dir, opts.dataFolder);
    if (existsSync(dataRoot) && statSync(dataRoot).isDirectory()) {
      const dest = DATA_DIR.slice(1);
      const entries: TarEntry[] = [
        ...parentDirs([dest]).map((d): TarEntry => ({ path: d, type: "dir", mode: 0o755 })),
        ...dirEntries(dataRoot, dest, opts.owner),
      ];
      adds.push({ layer: await layer("data", writeTar(entries, { mtime: opts.epoch })), history: { created, created_by: `goship build: data folder ${join(pkg.dir, opts.dataFolder)} at ${DATA_DIR}`, comment: "goship" } });
      env.push([DATA_ENV, DATA_DIR]);
    }
    const binPath = `${opts.binaryDir === "/" ? "" : opts.binaryDir}/${pkg.binaryName}`;
    const rel = binPath.slice(1);
    const binEntries: TarEntry[] = [
      ...parentDirs([rel]).map((d): TarEntry => ({ path: d, type: "dir", mode: 0o755 })),
      { path: rel, type: "file", mode: 0o755, data: binary, uid: opts.owner.uid, gid: opts.owner.gid } satisfies TarEntry,
    ].sort((a, b) => compareBytes(a.path, b.path));
    adds.push({ layer: await layer("binary", writeTar(binEntries, { mtime: opts.epoch })), history: { created, created_by: `goship build ${pkg.importPath} (go build -trimpath, CGO_ENABLED=0, ${pf})`, comment: "goship" } });
    const baseImage = selectPlatform(await ports.base, platform, baseName);
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
    return { image, timing: { platform: pf, compileMs: Math.round(compileMs), assembleMs: Math.round(performance.now() - t2), binaryBytes: binary.length } };
  }
}


/** The requested platform, with the base's variant when the request named none (arm64 → v8). */
function platformOf(base: Image, want: Platform): Platform {
  const have = imagePlatform(base);
  return want.variant === undefined && have.variant !== undefined ? { ...want, variant: have.variant } : want;
}
