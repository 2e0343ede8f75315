/**
 * Publishers (ko's publish.Interface): a built image or index in, a
 * reference out. One per sink: a registry (`<repo>/<name>` or the bare
 * repo, tags moved last), an OCI image layout folder, a `docker load`
 * tarball; `multiPublisher` fans out to several. Leaves out a daemon sink
 * and kind.
 */
import { UsageError } from "../diagnostic/located-error.js";
import type { ImageOrIndex } from "../oci/image.js";
import { writeLayout } from "../oci/layout/write-layout.js";
import { parseImageRef } from "../oci/reference.js";
import { clientFor, type ClientForOptions } from "../oci/remote/client-for.js";
import { push, type PushResult } from "../oci/remote/push.js";
import { writeTarball } from "../oci/tarball/write-tarball.js";
import { hostTarget } from "../goproject/scan-project.js";
import type { KeyObject } from "node:crypto";
import { putArtifactBlobs, type ReferrersMode } from "../oci/referrers/client.js";
import { signImage, type SignResult } from "../sign/sign-image.js";
import { attachAll, attachmentArtifacts, type AttachedAttestation, type AttestationsFor } from "./attestations.js";

export interface Published {
  /** `registry/repo@sha256:…`, `oci-layout:DIR@sha256:…` or `tarball:FILE@sha256:…`. */
  readonly ref: string;
  readonly digest: string;
  readonly push?: PushResult;
  /** SBOM / provenance referrers pushed with the image (registry sink only). */
  readonly attestations?: readonly AttachedAttestation[];
  readonly signature?: SignResult;
}

export interface Publisher {
  /** `name` is the binary name (the last element of the package path). */
  publish(image: ImageOrIndex, name: string, attest?: AttestationsFor): Promise<Published>;
}

export interface RegistryPublisherOptions extends ClientForOptions {
  /** `registry/path` (GOSHIP_REPO / --repo). */
  readonly repo: string;
  /** Use the repo as the image name (no `/<name>` suffix). */
  readonly bare?: boolean;
  readonly tags: readonly string[];
  readonly chunkSize?: number;
  readonly onBlob?: (digest: string, result: string, size: number) => void;
  /** Sign each pushed image (cosign's `.sig` tag scheme) with this ECDSA P-256 key. */
  readonly signKey?: KeyObject;
  readonly referrersMode?: ReferrersMode;
}

export function registryPublisher(o: RegistryPublisherOptions): Publisher {
  const ref = parseImageRef(o.repo);
  if (ref === null || ref.tag !== null || ref.digest !== null) throw new UsageError(`--repo must be registry/path without tag or digest, not ${JSON.stringify(o.repo)}`);
  if (!ref.raw.includes("/")) throw new UsageError(`--repo must name a registry: ${o.repo}`);
  for (const t of o.tags) if (!/^[\w][\w.-]{0,127}$/.test(t)) throw new UsageError(`--tag: not a valid tag: ${JSON.stringify(t)}`);
  const client = clientFor(ref.registry, o);
  return {
    async publish(image, name, attest) {
      const path = o.bare ? ref.path : `${ref.path}/${name}`;
      // The attestations are made and their blobs uploaded while the image pushes (the digests they
      // name are known before the push); their manifests go up once the subjects are there.
      const prepared = attest
        ? attest(`${ref.registry}/${path}`).then(async (atts) => {
            const artifacts = attachmentArtifacts(atts);
            await putArtifactBlobs(client, path, artifacts);
            return { atts, artifacts };
          })
        : undefined;
      prepared?.catch(() => undefined); // awaited below; a failed image push must not leave it unhandled
      const r = await push(client, path, image, { tags: o.tags, ...(o.chunkSize ? { chunkSize: o.chunkSize } : {}), ...(o.onBlob ? { onBlob: o.onBlob } : {}) });
      const [attestations, signature] = await Promise.all([
        prepared?.then(({ atts, artifacts }) => attachAll(client, path, atts, { artifacts, blobsPushed: true, ...(o.referrersMode ? { mode: o.referrersMode } : {}) })),
        o.signKey ? signImage(client, { ...ref, raw: `${ref.registry}/${path}@${r.digest}`, path, tag: null, digest: r.digest }, o.signKey) : undefined,
      ]);
      return { ref: `${ref.registry}/${path}@${r.digest}`, digest: r.digest, push: r, ...(attestations ? { attestations } : {}), ...(signature ? { signature } : {}) };
    },
  };
}

export function layoutPublisher(dir: string, tag = "latest"): Publisher {
  return {
    async publish(image, name) {
      await writeLayout(dir, image, `${name}:${tag}`);
      return { ref: `oci-layout:${dir}@${image.digest.text}`, digest: image.digest.text };
    },
  };
}

export function tarballPublisher(file: string, repoForTag: string | undefined, tag = "latest"): Publisher {
  let used = false;
  return {
    async publish(image, name) {
      if (used) throw new UsageError("--tarball holds one image: build one package at a time");
      used = true;
      const host = hostTarget();
      await writeTarball(file, image, { tag: `${repoForTag ? `${repoForTag}/` : ""}${name}:${tag}`, tagPlatform: `linux/${host.goarch}` });
      return { ref: `tarball:${file}@${image.digest.text}`, digest: image.digest.text };
    },
  };
}

export function multiPublisher(ps: readonly Publisher[]): Publisher {
  return {
    async publish(image, name, attest) {
      const rs: Published[] = [];
      for (const p of ps) rs.push(await p.publish(image, name, attest));
      const first = rs[0];
      if (first === undefined) throw new UsageError("nothing to publish to: give --repo (or GOSHIP_REPO), --oci-layout or --tarball");
      return first;
    },
  };
}
