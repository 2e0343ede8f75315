/**
 * What the CI generators need to know about a repository, as plain data:
 * the Go modules in it (one CI job per module), each with its Go version,
 * main packages and whether it can be built without cgo. discover.ts fills
 * it from disk; github.ts and gitlab.ts turn it into text.
 */
export interface CiMainPackage {
  /** Relative to the module root, `./`-prefixed (`./cmd/api`, or `.`). */
  readonly pkg: string;
  readonly binaryName: string;
}

export interface CiModule {
  /** Relative to the repository root, `/`-separated; "." for the root. */
  readonly dir: string;
  readonly modulePath: string;
  /** For actions/setup-go and the golang image: the toolchain directive's version, else the go directive's. */
  readonly goVersion: string;
  readonly hasGoSum: boolean;
  readonly mains: readonly CiMainPackage[];
  /** cgo is needed: `goship build` refuses it, so no build job is written. */
  readonly usesCgo: boolean;
}

export interface CiPlan {
  /** goship version the generated files run (`npx goship@<version>`). */
  readonly goshipVersion: string;
  readonly modules: readonly CiModule[];
  /** Node.js major version for npx goship. */
  readonly nodeVersion: string;
  /** Target platforms of `goship build`. */
  readonly platforms: readonly string[];
}

/** A job-id-safe slug of a module folder: "." → "", "examples/greeter" → "examples-greeter". */
export function moduleSlug(dir: string): string {
  if (dir === "." || dir === "") return "";
  return dir.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
}

/** `base` for one root module, `base-<slug>` otherwise. */
export function jobId(base: string, m: CiModule): string {
  const s = moduleSlug(m.dir);
  return s === "" ? base : `${base}-${s}`;
}
