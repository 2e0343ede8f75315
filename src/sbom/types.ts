/**
 * The data model of goship's SBOMs: Go build info as runtime/debug.BuildInfo
 * holds it (Go 1.26), the options every generator takes, and the media types
 * SBOM documents travel under (OCI referrers, files).
 */

/** runtime/debug.Module: a module path, its version and go.sum hash, and what replaced it. */
export interface GoModule {
  readonly path: string;
  readonly version: string;
  /** `h1:` hash from go.sum; empty for the main module and local replacements. */
  readonly sum: string;
  readonly replace?: GoModule;
}

/** runtime/debug.BuildSetting: one `build key=value` line. */
export interface GoBuildSetting {
  readonly key: string;
  readonly value: string;
}

/** debug/buildinfo.BuildInfo, as read from one binary. */
export interface GoBuildInfo {
  /** The go command that built the binary, e.g. `go1.26.8`. */
  readonly goVersion: string;
  /** Package path of the main package. */
  readonly path: string;
  /** The main module; all fields empty when the binary was built outside a module. */
  readonly main: GoModule;
  readonly deps: readonly GoModule[];
  readonly settings: readonly GoBuildSetting[];
}

/** One Go binary found somewhere (a file, a folder, an image layer). */
export interface FoundBinary {
  /** Path of the binary: as given, relative to a folder, or absolute in the image. */
  readonly file: string;
  readonly info: GoBuildInfo;
  /** sha256 of the binary, hex. */
  readonly sha256: string;
}

/** The base image an image was built on, when known. */
export interface BaseImageRef {
  /** e.g. `gcr.io/distroless/static-debian12:nonroot`. */
  readonly name: string;
  /** `sha256:...` of the base manifest (or index). */
  readonly digest: string;
  /** Reference of the base image's own SBOM (an OCI referrer digest or URL), when it has one. */
  readonly sbom?: string;
}

export interface SbomOptions {
  /** Document creation time. Default: SOURCE_DATE_EPOCH from `env`, else the Unix epoch (reproducible). */
  readonly created?: Date;
  /** Environment to read SOURCE_DATE_EPOCH from (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Name of the described subject (binary file, image reference); default: the main package path. */
  readonly name?: string;
  /** The image the binaries are in (name + manifest digest), when the SBOM describes an image. */
  readonly image?: { readonly name: string; readonly digest: string };
  readonly base?: BaseImageRef;
  /** Tool name written as the creator (default `goship-<VERSION>`). */
  readonly tool?: string;
}

export const SPDX_JSON_MEDIA_TYPE = "application/spdx+json";
export const CYCLONEDX_JSON_MEDIA_TYPE = "application/vnd.cyclonedx+json";

export type SbomFormat = "spdx" | "cyclonedx";
