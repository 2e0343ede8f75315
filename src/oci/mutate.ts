/**
 * Pure image edits (go-containerregistry's mutate): append layers with their
 * history entries and replace the config, giving a new Image whose manifest
 * keeps the base's media-type family (Docker v2.2 or OCI) so layers and
 * config agree with it. Leaves out: removing layers, rebasing, annotations
 * on the manifest beyond what the caller passes.
 */
import type { ImageConfig, History } from "./config.js";
import { sha256 } from "./digest.js";
import { imageFromRaw, type Image } from "./image.js";
import type { Layer } from "./layer.js";
import { encodeJson, type ImageManifest } from "./manifest.js";
import { MediaType } from "./media-type.js";

export interface Addendum {
  readonly layer: Layer;
  readonly history: History;
}

export interface AppendOptions {
  /** The new config, from the base's (the rootfs and history are filled in here). */
  readonly editConfig: (base: ImageConfig) => ImageConfig;
  readonly annotations?: Readonly<Record<string, string>>;
}

export function appendLayers(base: Image, adds: readonly Addendum[], opts: AppendOptions): Image {
  const docker = base.manifest.mediaType === MediaType.DockerManifest;
  const layerType = docker ? MediaType.DockerLayerGzip : MediaType.OciLayerGzip;
  const edited = opts.editConfig(base.config);
  const config: ImageConfig = {
    ...edited,
    rootfs: { type: "layers", diff_ids: [...base.config.rootfs.diff_ids, ...adds.map((a) => a.layer.diffId)] },
    // A base without history gets one blank entry per layer (as ggcr's mutate does), so counts agree.
    history: [...(base.config.history?.length ? base.config.history : base.manifest.layers.map(() => ({}))), ...adds.map((a) => a.history)],
  };
  const configBytes = encodeJson(config);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: base.manifest.mediaType,
    config: { mediaType: docker ? MediaType.DockerConfig : MediaType.OciConfig, digest: sha256(configBytes).text, size: configBytes.length },
    layers: [...base.manifest.layers, ...adds.map((a) => ({ ...a.layer.descriptor, mediaType: layerType }))],
    ...(opts.annotations && !docker ? { annotations: opts.annotations } : {}),
  };
  const own = new Map<string, Uint8Array>(adds.map((a) => [a.layer.descriptor.digest, a.layer.compressed]));
  own.set(manifest.config.digest, configBytes);
  const blob = async (d: string): Promise<Uint8Array> => own.get(d) ?? base.blob(d);
  return imageFromRaw(encodeJson(manifest), configBytes, blob, base.origin);
}
