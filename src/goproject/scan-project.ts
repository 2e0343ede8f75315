/**
 * scanProject: analyzeProject (project.ts) over a directory on disk. The
 * target GOOS/GOARCH default to the host's, named as Go names them
 * (process.platform / process.arch mapped: win32 → windows, x64 → amd64,
 * ia32 → 386 …). Environment variables (GOFLAGS, CGO_ENABLED, GOOS …) are
 * deliberately not read: the caller passes what it means.
 */
import { fsTree } from "./fs-tree.js";
import { analyzeProject, type GoProject, type ScanOptions } from "./project.js";

const GOOS: Readonly<Record<string, string>> = { win32: "windows", sunos: "solaris", cygwin: "windows" };
const GOARCH: Readonly<Record<string, string>> = {
  x64: "amd64", ia32: "386", arm: "arm", arm64: "arm64", ppc64: "ppc64le", s390x: "s390x", riscv64: "riscv64",
  loong64: "loong64", mips: "mips", mipsel: "mipsle",
};

/** The host as a Go target: { goos, goarch }. */
export function hostTarget(): { readonly goos: string; readonly goarch: string } {
  return { goos: GOOS[process.platform] ?? process.platform, goarch: GOARCH[process.arch] ?? process.arch };
}

/** Reads the Go module rooted at `dir`. Throws LocatedError for user errors (see ScanOptions.strict). */
export async function scanProject(dir: string, opts: ScanOptions = {}): Promise<GoProject> {
  const host = hostTarget();
  return analyzeProject(fsTree(dir), {
    ...opts,
    goos: opts.goos ?? host.goos,
    goarch: opts.goarch ?? host.goarch,
    displayRoot: dir,
  });
}
