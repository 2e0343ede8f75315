/**
 * The typed goship configuration (.goship.yaml). Shape and documentation live
 * in schema/goship.schema.json; this module holds the TypeScript view of it
 * and the defaults. Later capabilities add their own sections.
 */
import type { Severity } from "../finding/finding.js";

export interface LintConfig {
  readonly ignore: readonly string[];
  readonly severity: Readonly<Record<string, Severity | "off">>;
  readonly failureThreshold: Severity | "none";
  readonly trustedRegistries: readonly string[];
  readonly allowedBaseImages: readonly string[];
  /** Bytes. */
  readonly contextSizeLimit: number;
}

/** A runtime profile of `goship init` (src/generate/profiles.ts). */
export type InitProfile = "static" | "debian-slim" | "alpine" | "debug";

/** The `init` section: defaults for `goship init` (its flags override them). */
export interface InitConfig {
  readonly profile: InitProfile | null;
  readonly profiles: Readonly<Record<string, InitProfile>>;
  readonly targets: readonly string[];
  /** One port for every target, a map target → port, or null. */
  readonly port: number | Readonly<Record<string, number>> | null;
  /** A path relative to the module root, false to ignore any OpenAPI file, null to look for one. */
  readonly openapi: string | false | null;
  readonly goprivate: string | null;
  readonly withTests: boolean;
  /** The frontend image of a `# syntax=` line, or null for none. */
  readonly syntax: string | null;
  readonly tags: readonly string[];
  readonly readme: boolean;
  readonly ecrLifecycle: boolean;
}

export interface GoshipConfig {
  /** The file the configuration came from, or null for the defaults. */
  readonly file: string | null;
  readonly lint: LintConfig;
  readonly init: InitConfig;
  /** Gates of `goship audit` (absent in configs built by hand: read it with `?? DEFAULT_POLICY_CONFIG`). */
  readonly policy?: PolicyConfig;
  /** Settings of `goship build` (absent in configs built by hand: read it with `?? DEFAULT_BUILD_CONFIG`). */
  readonly build?: BuildConfig;
}

/** One entry of build.targets: what a main package overrides. */
export interface BuildTargetConfig {
  readonly base?: string;
  readonly platforms?: readonly string[];
  /** Replace the section's ldflags. */
  readonly ldflags?: readonly string[];
  /** Added to the section's env. */
  readonly env?: Readonly<Record<string, string>>;
  readonly dataFolder?: string;
}

/** The `build` section: defaults for `goship build` (its flags override them); null/empty = goship's default. */
export interface BuildConfig {
  readonly base: string | null;
  readonly platforms: readonly string[];
  readonly ldflags: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  readonly version: string | null;
  readonly dataFolder: string | null;
  readonly binaryDir: string | null;
  readonly user: string | null;
  readonly owner: string | null;
  readonly repo: string | null;
  /** Keyed by main package (./cmd/api, cmd/api, . or import path). */
  readonly targets: Readonly<Record<string, BuildTargetConfig>>;
}

export const DEFAULT_BUILD_CONFIG: BuildConfig = {
  base: null,
  platforms: [],
  ldflags: [],
  env: {},
  tags: [],
  version: null,
  dataFolder: null,
  binaryDir: null,
  user: null,
  owner: null,
  repo: null,
  targets: {},
};

/** The `policy` section: gates `goship audit` checks; an empty list or null means "no gate". */
export interface PolicyConfig {
  /** Rule IDs whose findings are escalated to errors and fail the gate when present. */
  readonly errorRules: readonly string[];
  /** Registries FROM images (and --image) may come from. */
  readonly allowedRegistries: readonly string[];
  /** Image repositories FROM may name, with * wildcards. */
  readonly allowedImages: readonly string[];
  /** "KEYWORD [text]" entries forbidden in final stages, e.g. "RUN apt-get". */
  readonly forbiddenInstructions: readonly string[];
  /** Labels the final stage (and the image) must set. */
  readonly requiredLabels: readonly string[];
  /** Bytes (compressed layers + config) of --image; null: no limit. */
  readonly maxImageSize: number | null;
  readonly requireNonRoot: boolean;
  readonly requireSbom: boolean;
  readonly requireProvenance: boolean;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = {
  errorRules: [],
  allowedRegistries: [],
  allowedImages: [],
  forbiddenInstructions: [],
  requiredLabels: [],
  maxImageSize: null,
  requireNonRoot: false,
  requireSbom: false,
  requireProvenance: false,
};

export const DEFAULT_SYNTAX = "docker/dockerfile:1";

export const DEFAULT_INIT_CONFIG: InitConfig = {
  profile: null,
  profiles: {},
  targets: [],
  port: null,
  openapi: null,
  goprivate: null,
  withTests: false,
  syntax: null,
  tags: [],
  readme: false,
  ecrLifecycle: false,
};

export const DEFAULT_CONTEXT_SIZE_LIMIT = 100 * 1000 * 1000;

export const DEFAULT_CONFIG: GoshipConfig = {
  file: null,
  lint: {
    ignore: [],
    severity: {},
    failureThreshold: "warning",
    trustedRegistries: [],
    allowedBaseImages: [],
    contextSizeLimit: DEFAULT_CONTEXT_SIZE_LIMIT,
  },
  init: DEFAULT_INIT_CONFIG,
  policy: DEFAULT_POLICY_CONFIG,
  build: DEFAULT_BUILD_CONFIG,
};

/** Parses `500MB`, `1GiB`, `2048` into bytes (SI for kB/MB/GB, binary for KiB/MiB/GiB). */
export function parseSize(v: string | number): number {
  if (typeof v === "number") return v;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]i?[bB]?|[bB])?$/.exec(v.trim());
  if (!m) throw new Error(`not a size: ${v}`);
  const n = Number(m[1]);
  const unit = (m[2] ?? "b").toLowerCase().replace(/b$/, "");
  const mult: Record<string, number> = {
    "": 1,
    k: 1e3,
    m: 1e6,
    g: 1e9,
    ki: 1024,
    mi: 1024 ** 2,
    gi: 1024 ** 3,
  };
  return Math.round(n * (mult[unit] ?? 1));
}
