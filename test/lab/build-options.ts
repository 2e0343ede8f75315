/**
 * What a lab build takes and returns, shared by the three builder drivers
 * (buildkit.ts, dockerd.ts, buildah.ts), plus the pure helpers they share:
 * log file naming and build-arg defaults. Leaves out the drivers themselves.
 */
import { basename, dirname, join } from "node:path";

export type Driver = "buildkit" | "dockerd" | "buildah";

export type BuildOutput =
  /** Push to the lab registry as <registry>/<name> (name like "goship/greeter:test"). */
  | { readonly type: "registry"; readonly name: string }
  /** Write an OCI image archive (default: <logs>/<label>.oci.tar); buildkit only. */
  | { readonly type: "oci"; readonly dest?: string }
  /** Build only. */
  | { readonly type: "none" };

export interface BuildOptions {
  readonly context: string;
  /** Dockerfile path (default <context>/Dockerfile). */
  readonly dockerfile?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly output?: BuildOutput;
  /** buildkit only: "plain" (default) or "rawjson". */
  readonly progress?: "plain" | "rawjson";
  readonly noCache?: boolean;
  /** Passed as build-arg GOPROXY=<lab proxy> unless buildArgs sets GOPROXY (default true). */
  readonly useLabProxy?: boolean;
  /** Names the log file (default: the context folder's name). */
  readonly label?: string;
  readonly timeoutMs?: number;
  readonly driver?: Driver;
}

export interface BuildResult {
  readonly driver: Driver;
  readonly ok: boolean;
  readonly exitCode: number;
  readonly timedOut: boolean;
  /** The build's whole output (progress and errors). */
  readonly logPath: string;
  readonly durationMs: number;
  /** Full reference when pushed to the lab registry. */
  readonly imageRef?: string;
  /** OCI archive path for output type "oci". */
  readonly ociArchive?: string;
}

export function dockerfileOf(opts: BuildOptions): { readonly dir: string; readonly name: string; readonly path: string } {
  const path = opts.dockerfile ?? join(opts.context, "Dockerfile");
  return { dir: dirname(path), name: basename(path), path };
}

export function buildArgsWithProxy(opts: BuildOptions, proxyUrl: string): Readonly<Record<string, string>> {
  const args = { ...(opts.buildArgs ?? {}) };
  if (opts.useLabProxy !== false && args.GOPROXY === undefined) args.GOPROXY = proxyUrl;
  return args;
}

/** "03-greeter.buildkit.plain.log": numbered so logs sort in build order. */
export function logName(seq: number, label: string, driver: Driver, suffix: string): string {
  const safe = label.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${String(seq).padStart(2, "0")}-${safe}.${driver}.${suffix}`;
}
