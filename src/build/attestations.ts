/**
 * What `goship build` attaches to a pushed image: the SLSA v1 provenance
 * statement (subject: the pushed image or index and each platform
 * manifest; inputs: main module, go.sum sha256, base image digest, source
 * revision, the go command) on the top-level digest, and per platform the
 * SBOM documents made from the binary the build just compiled (read from
 * the image's layers only when the caller does not have it), each pushed
 * as an OCI referrer (artifactType + subject; tag-schema fallback where the
 * registry has no referrers API), all at once. Building the attachments is
 * pure given its inputs; reading go.sum, the go version (from the compiled
 * binary's build info, else `go env GOVERSION`, async so it overlaps the
 * image push) and, in the fallback, the layers is the I/O here. Leaves out SBOMs of the base image's own contents: the SBOM from
 * the compiled binary lists that binary only, where one read from the
 * layers would also list Go binaries a base image carries (distroless has
 * none). SBOM times come from SOURCE_DATE_EPOCH (default: the Unix epoch)
 * and the provenance carries no times, so the attestation manifests are
 * byte-identical between two runs of the same build.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { MainPackage } from "../goproject/project.js";
import { imagePlatform, type Image, type ImageOrIndex } from "../oci/image.js";
import type { Descriptor } from "../oci/manifest.js";
import { formatPlatform } from "../oci/platform.js";
import { makeArtifact, type Artifact } from "../oci/referrers/artifact.js";
import { pushReferrers, type ReferrersMode } from "../oci/referrers/client.js";
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

/**
 * SBOM documents for one platform image (named `registry/repo@digest`): what src/sbom makes.
 * `binary`: the bytes of the image's entrypoint binary, when the caller has them (no layer read then).
 */
export type SbomMaker = (image: Image, name: string, binary?: Uint8Array) => Promise<readonly { readonly bytes: Uint8Array; readonly mediaType: string; readonly name: string }[]>;

/** The compiled binaries of one build, by platform (`linux/amd64`, `linux/arm/v7`, as the compile request named it). */
export type BuiltBinaries = ReadonlyMap<string, Uint8Array>;

/** The binary compiled for `img`'s platform: by its full platform, else by os/arch (the request may lack the base's variant). */
export function binaryFor(binaries: BuiltBinaries | undefined, img: Image): Uint8Array | undefined {
  if (binaries === undefined) return undefined;
  const p = imagePlatform(img);
  return binaries.get(formatPlatform(p)) ?? binaries.get(`${p.os}/${p.architecture}`);
}

/** The SPDX 2.3 and CycloneDX JSON documents src/sbom makes for the Go binaries of an image. */
export async function defaultSbomMaker(): Promise<SbomMaker> {
  return sbomMakerOf(await import("../sbom/index.js"));
}

/**
 * defaultSbomMaker without the wait: src/sbom (the CycloneDX library is ~90 ms of
 * module loading) loads in the background from now on, beside `go build`.
 */
export function backgroundSbomMaker(): SbomMaker {
  const mod = import("../sbom/index.js");
  mod.catch(() => undefined); // awaited at first use; a failed load must not be an unhandled rejection
  return async (image, name, binary) => sbomMakerOf(await mod)(image, name, binary);
}

function sbomMakerOf(sbom: typeof import("../sbom/index.js")): SbomMaker {
  return async (image, name, binary) => {
    const entry = image.config.config?.Entrypoint?.[0];
    const r =
      binary !== undefined && entry !== undefined && sbom.isGoBinary(binary)
        ? sbomForBuiltBinary(sbom, image, name, `/${entry.replace(/^\.?\/+/, "").replace(/\/+$/, "")}`, binary)
        : await sbom.sbomForImage(image, name);
    return [
      { bytes: Buffer.from(JSON.stringify(r.spdx), "utf8"), mediaType: sbom.SPDX_JSON_MEDIA_TYPE, name: "spdx" },
      { bytes: Buffer.from(JSON.stringify(r.cyclonedx), "utf8"), mediaType: sbom.CYCLONEDX_JSON_MEDIA_TYPE, name: "cyclonedx" },
    ];
  };
}

/** What sbomForImage gives for an image whose only Go binary is `binary` at `file`, without reading a layer. */
function sbomForBuiltBinary(sbom: typeof import("../sbom/index.js"), image: Image, name: string, file: string, binary: Uint8Array): { spdx: Record<string, unknown>; cyclonedx: Record<string, unknown> } {
  const binaries = [{ file, info: sbom.readBuildInfo(binary, file), sha256: createHash("sha256").update(binary).digest("hex") }];
  const options = sbom.imageSbomOptions(image, name);
  return { spdx: sbom.toSpdx(binaries, options), cyclonedx: sbom.toCycloneDx(binaries, options) };
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
  /** The go version the binaries were built with (their build info), when known: no `go env GOVERSION` then. */
  readonly goVersion?: string;
}

/** `go env GOVERSION` (async: it runs while the image pushes); undefined when the go command fails. */
export function goVersion(goBin: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) e[k] = v;
  return new Promise((resolve) => {
    const child = execFile(goBin, ["env", "GOVERSION"], { encoding: "utf8", env: e }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    child.stdin?.end();
  });
}

/** The provenance statement of `image` built from `ctx` (reads go.sum and the go version). */
export async function buildProvenance(ctx: ProvenanceContext, image: ImageOrIndex, imageName: string): Promise<Statement> {
  const o = ctx.opts;
  const goSum = join(o.dir, "go.sum");
  const goSumSha256 = existsSync(goSum) ? createHash("sha256").update(readFileSync(goSum)).digest("hex") : undefined;
  const pkgArg = ctx.pkg.dir === "." ? "." : `./${ctx.pkg.dir}`;
  const ldflags = ["-s", "-w", ...o.ldflags].map(redact).join(" ");
  const goVer = ctx.goVersion ?? (await goVersion(o.goBin, o.env));
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
export async function sbomAttachments(image: ImageOrIndex, imageName: string, makeSbom: SbomMaker, binaries?: BuiltBinaries): Promise<Attachment[]> {
  const perImage = await Promise.all(
    images(image).map(async (img) => {
      const plat = formatPlatform(imagePlatform(img));
      const docs = await makeSbom(img, `${imageName}@${img.digest.text}`, binaryFor(binaries, img));
      return docs.map((doc): Attachment => ({ subject: topDescriptor(img), artifactType: doc.mediaType, bytes: doc.bytes, mediaType: doc.mediaType, what: `sbom ${doc.name} ${plat}` }));
    }),
  );
  return perImage.flat();
}

/** The attachments goship build makes for one image, as a function of the image's registry name. */
export function attestationsFor(ctx: ProvenanceContext, image: ImageOrIndex, want: { provenance: boolean; sbom?: SbomMaker; binaries?: BuiltBinaries }): AttestationsFor {
  return async (imageName) => {
    const bin = want.binaries?.values().next().value;
    let pctx = ctx;
    if (want.provenance && ctx.goVersion === undefined && bin !== undefined) {
      const { isGoBinary, readBuildInfo } = await import("../sbom/read-buildinfo.js");
      // go1.26.8, as `go env GOVERSION` says it (a binary's version may carry ` X:<experiments>`).
      const v = isGoBinary(bin) ? readBuildInfo(bin, "binary").goVersion.split(" ")[0] : undefined;
      if (v) pctx = { ...ctx, goVersion: v };
    }
    const [sboms, prov] = await Promise.all([
      want.sbom ? sbomAttachments(image, imageName, want.sbom, want.binaries) : [],
      want.provenance ? buildProvenance(pctx, image, imageName).then((st) => [provenanceAttachment(st, topDescriptor(image))]) : [],
    ]);
    return [...sboms, ...prov];
  };
}

/** The OCI artifact (one blob, the subject) each attachment is pushed as (pure). */
export function attachmentArtifacts(atts: readonly Attachment[]): Artifact[] {
  return atts.map((a) => makeArtifact({ subject: a.subject, artifactType: a.artifactType, blobs: [{ bytes: a.bytes, mediaType: a.mediaType }], ...(a.annotations ? { annotations: a.annotations } : {}) }));
}

/**
 * Pushes each attachment as a referrer of its subject in `repo` (the subjects must be there
 * already), all at once (pushReferrers); `blobsPushed`: putArtifactBlobs already ran for them.
 */
export async function attachAll(client: RegistryClient, repo: string, atts: readonly Attachment[], opts: { mode?: ReferrersMode; blobsPushed?: boolean; artifacts?: readonly Artifact[] } = {}): Promise<AttachedAttestation[]> {
  const arts = opts.artifacts ?? attachmentArtifacts(atts);
  const rs = await pushReferrers(client, repo, arts, { ...(opts.mode ? { mode: opts.mode } : {}), ...(opts.blobsPushed ? { blobsPushed: true } : {}) });
  return atts.map((a, i) => {
    const r = rs[i] as (typeof rs)[number];
    return { what: a.what, subject: a.subject.digest, digest: r.digest, via: r.via };
  });
}
