/**
 * The provenance of a goship build as an in-toto Statement v1 whose
 * predicate is SLSA Provenance v1 (https://slsa.dev/provenance/v1), pure:
 * subjects (the pushed image or index and each platform manifest, by
 * sha256), the build definition (goship's build type; external parameters:
 * the packages, platforms, base reference, ldflags, tags; internal: the go
 * command and its version, CGO_ENABLED=0, -trimpath; resolved dependencies:
 * the source at its revision, the main module, go.sum by sha256, the base
 * image by digest, the Go toolchain) and the run details (builder id and
 * version). Timestamps only when the caller gives them, so the same build
 * gives the same statement bytes. Leaves out byproducts and invocation ids.
 */
import { encodeJson } from "../oci/manifest.js";

export const IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
export const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
/** Media type of an in-toto statement (the artifactType and layer type of the referrer). */
export const IN_TOTO_JSON_MEDIA_TYPE = "application/vnd.in-toto+json";
/** The build type this predicate follows (see docs/provenance.md). */
export const GOSHIP_BUILD_TYPE = "urn:goship:build:v1";
/** Default builder id: the goship package itself (a purl is a URI). */
export const GOSHIP_BUILDER_ID = "pkg:npm/goship";

export interface Subject {
  readonly name: string;
  readonly digest: Readonly<Record<string, string>>;
}

export interface ResourceDescriptor {
  readonly uri?: string;
  readonly name?: string;
  readonly digest?: Readonly<Record<string, string>>;
  readonly mediaType?: string;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

export interface SlsaProvenanceV1 {
  readonly buildDefinition: {
    readonly buildType: string;
    readonly externalParameters: Readonly<Record<string, unknown>>;
    readonly internalParameters?: Readonly<Record<string, unknown>>;
    readonly resolvedDependencies: readonly ResourceDescriptor[];
  };
  readonly runDetails: {
    readonly builder: { readonly id: string; readonly version?: Readonly<Record<string, string>> };
    readonly metadata?: { readonly startedOn?: string; readonly finishedOn?: string };
  };
}

export interface Statement<P = SlsaProvenanceV1> {
  readonly _type: typeof IN_TOTO_STATEMENT_V1;
  readonly subject: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: P;
}

export interface ProvenanceInput {
  /** `registry/repo` (or another name) of the image, and its digest `sha256:…`. */
  readonly image: { readonly name: string; readonly digest: string };
  /** Per-platform manifests of an index: `linux/amd64` → digest. */
  readonly platforms?: readonly { readonly platform: string; readonly digest: string }[];
  readonly module: { readonly path: string; readonly version?: string };
  readonly packages: readonly string[];
  /** sha256 hex of go.sum (absent when the module has no dependencies). */
  readonly goSumSha256?: string;
  readonly base: { readonly ref: string; readonly digest: string };
  readonly source?: { readonly uri?: string; readonly revision?: string };
  readonly go: { readonly command: readonly string[]; readonly version?: string; readonly env?: Readonly<Record<string, string>> };
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly builder?: { readonly id?: string; readonly version?: string };
  readonly startedOn?: string;
  readonly finishedOn?: string;
}

function sha256Of(digest: string): Record<string, string> {
  const m = /^sha256:([0-9a-f]{64})$/.exec(digest);
  if (!m) throw new Error(`provenance: not a sha256 digest: ${digest}`);
  return { sha256: m[1] as string };
}

/** `registry/repo:tag@sha256:…` → `registry/repo`; the name without tag and digest. */
function withoutTag(ref: string): string {
  const noDigest = ref.split("@")[0] as string;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

export function makeProvenance(i: ProvenanceInput): Statement {
  const subject: Subject[] = [{ name: i.image.name, digest: sha256Of(i.image.digest) }];
  for (const p of i.platforms ?? []) subject.push({ name: `${i.image.name}#${p.platform}`, digest: sha256Of(p.digest) });
  const deps: ResourceDescriptor[] = [];
  if (i.source?.uri || i.source?.revision) {
    deps.push({
      ...(i.source.uri ? { uri: i.source.revision ? `git+${i.source.uri.replace(/^git\+/, "")}@${i.source.revision}` : i.source.uri } : { name: "source" }),
      ...(i.source.revision ? { digest: { gitCommit: i.source.revision } } : {}),
    });
  }
  deps.push({ uri: `pkg:golang/${i.module.path}${i.module.version ? `@${i.module.version}` : ""}`, name: "main module" });
  if (i.goSumSha256 !== undefined) deps.push({ name: "go.sum", digest: { sha256: i.goSumSha256 } });
  deps.push({ uri: `oci://${withoutTag(i.base.ref)}`, name: i.base.ref, digest: sha256Of(i.base.digest)});
  if (i.go.version) deps.push({ uri: `pkg:golang/toolchain@${i.go.version}`, name: "go" });
  const predicate: SlsaProvenanceV1 = {
    buildDefinition: {
      buildType: GOSHIP_BUILD_TYPE,
      externalParameters: { packages: [...i.packages], base: i.base.ref, ...(i.parameters ?? {}) },
      internalParameters: { goCommand: [...i.go.command], ...(i.go.env ? { goEnv: { ...i.go.env } } : {}) },
      resolvedDependencies: deps,
    },
    runDetails: {
      builder: { id: i.builder?.id ?? GOSHIP_BUILDER_ID, ...(i.builder?.version ? { version: { goship: i.builder.version } } : {}) },
      ...(i.startedOn || i.finishedOn ? { metadata: { ...(i.startedOn ? { startedOn: i.startedOn } : {}), ...(i.finishedOn ? { finishedOn: i.finishedOn } : {}) } } : {}),
    },
  };
  return { _type: IN_TOTO_STATEMENT_V1, subject, predicateType: SLSA_PROVENANCE_V1, predicate };
}

/** The statement's bytes (compact JSON, key order as built). */
export function encodeStatement(s: Statement<unknown>): Uint8Array {
  return encodeJson(s);
}

export class StatementError extends Error {
  override readonly name = "StatementError";
}

/** Reads a statement back, checking `_type` and the shape of its subjects. */
export function parseStatement(bytes: Uint8Array): Statement<unknown> {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new StatementError("in-toto statement is not JSON");
  }
  const o = v as Partial<Statement<unknown>>;
  if (typeof v !== "object" || v === null || o._type !== IN_TOTO_STATEMENT_V1) throw new StatementError(`not an in-toto Statement v1 (_type ${JSON.stringify(o?._type)})`);
  if (!Array.isArray(o.subject) || o.subject.some((s) => typeof s?.name !== "string" || typeof s?.digest !== "object")) throw new StatementError("statement subjects need a name and a digest");
  if (typeof o.predicateType !== "string") throw new StatementError("statement has no predicateType");
  return o as Statement<unknown>;
}
