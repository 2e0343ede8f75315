/**
 * `goship build` as a library call (what the CLI wires): validate the
 * options, read the module (refusing cgo), pull the base once, build each
 * main package with the Builder and hand each result to the Publisher.
 * Returns what was published and the timings. Leaves out `.goship.yaml`
 * loading (the caller passes merged options).
 */
import { scanProject } from "../goproject/scan-project.js";
import type { ImageOrIndex } from "../oci/image.js";
import { clientFor } from "../oci/remote/client-for.js";
import { pull } from "../oci/remote/pull.js";
import { goBuilder, type BuildResult } from "./builder.js";
import { hostGoCompile, type Compile } from "./go-compile.js";
import { readGitInfo, type GitInfo } from "./git-info.js";
import type { GoshipBuildOptions } from "./options.js";
import type { Published, Publisher } from "./publisher.js";
import { resolvePackages } from "./resolve-packages.js";

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
}

export async function runBuild(opts: GoshipBuildOptions, publisher: Publisher, ports: RunBuildPorts = {}): Promise<BuildRun> {
  const t0 = performance.now();
  const project = await scanProject(opts.dir);
  const pkgs = resolvePackages(project, opts.packages);
  const tp = performance.now();
  const base = await (ports.pullBase ?? defaultPullBase)(opts);
  const pullMs = Math.round(performance.now() - tp);
  ports.log?.(`base ${opts.base.raw} @ ${base.digest.text} (${pullMs} ms)`);
  const builder = goBuilder(opts, { compile: ports.compile ?? hostGoCompile(opts.goBin), base, git: ports.git ?? readGitInfo(opts.dir) });
  const results: BuildRun["results"][number][] = [];
  for (const pkg of pkgs) {
    const r = await builder.build(pkg);
    const tpub = performance.now();
    const published = await publisher.publish(r.image, pkg.binaryName);
    results.push({ ...r, published, publishMs: Math.round(performance.now() - tpub) });
    ports.log?.(`${pkg.importPath} -> ${published.ref}`);
  }
  return { base: { ref: opts.base.raw, digest: base.digest.text, pullMs }, results, totalMs: Math.round(performance.now() - t0) };
}

function defaultPullBase(opts: GoshipBuildOptions): Promise<ImageOrIndex> {
  return pull(clientFor(opts.base.registry, { insecureRegistries: opts.insecureRegistries, env: opts.env as NodeJS.ProcessEnv }), opts.base);
}
