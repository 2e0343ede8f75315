/**
 * `goship build` as a library call (what the CLI wires): read the module
 * (refusing cgo), build each main package with the Builder (with its
 * target's overrides, optionsFor) and hand each result to the Publisher.
 * The base pull and git start at once, beside the module scan, and the
 * builder waits for the base only after `go build`, so neither adds to the
 * wall time; each distinct base is pulled once. The compiled binaries are
 * kept for the SBOM (no layer re-read) and src/sbom loads beside `go build`.
 * Returns what was published
 * and the timings. Leaves out `.goship.yaml` loading (the caller passes
 * merged options).
 */
import { scanProject } from "../goproject/scan-project.js";
import type { ImageOrIndex } from "../oci/image.js";
import { clientFor } from "../oci/remote/client-for.js";
import { pull } from "../oci/remote/pull.js";
import { goBuilder, type BuildResult } from "./builder.js";
import { hostGoCompile, type Compile } from "./go-compile.js";
import { readGitInfoAsync, type GitInfo } from "./git-info.js";
import { optionsFor, targetMatches, type GoshipBuildOptions } from "./options.js";
import type { ProgressSink } from "./progress.js";
import { UsageError } from "../diagnostic/located-error.js";
import type { Published, Publisher } from "./publisher.js";
import { resolvePackages } from "./resolve-packages.js";
import { readFile } from "node:fs/promises";
import { formatPlatform } from "../oci/platform.js";
import { attestationsFor, backgroundSbomMaker, type SbomMaker } from "./attestations.js";

export interface BuildRun {
  readonly base: { readonly ref: string; readonly digest: string; readonly pullMs: number };
  readonly results: readonly (BuildResult & { readonly published: Published; readonly publishMs: number })[];
  readonly totalMs: number;
}

export interface RunBuildPorts {
  readonly compile?: Compile;
  readonly pullBase?: (o: GoshipBuildOptions) => Promise<ImageOrIndex>;
  readonly git?: GitInfo;
  readonly log?: (line: string) => void;
  /** Step events (compile, layers, push) for a progress display. */
  readonly progress?: ProgressSink;
  /** SBOM documents per binary (attached when opts.sbom is not false); default: src/sbom. */
  readonly sbom?: SbomMaker;
}

export async function runBuild(opts: GoshipBuildOptions, publisher: Publisher, ports: RunBuildPorts = {}): Promise<BuildRun> {
  const t0 = performance.now();
  const pulls = new Map<string, Promise<ImageOrIndex>>();
  let pullMs = 0;
  const baseOf = (o: GoshipBuildOptions): Promise<ImageOrIndex> => {
    let p = pulls.get(o.base.raw);
    if (p === undefined) {
      const tp = performance.now();
      p = (ports.pullBase ?? defaultPullBase)(o).then((b) => {
        pullMs = Math.max(pullMs, Math.round(performance.now() - tp));
        ports.log?.(`base ${o.base.raw} @ ${b.digest.text} (${Math.round(performance.now() - tp)} ms)`);
        return b;
      });
      p.catch(() => undefined); // awaited later; an early failure must not be an unhandled rejection
      pulls.set(o.base.raw, p);
    }
    return p;
  };
  const sectionBase = baseOf(opts);
  const gitP = ports.git ? Promise.resolve(ports.git) : readGitInfoAsync(opts.dir);
  const project = await scanProject(opts.dir);
  const pkgs = resolvePackages(project, opts.packages);
  for (const t of opts.targets ?? []) {
    if (!project.mainPackages.some((m) => targetMatches(t.key, m))) throw new UsageError(`build.targets: ${t.key} is not a main package of ${project.modulePath} (main packages: ${project.mainPackages.map((m) => (m.dir === "." ? "." : `./${m.dir}`)).join(", ") || "none"})`);
  }
  const git = await gitP;
  const sbom = opts.sbom === false ? undefined : (ports.sbom ?? backgroundSbomMaker());
  // The binaries each compile writes, kept (by platform) for the SBOM: no layer re-read after the build.
  let built = new Map<string, Uint8Array>();
  const goCompile = ports.compile ?? hostGoCompile(opts.goBin);
  const compile: typeof goCompile =
    sbom === undefined
      ? goCompile
      : async (req) => {
          await goCompile(req);
          built.set(formatPlatform(req.platform), await readFile(req.out));
        };
  const results: BuildRun["results"][number][] = [];
  for (const pkg of pkgs) {
    const popts = optionsFor(opts, pkg);
    const baseP = baseOf(popts);
    built = new Map();
    const binaries = built;
    const r = await goBuilder(popts, { compile, base: baseP, git, ...(ports.progress ? { progress: ports.progress } : {}) }).build(pkg);
    const base = await baseP;
    const tpub = performance.now();
    ports.progress?.({ kind: "push-start", pkg: pkg.binaryName, ...blobTotals(r.image) });
    const attest = opts.provenance === false && sbom === undefined ? undefined : attestationsFor({ opts: popts, modulePath: project.modulePath, pkg, base: { ref: popts.base.raw, digest: base.digest.text }, git }, r.image, { provenance: opts.provenance !== false, ...(sbom ? { sbom, binaries } : {}) });
    const published = await publisher.publish(r.image, pkg.binaryName, attest);
    results.push({ ...r, published, publishMs: Math.round(performance.now() - tpub) });
    ports.progress?.({ kind: "push-done", pkg: pkg.binaryName, ref: published.ref, ms: Math.round(performance.now() - tpub) });
    ports.log?.(`${pkg.importPath} -> ${published.ref}`);
    for (const at of published.attestations ?? []) ports.log?.(`  ${at.what} -> ${at.digest} (referrer of ${at.subject}, ${at.via === "api" ? "referrers API" : "tag schema"})`);
    if (published.signature) ports.log?.(`  signed -> ${published.signature.signatureRef}`);
  }
  const base = await sectionBase;
  return { base: { ref: opts.base.raw, digest: base.digest.text, pullMs }, results, totalMs: Math.round(performance.now() - t0) };
}

/** Distinct blobs (configs and layers) of an image or index and their bytes, as a push sees them. */
function blobTotals(x: ImageOrIndex): { blobs: number; bytes: number } {
  const seen = new Map<string, number>();
  for (const img of x.kind === "image" ? [x] : x.images) {
    seen.set(img.manifest.config.digest, img.manifest.config.size);
    for (const l of img.manifest.layers) seen.set(l.digest, l.size);
  }
  let bytes = 0;
  for (const n of seen.values()) bytes += n;
  return { blobs: seen.size, bytes };
}

function defaultPullBase(opts: GoshipBuildOptions): Promise<ImageOrIndex> {
  return pull(clientFor(opts.base.registry, { insecureRegistries: opts.insecureRegistries, env: opts.env as NodeJS.ProcessEnv }), opts.base);
}
