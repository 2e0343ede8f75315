/**
 * `goship build [pkg...]`: flags → validateBuildOptions → runBuild with the
 * publishers asked for (registry via --repo/GOSHIP_REPO, --oci-layout,
 * --tarball), then one line per package on stdout: the published
 * reference. Registry, template and layer-path errors are input errors
 * (exit 2); a failed `go build` is exit 1. Leaves out `.goship.yaml` build
 * settings (flags and environment only) and a progress bar.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface BuildFlags {
  platform: string;
  base?: string;
  repo?: string;
  bare?: boolean;
  tag: string[];
  ociLayout?: string;
  tarball?: string;
  insecureRegistry: string[];
  ldflags: string[];
  tags?: string;
  version?: string;
  source?: string;
  user?: string;
  owner?: string;
  binaryDir?: string;
  dataFolder?: string;
  sslCertFile?: string;
  dir: string;
  chunkSize?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function buildCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("build")
    .description("Build OCI images of Go main packages without a daemon (go build per platform, deterministic layers on a static base) and push them or write them to disk.")
    .argument("[packages...]", "main packages (./cmd/x); default: the module's only main package")
    .option("-C, --dir <dir>", "module folder", ".")
    .option("--platform <list>", "comma-separated os/arch[/variant], or all (what the base offers)", "linux/amd64")
    .option("--base <ref>", "base image (default gcr.io/distroless/static-debian12:nonroot)")
    .option("--repo <registry/path>", "push to this repository (default: $GOSHIP_REPO); the image is <repo>/<binary>")
    .option("--bare", "push to --repo itself, without the /<binary> suffix")
    .option("-t, --tag <tag>", "tag to move after the push (repeatable)", collect, [])
    .option("--oci-layout <dir>", "write an OCI image layout")
    .option("--tarball <file>", "write a docker load tarball")
    .option("--insecure-registry <host:port>", "plain HTTP for this registry (loopback only; repeatable)", collect, [])
    .option("--ldflags <flags>", "extra -ldflags (templates: {{.Git.ShortCommit}}, {{.Version}}, {{.Env.X}}; repeatable)", collect, [])
    .option("--tags <list>", "go build tags, comma-separated")
    .option("--image-version <v>", "version label and main.version value (templates allowed)")
    .option("--source <url>", "org.opencontainers.image.source (default: git remote origin)")
    .option("--user <uid:gid>", "image user", "65532:65532")
    .option("--owner <uid:gid>", "owner of the added files", "0:0")
    .option("--binary-dir <dir>", "where the binary goes in the image", "/usr/local/bin")
    .option("--data-folder <name>", "data folder beside each main package, added as a layer at /usr/share/goship", "kodata")
    .option("--ssl-cert-file <path>", "set SSL_CERT_FILE in the image")
    .option("--chunk-size <bytes>", "upload blobs larger than this in chunks")
    .addHelpText(
      "after",
      "\nSOURCE_DATE_EPOCH sets every timestamp (default 0): the same sources give the same digest.\n" +
        "cgo programs are refused: generate a Dockerfile with `goship init --profile debian-slim`.\n\n" +
        "Examples:\n  GOSHIP_REPO=registry.example/team goship build ./cmd/api --platform linux/amd64,linux/arm64\n  goship build --oci-layout out/ --platform all\n",
    )
    .action(async (packages: string[], flags: BuildFlags & { imageVersion?: string }) => {
      setCode(await runBuildCli(packages, flags, io));
    });
}

async function runBuildCli(packages: string[], flags: BuildFlags & { imageVersion?: string }, io: Io): Promise<number> {
  const b = await import("../../build/index.js");
  const { RegistryError } = await import("../../oci/remote/transport.js");
  const { TemplateError } = await import("../../build/ldflags-template.js");
  const { LayerPathError } = await import("../../oci/dir-entries.js");
  const c = errColors(io);
  const opts = b.validateBuildOptions({
    dir: resolve(io.cwd, flags.dir),
    packages,
    platform: flags.platform,
    ...(flags.base ? { base: flags.base } : {}),
    insecureRegistries: flags.insecureRegistry,
    ldflags: flags.ldflags,
    tags: flags.tags ? flags.tags.split(",").filter(Boolean) : [],
    ...(flags.imageVersion ? { version: flags.imageVersion } : {}),
    ...(flags.source ? { source: flags.source } : {}),
    ...(flags.user ? { user: flags.user } : {}),
    ...(flags.owner ? { owner: flags.owner } : {}),
    ...(flags.binaryDir ? { binaryDir: flags.binaryDir } : {}),
    ...(flags.dataFolder ? { dataFolder: flags.dataFolder } : {}),
    ...(flags.sslCertFile ? { sslCertFile: flags.sslCertFile } : {}),
    env: io.env,
  });
  const repo = flags.repo ?? io.env["GOSHIP_REPO"];
  const pubs: import("../../build/publisher.js").Publisher[] = [];
  const tags = flags.tag.length > 0 ? flags.tag : ["latest"];
  const chunk = flags.chunkSize !== undefined ? Number(flags.chunkSize) : undefined;
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 1)) throw new UsageError(`--chunk-size must be a positive integer`);
  try {
    if (repo) pubs.push(b.registryPublisher({ repo, bare: flags.bare === true, tags, insecureRegistries: flags.insecureRegistry, env: io.env, ...(chunk ? { chunkSize: chunk } : {}) }));
    if (flags.ociLayout) pubs.push(b.layoutPublisher(resolve(io.cwd, flags.ociLayout), tags[0]));
    if (flags.tarball) pubs.push(b.tarballPublisher(resolve(io.cwd, flags.tarball), repo, tags[0]));
    if (pubs.length === 0) throw new UsageError("nowhere to put the image: give --repo (or set GOSHIP_REPO), --oci-layout DIR or --tarball FILE");
    const run = await b.runBuild(opts, b.multiPublisher(pubs), { log: (l) => io.stderr.write(`${c.dim("build:")} ${l}\n`) });
    for (const r of run.results) {
      io.stdout.write(`${r.published.ref}\n`);
      for (const t of r.timings) io.stderr.write(`${c.dim("build:")} ${r.pkg.binaryName} ${t.platform}: go build ${t.compileMs} ms, image ${t.assembleMs} ms, binary ${t.binaryBytes} bytes\n`);
    }
    io.stderr.write(`${c.dim("build:")} done in ${run.totalMs} ms\n`);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof b.CompileError) {
      io.stderr.write(`${c.red("error")}: ${e.message}\n`);
      return EXIT_FINDINGS;
    }
    if (e instanceof RegistryError || e instanceof TemplateError || e instanceof LayerPathError) throw new UsageError(e.message);
    throw e;
  }
}
