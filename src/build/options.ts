/**
 * The options of `goship build` (one typed object, validated before any
 * I/O, ko's BuildOptions): what to build, for which platforms, on which
 * base, how to link, where the binary and data go, who owns them. Fed by
 * flags and the `.goship.yaml` build section alike; per-target overrides
 * (base, platforms, ldflags, env, data folder per main package) are folded
 * in by `optionsFor` (pure).
 */
import { UsageError } from "../diagnostic/located-error.js";
import type { MainPackage } from "../goproject/project.js";
import { KNOWN_PLATFORMS, parsePlatform, PlatformError, type Platform } from "../oci/platform.js";
import { parseImageRef, type ImageRef } from "../oci/reference.js";

export const DEFAULT_BASE = "gcr.io/distroless/static-debian12:nonroot";
export const BINARY_DIR = "/usr/local/bin";
/** Not /var/run (a symlink to /run in Debian-based bases, which a folder entry would replace). */
export const DATA_DIR = "/usr/share/goship";
export const DATA_ENV = "GOSHIP_DATA_PATH";

export interface GoshipBuildOptions {
  /** Module root. */
  readonly dir: string;
  /** Packages as the user wrote them (`./cmd/x`); empty = the only main package. */
  readonly packages: readonly string[];
  /** Target platforms, or "all" = what the base offers. */
  readonly platforms: readonly Platform[] | "all";
  readonly base: ImageRef;
  /** Registries reached over plain HTTP (loopback only). */
  readonly insecureRegistries: readonly string[];
  /** Extra -ldflags (templates allowed), after the default `-s -w`. */
  readonly ldflags: readonly string[];
  readonly tags: readonly string[];
  /** Version for the label and the main package's version variable (templates allowed). */
  readonly version?: string;
  readonly source?: string;
  /** Seconds since the epoch for every timestamp (SOURCE_DATE_EPOCH, default 0). */
  readonly epoch: number;
  readonly user: string;
  /** Owner of the files goship adds (0 = root-owned, read-only for the 65532 user). */
  readonly owner: { readonly uid: number; readonly gid: number };
  readonly binaryDir: string;
  /** Data folder relative to each package (default `kodata`), placed at DATA_DIR. */
  readonly dataFolder: string;
  readonly sslCertFile?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly goBin: string;
  /** Attach SBOMs / SLSA provenance to pushed images as OCI referrers (default true). */
  readonly sbom?: boolean;
  readonly provenance?: boolean;
  /** Per main package overrides (`.goship.yaml` build.targets), validated. */
  readonly targets?: readonly TargetOptions[];
}

/** What one target (main package) overrides; the key is `./cmd/x`, `cmd/x`, `.` or an import path. */
export interface RawTargetOptions {
  readonly base?: string;
  readonly platform?: string;
  /** Replace the section's ldflags. */
  readonly ldflags?: readonly string[];
  /** Added on top of the environment of `go build` and templates. */
  readonly env?: Readonly<Record<string, string>>;
  readonly dataFolder?: string;
}

export interface TargetOptions {
  readonly key: string;
  readonly base?: ImageRef;
  readonly platforms?: readonly Platform[] | "all";
  readonly ldflags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly dataFolder?: string;
}

export interface RawBuildOptions {
  readonly dir: string;
  readonly packages?: readonly string[];
  readonly platform?: string;
  readonly base?: string;
  readonly insecureRegistries?: readonly string[];
  readonly ldflags?: readonly string[];
  readonly tags?: readonly string[];
  readonly version?: string;
  readonly source?: string;
  readonly user?: string;
  readonly owner?: string;
  readonly binaryDir?: string;
  readonly dataFolder?: string;
  readonly sslCertFile?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly goBin?: string;
  readonly sbom?: boolean;
  readonly provenance?: boolean;
  /** Extra environment for `go build` and `{{.Env.X}}` (build.env / --env), over `env`. */
  readonly buildEnv?: Readonly<Record<string, string>>;
  readonly targets?: Readonly<Record<string, RawTargetOptions>>;
}

function parseOwner(s: string, what: string): { uid: number; gid: number } {
  const m = /^(\d+)(?::(\d+))?$/.exec(s);
  if (!m) throw new UsageError(`${what} must be uid[:gid] in numbers, not ${JSON.stringify(s)}`);
  return { uid: Number(m[1]), gid: Number(m[2] ?? m[1]) };
}

function parseBase(text: string, what: string): ImageRef {
  const base = parseImageRef(text);
  if (base === null) throw new UsageError(`${what}: not an image reference: ${JSON.stringify(text)}`);
  return base;
}

function parsePlatforms(ptext: string, what: string): readonly Platform[] | "all" {
  if (ptext.trim() === "all") return "all";
  let platforms: readonly Platform[];
  try {
    platforms = ptext.split(",").map((s) => parsePlatform(s));
  } catch (e) {
    if (e instanceof PlatformError) throw new UsageError(`${what}: ${e.message}`);
    throw e;
  }
  for (const p of platforms) {
    const f = [p.os, p.architecture, p.variant].filter(Boolean).join("/");
    const known = KNOWN_PLATFORMS.includes(f) || (p.architecture === "arm64" && p.variant === "v8") || (p.architecture === "amd64" && /^v[1-4]$/.test(p.variant ?? ""));
    if (!known) throw new UsageError(`${what}: unknown platform ${f} (known: ${KNOWN_PLATFORMS.join(", ")})`);
  }
  return platforms;
}

function checkEnv(env: Readonly<Record<string, string>>, what: string): Readonly<Record<string, string>> {
  for (const k of Object.keys(env)) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new UsageError(`${what}: not an environment variable name: ${JSON.stringify(k)}`);
  return env;
}

function checkDataFolder(d: string, what: string): string {
  if (d === "" || d.startsWith("/") || d.split("/").includes("..")) throw new UsageError(`${what} must be a relative path inside the package, without '..': ${JSON.stringify(d)}`);
  return d;
}

export function validateBuildOptions(raw: RawBuildOptions): GoshipBuildOptions {
  const base = parseBase(raw.base ?? DEFAULT_BASE, "--base");
  const platforms = parsePlatforms(raw.platform ?? "linux/amd64", "--platform");
  const targets = Object.entries(raw.targets ?? {}).map(([key, t]): TargetOptions => ({
    key,
    ...(t.base !== undefined ? { base: parseBase(t.base, `build.targets.${key}.base`) } : {}),
    ...(t.platform !== undefined ? { platforms: parsePlatforms(t.platform, `build.targets.${key}.platforms`) } : {}),
    ...(t.ldflags !== undefined ? { ldflags: t.ldflags } : {}),
    ...(t.env !== undefined ? { env: checkEnv(t.env, `build.targets.${key}.env`) } : {}),
    ...(t.dataFolder !== undefined ? { dataFolder: checkDataFolder(t.dataFolder, `build.targets.${key}.dataFolder`) } : {}),
  }));
  const env = raw.buildEnv ? { ...raw.env, ...checkEnv(raw.buildEnv, "--env") } : raw.env;
  const epochText = env["SOURCE_DATE_EPOCH"];
  const epoch = epochText === undefined || epochText === "" ? 0 : Number(epochText);
  if (!Number.isInteger(epoch) || epoch < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a non-negative integer, not ${JSON.stringify(epochText)}`);
  const user = raw.user ?? "65532:65532";
  parseOwner(user, "--user");
  const binaryDir = raw.binaryDir ?? BINARY_DIR;
  if (!binaryDir.startsWith("/") || binaryDir.split("/").includes("..")) throw new UsageError(`--binary-dir must be an absolute path without '..': ${binaryDir}`);
  return {
    dir: raw.dir,
    packages: raw.packages ?? [],
    platforms,
    base: base,
    insecureRegistries: raw.insecureRegistries ?? [],
    ldflags: raw.ldflags ?? [],
    tags: raw.tags ?? [],
    ...(raw.version !== undefined ? { version: raw.version } : {}),
    ...(raw.source !== undefined ? { source: raw.source } : {}),
    epoch,
    user,
    owner: parseOwner(raw.owner ?? "0:0", "--owner"),
    binaryDir: binaryDir.replace(/\/+$/, "") || "/",
    dataFolder: checkDataFolder(raw.dataFolder ?? "kodata", "--data-folder"),
    ...(raw.sslCertFile !== undefined ? { sslCertFile: raw.sslCertFile } : {}),
    env,
    goBin: raw.goBin ?? "go",
    ...(targets.length > 0 ? { targets } : {}),
    sbom: raw.sbom ?? true,
    provenance: raw.provenance ?? true,
  };
}

function norm(p: string): string {
  const s = p.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/\/+$/, "");
  return s === "" ? "." : s;
}

/** Whether a target key (`./cmd/x`, `cmd/x`, `.`, an import path) names `pkg`. */
export function targetMatches(key: string, pkg: MainPackage): boolean {
  return key === pkg.importPath || norm(key) === pkg.dir;
}

/** The options for one package: the section's, with its target's overrides (pure). */
export function optionsFor(opts: GoshipBuildOptions, pkg: MainPackage): GoshipBuildOptions {
  const t = opts.targets?.find((x) => targetMatches(x.key, pkg));
  if (t === undefined) return opts;
  return {
    ...opts,
    ...(t.base ? { base: t.base } : {}),
    ...(t.platforms ? { platforms: t.platforms } : {}),
    ...(t.ldflags ? { ldflags: t.ldflags } : {}),
    ...(t.env ? { env: { ...opts.env, ...t.env } } : {}),
    ...(t.dataFolder ? { dataFolder: t.dataFolder } : {}),
  };
}
