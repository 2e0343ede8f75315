/**
 * Platforms (`os/arch[/variant]`) as the OCI image index names them, parsed
 * and matched the way containerd's platforms package does for the common
 * cases: arm64 defaults to variant v8, arm to v7, amd64 variants are ignored
 * unless both sides give one. Leaves out os.version/os.features matching and
 * Windows.
 */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export class PlatformError extends Error {
  override readonly name = "PlatformError";
}

/** Targets `go build` can produce and this tool accepts (GOOS linux only). */
export const KNOWN_PLATFORMS: readonly string[] = [
  "linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64",
];

/** Parses `linux/arm64`, `linux/arm/v7`; throws PlatformError otherwise. */
export function parsePlatform(s: string): Platform {
  const parts = s.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9]+$/.test(p))) throw new PlatformError(`not a platform (want os/arch[/variant]): ${JSON.stringify(s)}`);
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(p: Platform): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

function normalVariant(p: Platform): string | undefined {
  if (p.architecture === "arm64") return p.variant ?? "v8";
  if (p.architecture === "arm") return p.variant ?? "v7";
  return p.variant;
}

/** Whether an image for `have` satisfies a request for `want`. */
export function platformMatches(want: Platform, have: Platform): boolean {
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  const wv = normalVariant(want);
  const hv = normalVariant(have);
  if (want.architecture === "amd64" && (wv === undefined || hv === undefined)) return true;
  return wv === hv;
}

/** GOOS/GOARCH/GOARM for a platform. */
export function goEnvFor(p: Platform): Readonly<Record<string, string>> {
  const env: Record<string, string> = { GOOS: p.os, GOARCH: p.architecture };
  if (p.architecture === "arm") env["GOARM"] = (p.variant ?? "v7").replace(/^v/, "");
  if (p.architecture === "amd64" && p.variant) env["GOAMD64"] = p.variant;
  return env;
}
