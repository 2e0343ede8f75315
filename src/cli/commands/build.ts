/**
 * `goship build [pkg...]`: flags → validateBuildOptions → runBuild with the
 * publishers asked for (registry via --repo/GOSHIP_REPO, --oci-layout,
 * --tarball), then one line per package on stdout: the published
 * reference. Registry, template and layer-path errors are input errors
 * (exit 2); a failed `go build` is exit 1. Settings come from the
 * `.goship.yaml` build section (nearest one above -C, or --config), flags
 * override them. Progress goes to stderr: redrawn in place on a TTY, one
 * line per step otherwise, nothing with --quiet.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface BuildFlags {
  platform?: string;
  env: string[];
  config?: string;
  quiet?: boolean;
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
  sbom: boolean;
  provenance: boolean;
  signKey?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function buildCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("build")
    .description("Build OCI images of Go main packages without a daemon (go build per platform, deterministic layers on a static base) and push them or write them to disk.")
    .argument("[packages...]", "main packages (./cmd/x); default: the module's only main package")
    .option("-C, --dir <dir>", "module folder", ".")
    .option("--platform <list>", "comma-separated os/arch[/variant], or all (what the base offers); default linux/amd64")
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
    .option("--user <uid:gid>", "image user (default 65532:65532)")
    .option("--owner <uid:gid>", "owner of the added files (default 0:0)")
    .option("--binary-dir <dir>", "where the binary goes in the image (default /usr/local/bin)")
    .option("--data-folder <name>", "data folder beside each main package, added as a layer at /usr/share/goship (default kodata)")
    .option("--env <KEY=VALUE>", "environment for go build and {{.Env.KEY}} templates, over build.env (repeatable)", collect, [])
    .option("-c, --config <file>", "use this .goship.yaml instead of the nearest one above the module folder")
    .option("-q, --quiet", "no progress on stderr (the references still go to stdout)")
    .option("--ssl-cert-file <path>", "set SSL_CERT_FILE in the image")
    .option("--chunk-size <bytes>", "upload blobs larger than this in chunks")
    .option("--no-sbom", "do not attach SPDX/CycloneDX SBOMs to the pushed image")
    .option("--no-provenance", "do not attach the SLSA provenance statement to the pushed image")
    .option("--sign-key <file>", "sign each pushed image with this ECDSA P-256 key (cosign format; see goship sign)")
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
  const { mergeBuildSettings, EnvFlagError } = await import("../../build/config-options.js");
  const { progressWriter } = await import("../../build/progress.js");
  const { findConfig } = await import("../../config/find.js");
  const { DEFAULT_BUILD_CONFIG } = await import("../../config/config.js");
  const c = errColors(io);
  const dir = resolve(io.cwd, flags.dir);
  const configFile = flags.config ? resolve(io.cwd, flags.config) : findConfig(dir);
  const config = configFile ? ((await import("../../config/load.js")).loadConfigFile(configFile).build ?? DEFAULT_BUILD_CONFIG) : DEFAULT_BUILD_CONFIG;
  let settings: ReturnType<typeof mergeBuildSettings>;
  try {
    settings = mergeBuildSettings(config, {
      ...(flags.base ? { base: flags.base } : {}),
      ...(flags.platform ? { platform: flags.platform } : {}),
      ldflags: flags.ldflags,
      env: flags.env,
      ...(flags.tags ? { tags: flags.tags.split(",").filter(Boolean) } : {}),
      ...(flags.imageVersion ? { version: flags.imageVersion } : {}),
      ...(flags.user ? { user: flags.user } : {}),
      ...(flags.owner ? { owner: flags.owner } : {}),
      ...(flags.binaryDir ? { binaryDir: flags.binaryDir } : {}),
      ...(flags.dataFolder ? { dataFolder: flags.dataFolder } : {}),
    });
  } catch (e) {
    if (e instanceof EnvFlagError) throw new UsageError(e.message);
    throw e;
  }
  const opts = b.validateBuildOptions({
    ...settings,
    dir,
    packages,
    insecureRegistries: flags.insecureRegistry,
    ...(flags.source ? { source: flags.source } : {}),
    ...(flags.sslCertFile ? { sslCertFile: flags.sslCertFile } : {}),
    env: io.env,
    sbom: flags.sbom,
    provenance: flags.provenance,
  });
  const repo = flags.repo ?? (io.env["GOSHIP_REPO"] || undefined) ?? config.repo ?? undefined;
  const progress = flags.quiet ? undefined : progressWriter(io.stderr as import("../../build/progress.js").ProgressStream, "build: ");
  let pushing = "";
  const onBlob = (_d: string, result: string, size: number): void => progress?.sink({ kind: "push-blob", pkg: pushing, result, bytes: size });
  const pubs: import("../../build/publisher.js").Publisher[] = [];
  const tags = flags.tag.length > 0 ? flags.tag : ["latest"];
  const chunk = flags.chunkSize !== undefined ? Number(flags.chunkSize) : undefined;
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 1)) throw new UsageError(`--chunk-size must be a positive integer`);
  try {
    const signKey = flags.signKey ? await readSignKey(resolve(io.cwd, flags.signKey), io.env) : undefined;
    if (signKey && !repo) throw new UsageError("--sign-key signs a pushed image: give --repo (or set GOSHIP_REPO)");
    if (repo) pubs.push(b.registryPublisher({ repo, bare: flags.bare === true, tags, insecureRegistries: flags.insecureRegistry, env: io.env, onBlob, ...(chunk ? { chunkSize: chunk } : {}), ...(signKey ? { signKey } : {}) }));
    if (flags.ociLayout) pubs.push(b.layoutPublisher(resolve(io.cwd, flags.ociLayout), tags[0]));
    if (flags.tarball) pubs.push(b.tarballPublisher(resolve(io.cwd, flags.tarball), repo, tags[0]));
    if (pubs.length === 0) throw new UsageError("nowhere to put the image: give --repo (or set GOSHIP_REPO), --oci-layout DIR or --tarball FILE");
    const log = (l: string): void => void (progress ? progress.note(l) : flags.quiet ? undefined : io.stderr.write(`${c.dim("build:")} ${l}\n`));
    const run = await b.runBuild(opts, b.multiPublisher(pubs), {
      log,
      ...(progress
        ? {
            progress: (e) => {
              if (e.kind === "push-start") pushing = e.pkg;
              progress.sink(e);
            },
          }
        : {}),
    }).finally(() => progress?.end());
    for (const r of run.results) io.stdout.write(`${r.published.ref}\n`);
    log(`done in ${run.totalMs} ms`);
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

async function readSignKey(file: string, env: NodeJS.ProcessEnv): Promise<import("node:crypto").KeyObject> {
  const { readPrivateKey, KeyError } = await import("../../sign/keys.js");
  const { LocatedError } = await import("../../diagnostic/located-error.js");
  try {
    return readPrivateKey(file, env);
  } catch (e) {
    if (e instanceof KeyError) throw new LocatedError(e.message, e.file);
    throw e;
  }
}
