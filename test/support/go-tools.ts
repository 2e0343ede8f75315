/**
 * The Go-built reference tools the tests compare goship with, pinned, and
 * where they live: .cache/bin/<name>-<version>, installed with the host's go
 * command from the Go module proxy (never by hand). scripts/test.sh installs
 * them all up front (test/support/install-go-tools.ts, timed); a test that
 * runs alone installs what it needs on first use.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CACHE } from "./paths.js";

export interface GoTool {
  readonly name: string;
  /** The package `go install` builds. */
  readonly pkg: string;
  readonly version: string;
  /** What the tests use it for. */
  readonly why: string;
}

export const GO_TOOLS = {
  crane: { name: "crane", pkg: "github.com/google/go-containerregistry/cmd/crane", version: "v0.21.7", why: "validates pushed images and indexes; lists referrers" },
  syft: { name: "syft", pkg: "github.com/anchore/syft/cmd/syft", version: "v1.57.0", why: "its Go module list of an image must equal goship's SBOM" },
  cosign: { name: "cosign", pkg: "github.com/sigstore/cosign/v2/cmd/cosign", version: "v2.6.5", why: "verifies goship's signatures; signs images goship verifies" },
  conftest: { name: "conftest", pkg: "github.com/open-policy-agent/conftest", version: "v0.71.1", why: "runs the example Rego policy on goship audit --json" },
} as const satisfies Record<string, GoTool>;

export const GO_TOOLS_BIN = join(CACHE, "bin");

/** The tool's path, installing it first when it is missing (prints the time it took). */
export function ensureGoTool(tool: GoTool): string {
  const dest = join(GO_TOOLS_BIN, `${tool.name}-${tool.version}`);
  if (existsSync(dest)) return dest;
  const t0 = Date.now();
  const gobin = mkdtempSync(join(tmpdir(), `goship-${tool.name}-`));
  try {
    execFileSync("go", ["install", `${tool.pkg}@${tool.version}`], { env: { ...process.env, GOBIN: gobin, GOFLAGS: "-buildvcs=false" }, stdio: "inherit" });
    mkdirSync(GO_TOOLS_BIN, { recursive: true });
    cpSync(join(gobin, tool.name), `${dest}.tmp`);
    // rename is atomic: a test interrupted mid-copy never leaves a half binary under the final name.
    execFileSync("mv", [`${dest}.tmp`, dest]);
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
  console.log(`installed ${tool.name} ${tool.version} with go install in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dest;
}
