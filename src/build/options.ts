/**
 * The options of `goship build` (one typed object, validated before any
 * I/O, ko's BuildOptions): what to build, for which platforms, on which
 * base, how to link, where the binary and data go, who owns them. Fed by
 * flags and the `.goship.yaml` build section alike. Leaves out per-target
 * overrides (one options object applies to every package).
 */
import { UsageError } from "../diagnostic/located-error.js";
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
}

function parseOwner(s: string, what: string): { uid: number; gid: number } {
  const m = /^(\d+)(?::(\d+))?$/.exec(s);
  if (!m) throw new UsageError(`${what} must be uid[:gid] in numbers, not ${JSON.stringify(s)}`);
  return { uid: Number(m[1]), gid: Number(m[2] ?? m[1]) };
}

export function validateBuildOptions(raw: RawBuildOptions): GoshipBuildOptions {
  const baseText = raw.base ?? DEFAULT_BASE;
  const base = parseImageRef(baseText);
  if (base === null) throw new UsageError(`--base: not an image reference: ${JSON.stringify(baseText)}`);
  let platforms: readonly Platform[] | "all";
  const ptext = raw.platform ?? "linux/amd64";
  if (ptext.trim() === "all") platforms = "all";
  else {
    try {
      platforms = ptext.split(",").map((s) => parsePlatform(s));
    } catch (e) {
      if (e instanceof PlatformError) throw new UsageError(`--platform: ${e.message}`);
      throw e;
    }
    for (const p of platforms) {
      const f = [p.os, p.architecture, p.variant].filter(Boolean).join("/");
      const known = KNOWN_PLATFORMS.includes(f) || (p.architecture === "arm64" && p.variant === "v8") || (p.architecture === "amd64" && /^v[1-4]$/.test(p.variant ?? ""));
      if (!known) throw new UsageError(`--platform: unknown platform ${f} (known: ${KNOWN_PLATFORMS.join(", ")})`);
    }
  }
  const epochText = raw.env["SOURCE_DATE_EPOCH"];
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
    base,
    insecureRegistries: raw.insecureRegistries ?? [],
    ldflags: raw.ldflags ?? [],
    tags: raw.tags ?? [],
    ...(raw.version !== undefined ? { version: raw.version } : {}),
    ...(raw.source !== undefined ? { source: raw.source } : {}),
    epoch,
    user,
    owner: parseOwner(raw.owner ?? "0:0", "--owner"),
    binaryDir: binaryDir.replace(/\/+$/, "") || "/",
    dataFolder: raw.dataFolder ?? "kodata",
    ...(raw.sslCertFile !== undefined ? { sslCertFile: raw.sslCertFile } : {}),
    env: raw.env,
    goBin: raw.goBin ?? "go",
  };
}
