/**
 * What `goship build` attaches to a pushed image: the SLSA v1 provenance
 * statement (subject: the pushed image or index and each platform
 * manifest; inputs: main module, go.sum sha256, base image digest, source
 * revision, the go command) on the top-level digest, and per platform the
 * SBOM documents made from the binary in the image's binary layer, each
 * pushed as an OCI referrer (artifactType + subject; tag-schema fallback
 * where the registry has no referrers API). Building the attachments is
 * pure given its inputs; reading go.sum, `go env GOVERSION` and the layer
 * is the I/O here. Leaves out SBOMs of the base image's own contents.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { MainPackage } from "../goproject/project.js";
import { imagePlatform, type Image, type ImageOrIndex } from "../oci/image.js";
import type { Descriptor } from "../oci/manifest.js";
import { formatPlatform } from "../oci/platform.js";
import { makeArtifact } from "../oci/referrers/artifact.js";
import { pushReferrer, type ReferrersMode } from "../oci/referrers/client.js";
import type { RegistryClient } from "../oci/remote/registry-client.js";
import { readTar } from "../oci/tar-read.js";
import { encodeStatement, IN_TOTO_JSON_MEDIA_TYPE, makeProvenance, SLSA_PROVENANCE_V1, type Statement } from "../provenance/statement.js";
import { redact } from "../secrets/redact.js";
import { VERSION } from "../version.js";
import type { GitInfo } from "./git-info.js";
import type { GoshipBuildOptions } from "./options.js";

/** One document to attach to one manifest. */
export interface Attachment {
  readonly subject: Descriptor;
  readonly artifactType: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** For logs: `provenance`, `sbom spdx linux/amd64`, … */
  readonly what: string;
}

export interface AttachedAttestation {
  readonly what: string;
  readonly subject: string;
  readonly digest: string;
  readonly via: "api" | "tag";
}

/** Builds the attachments once the image's registry name is known (`registry/repo`). */
export type AttestationsFor = (imageName: string) => Promise<readonly Attachment[]>;

/** SBOM documents for one platform image (named `registry/repo@digest`): what src/sbom makes. */
export type SbomMaker = (image: Image, name: string) => Promise<readonly { readonly bytes: Uint8Array; readonly mediaType: string; readonly name: string }[]>;

/** The SPDX 2.3 and CycloneDX JSON documents src/sbom makes for the Go binaries of an image. */
export async function defaultSbomMaker(): Promise<SbomMaker> {
  const sbom = await import("../sbom/index.js");
  return async (image, name) => {
    const r = await sbom.sbomForImage(image, name);
    return [
      { bytes: Buffer.from(JSON.stringify(r.spdx), "utf8"), mediaType: sbom.SPDX_JSON_MEDIA_TYPE, name: "spdx" },
      { bytes: Buffer.from(JSON.stringify(r.cyclonedx), "utf8"), mediaType: sbom.CYCLONEDX_JSON_MEDIA_TYPE, name: "cyclonedx" },
    ];
  };
}

function topDescriptor(x: ImageOrIndex): Descriptor {
  return { mediaType: x.manifest.mediaType, digest: x.digest.text, size: x.manifestBytes.length };
}

function images(x: ImageOrIndex): readonly Image[] {
  return x.kind === "image" ? [x] : x.images;
}

/** The provenance attachment of a built image (pure). */
export function provenanceAttachment(st: Statement, subject: Descriptor): Attachment {
  return {
    subject,
    artifactType: IN_TOTO_JSON_MEDIA_TYPE,
    bytes: encodeStatement(st),
    mediaType: IN_TOTO_JSON_MEDIA_TYPE,
    annotations: { "in-toto.io/predicate-type": SLSA_PROVENANCE_V1 },
    what: "provenance",
  };
}

export interface ProvenanceContext {
  readonly opts: GoshipBuildOptions;
  readonly modulePath: string;
  readonly pkg: MainPackage;
  readonly base: { readonly ref: string; readonly digest: string };
  readonly git: GitInfo;
}

function goVersion(goBin: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  try {
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) if (v !== undefined) e[k] = v;
    return execFileSync(goBin, ["env", "GOVERSION"], { encoding: "utf8", env: e, stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The provenance statement of `image` built from `ctx` (reads go.sum and the go version). */
export function buildProvenance(ctx: ProvenanceContext, image: ImageOrIndex, imageName: string): Statement {
  const o = ctx.opts;
  const goSum = join(o.dir, "go.sum");
  const goSumSha256 = existsSync(goSum) ? createHash("sha256").update(readFileSync(goSum)).digest("hex") : undefined;
  const pkgArg = ctx.pkg.dir === "." ? "." : `./${ctx.pkg.dir}`;
  const ldflags = ["-s", "-w", ...o.ldflags].map(redact).join(" ");
  const goVer = goVersion(o.goBin, o.env);
  const source = o.source ?? ctx.git.remote;
  return makeProvenance({
    image: { name: imageName, digest: image.digest.text },
    platforms: image.kind === "index" ? image.images.map((img) => ({ platform: formatPlatform(imagePlatform(img)), digest: img.digest.text })) : [],
    module: { path: ctx.modulePath },
    packages: [ctx.pkg.importPath],
    ...(goSumSha256 !== undefined ? { goSumSha256 } : {}),
    base: ctx.base,
    ...(source !== undefined || ctx.git.commit !== undefined ? { source: { ...(source !== undefined ? { uri: source } : {}), ...(ctx.git.commit !== undefined ? { revision: ctx.git.commit } : {}) } } : {}),
    go: {
      command: [o.goBin, "build", "-trimpath", `-ldflags=${ldflags}`, ...(o.tags.length > 0 ? [`-tags=${o.tags.join(",")}`] : []), pkgArg],
      ...(goVer !== undefined ? { version: goVer } : {}),
      env: { CGO_ENABLED: "0" },
    },
    parameters: {
      platforms: images(image).map((img) => formatPlatform(imagePlatform(img))),
      ...(o.version !== undefined ? { version: o.version } : {}),
      sourceDateEpoch: o.epoch,
    },
    builder: { version: VERSION },
  });
}

/** The binary at the image's entrypoint, read from its last layer (where goship puts it). */
export async function binaryFromImage(img: Image): Promise<{ bytes: Uint8Array; path: string } | null> {
  const entry = img.config.config?.Entrypoint?.[0];
  const last = img.manifest.layers.at(-1);
  if (!entry || !last) return null;
  const raw = await img.blob(last.digest);
  const tar = last.mediaType.endsWith("gzip") ? gunzipSync(raw) : raw;
  const e = readTar(tar).find((x) => x.path === entry.replace(/^\/+/, ""));
  return e ? { bytes: e.data, path: entry } : null;
}

/** SBOM attachments: per platform manifest, each document `makeSbom` gives for it. */
export async function sbomAttachments(image: ImageOrIndex, imageName: string, makeSbom: SbomMaker): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const img of images(image)) {
    const plat = formatPlatform(imagePlatform(img));
    for (const doc of await makeSbom(img, `${imageName}@${img.digest.text}`)) {
      out.push({ subject: topDescriptor(img), artifactType: doc.mediaType, bytes: doc.bytes, mediaType: doc.mediaType, what: `sbom ${doc.name} ${plat}` });
    }
  }
  return out;
}

/** The attachments goship build makes for one image, as a function of the image's registry name. */
export function attestationsFor(ctx: ProvenanceContext, image: ImageOrIndex, want: { provenance: boolean; sbom?: SbomMaker }): AttestationsFor {
  return async (imageName) => {
    const out: Attachment[] = [];
    if (want.sbom) out.push(...(await sbomAttachments(image, imageName, want.sbom)));
    if (want.provenance) out.push(provenanceAttachment(buildProvenance(ctx, image, imageName), topDescriptor(image)));
    return out;
  };
}

/** Pushes each attachment as a referrer of its subject in `repo` (the subjects must be there already). */
export async function attachAll(client: RegistryClient, repo: string, atts: readonly Attachment[], opts: { mode?: ReferrersMode } = {}): Promise<AttachedAttestation[]> {
  const out: AttachedAttestation[] = [];
  for (const a of atts) {
    const art = makeArtifact({ subject: a.subject, artifactType: a.artifactType, blobs: [{ bytes: a.bytes, mediaType: a.mediaType }], ...(a.annotations ? { annotations: a.annotations } : {}) });
    const r = await pushReferrer(client, repo, art, opts);
    out.push({ what: a.what, subject: a.subject.digest, digest: r.digest, via: r.via });
  }
  return out;
}
