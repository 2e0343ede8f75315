/**
 * The build context a package is loaded for, and its tag matching, as
 * go/build.Context (Go 1.26) does it for the gc toolchain:
 *
 * - matchTag: `cgo` when cgo is enabled, $GOOS, $GOARCH, `gc`, `linux` on
 *   android, `solaris` on illumos, `darwin` on ios, `unix` on Unix systems,
 *   `boringcrypto` as `goexperiment.boringcrypto`, and the build tags
 *   (-tags), tool tags (GOEXPERIMENT and GOARCH feature levels such as
 *   `amd64.v1`) and release tags (go1.1 … go1.26);
 * - goodOSArchFile: the `name_GOOS`, `name_GOARCH`, `name_GOOS_GOARCH` file
 *   name suffixes (before an optional `_test`), with Go's known OS and
 *   architecture lists.
 *
 * Tool tags are the Go 1.26 defaults measured with `go list -f
 * '{{context.ToolTags}}'` for the main ports (GOAMD64=v1, GOARM64=v8.0,
 * GOARM=7, GO386=sse2 …); a non-default GOEXPERIMENT or GOAMD64 level can be
 * given explicitly. Leaves out gccgo and UseAllFiles.
 */

export const KNOWN_OS: ReadonlySet<string> = new Set([
  "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
  "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
]);

export const UNIX_OS: ReadonlySet<string> = new Set([
  "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd", "solaris",
]);

export const KNOWN_ARCH: ReadonlySet<string> = new Set([
  "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le",
  "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64",
  "wasm",
]);

/** The Go release whose release tags and tool tags are modelled. */
export const GO_RELEASE_MINOR = 26;

export interface BuildContext {
  readonly goos: string;
  readonly goarch: string;
  readonly cgoEnabled: boolean;
  /** -tags. */
  readonly buildTags: readonly string[];
  /** GOEXPERIMENT and architecture feature tags. */
  readonly toolTags: readonly string[];
  /** go1.1 … go1.N. */
  readonly releaseTags: readonly string[];
}

export interface BuildContextOptions {
  readonly goos: string;
  readonly goarch: string;
  readonly cgoEnabled: boolean;
  readonly tags?: readonly string[];
  /** Replaces the default tool tags (Go 1.26 defaults for goarch). */
  readonly toolTags?: readonly string[];
}

const REGABI_ARCHES = new Set(["amd64", "arm64", "loong64", "ppc64", "ppc64le", "riscv64", "s390x"]);

const ARCH_FEATURE_TAGS: Readonly<Record<string, readonly string[]>> = {
  amd64: ["amd64.v1"],
  arm64: ["arm64.v8.0"],
  arm: ["arm.5", "arm.6", "arm.7"],
  "386": ["386.sse2"],
  riscv64: ["riscv64.rva20u64"],
  ppc64: ["ppc64.power8"],
  ppc64le: ["ppc64le.power8"],
  wasm: ["wasm.satconv", "wasm.signext"],
  mips: ["mips.hardfloat"],
  mipsle: ["mipsle.hardfloat"],
  mips64: ["mips64.hardfloat"],
  mips64le: ["mips64le.hardfloat"],
};

/** The default tool tags of Go 1.26 for a target (`go list -f '{{context.ToolTags}}'`). */
export function defaultToolTags(goos: string, goarch: string): readonly string[] {
  const tags: string[] = [];
  if (REGABI_ARCHES.has(goarch)) tags.push("goexperiment.regabiwrappers", "goexperiment.regabiargs");
  if (goos !== "darwin" && goos !== "ios") tags.push("goexperiment.dwarf5");
  tags.push("goexperiment.greenteagc", "goexperiment.randomizedheapbase64");
  tags.push(...(ARCH_FEATURE_TAGS[goarch] ?? []));
  return tags;
}

export function makeBuildContext(o: BuildContextOptions): BuildContext {
  const releaseTags: string[] = [];
  for (let i = 1; i <= GO_RELEASE_MINOR; i++) releaseTags.push(`go1.${i}`);
  return Object.freeze({
    goos: o.goos,
    goarch: o.goarch,
    cgoEnabled: o.cgoEnabled,
    buildTags: Object.freeze([...(o.tags ?? [])]),
    toolTags: Object.freeze([...(o.toolTags ?? defaultToolTags(o.goos, o.goarch))]),
    releaseTags: Object.freeze(releaseTags),
  });
}

/** go/build Context.matchTag. */
export function matchTag(ctx: BuildContext, name: string): boolean {
  if (ctx.cgoEnabled && name === "cgo") return true;
  if (name === ctx.goos || name === ctx.goarch || name === "gc") return true;
  if (ctx.goos === "android" && name === "linux") return true;
  if (ctx.goos === "illumos" && name === "solaris") return true;
  if (ctx.goos === "ios" && name === "darwin") return true;
  if (name === "unix" && UNIX_OS.has(ctx.goos)) return true;
  if (name === "boringcrypto") name = "goexperiment.boringcrypto";
  return ctx.buildTags.includes(name) || ctx.toolTags.includes(name) || ctx.releaseTags.includes(name);
}

/** The `_GOOS` / `_GOARCH` / `_GOOS_GOARCH` elements of a file name, or null when it has none. */
function osArchSuffix(name: string): { os?: string; arch?: string } | null {
  const dot = name.indexOf(".");
  if (dot >= 0) name = name.slice(0, dot);
  const i = name.indexOf("_");
  if (i < 0) return null;
  let l = name.slice(i).split("_");
  if (l.length > 0 && l[l.length - 1] === "test") l = l.slice(0, -1);
  const n = l.length;
  if (n >= 2 && KNOWN_OS.has(l[n - 2] as string) && KNOWN_ARCH.has(l[n - 1] as string)) {
    return { os: l[n - 2] as string, arch: l[n - 1] as string };
  }
  if (n >= 1 && KNOWN_OS.has(l[n - 1] as string)) return { os: l[n - 1] as string };
  if (n >= 1 && KNOWN_ARCH.has(l[n - 1] as string)) return { arch: l[n - 1] as string };
  return null;
}

/** go/build Context.goodOSArchFile. */
export function goodOSArchFile(ctx: BuildContext, name: string): boolean {
  const s = osArchSuffix(name);
  if (s === null) return true;
  return (s.arch === undefined || matchTag(ctx, s.arch)) && (s.os === undefined || matchTag(ctx, s.os));
}

