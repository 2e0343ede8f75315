/**
 * SBOMs of Go binaries and images: read Go build info from a binary
 * (ELF/PE/Mach-O, pure TS), render SPDX 2.3 and CycloneDX 1.6 JSON,
 * find the Go binaries in an image. The API `goship sbom` and
 * `goship build` call.
 */
import type { ImageOrIndex } from "../oci/image.js";
import { toCycloneDx } from "./cyclonedx.js";
import { imageSbomOptions, scanImageOrIndex } from "./image-scan.js";
import { toSpdx } from "./spdx.js";
import { CYCLONEDX_JSON_MEDIA_TYPE, SPDX_JSON_MEDIA_TYPE, type FoundBinary, type SbomFormat, type SbomOptions } from "./types.js";

export { readBuildInfo, readRawBuildInfo, isGoBinary } from "./read-buildinfo.js";
export { parseModInfo, formatModInfo, formatGoVersionM, ModInfoError } from "./modinfo.js";
export { toSpdx } from "./spdx.js";
export { toCycloneDx, CYCLONEDX_SPEC_VERSION } from "./cyclonedx.js";
export { golangPurl, stdlibPurl, ociPurl, h1ToSha256Hex, modulesOf, makeInventory } from "./inventory.js";
export type { Inventory, ModuleEntry, BinaryEntry } from "./inventory.js";
export { scanImage, scanImageOrIndex, flattenImage, baseOf, imageSbomOptions } from "./image-scan.js";
export { readOciLayout, isOciLayout } from "../oci/layout/read-layout.js";
export { loadTarget, findGoBinaries } from "./load.js";
export type { LoadedTarget, LoadOptions } from "./load.js";
export type { SbomSubject } from "./subject.js";
export { SPDX_JSON_MEDIA_TYPE, CYCLONEDX_JSON_MEDIA_TYPE } from "./types.js";
export type { GoBuildInfo, GoModule, GoBuildSetting, FoundBinary, BaseImageRef, SbomOptions, SbomFormat } from "./types.js";

/** The media type of a format's JSON document. */
export function sbomMediaType(format: SbomFormat): string {
  return format === "spdx" ? SPDX_JSON_MEDIA_TYPE : CYCLONEDX_JSON_MEDIA_TYPE;
}

/** Renders `binaries` in `format`. */
export function renderSbom(format: SbomFormat, binaries: readonly FoundBinary[], opts: SbomOptions): Record<string, unknown> {
  return format === "spdx" ? toSpdx(binaries, opts) : toCycloneDx(binaries, opts);
}

export interface ImageSbom {
  readonly binaries: readonly FoundBinary[];
  readonly options: SbomOptions;
  readonly spdx: Record<string, unknown>;
  readonly cyclonedx: Record<string, unknown>;
}

/**
 * One SBOM (both formats) covering every Go binary in `image` (an image, or
 * each child of an index), named `name` (e.g. the pushed reference). The base
 * image comes from opts.base, else from the image's base.name/base.digest
 * annotations or labels. Binaries in an index are named `<os/arch>:<path>`.
 */
export async function sbomForImage(image: ImageOrIndex, name: string, opts: SbomOptions = {}): Promise<ImageSbom> {
  const binaries = await scanImageOrIndex(image, name);
  const options = imageSbomOptions(image, name, opts);
  return { binaries, options, spdx: toSpdx(binaries, options), cyclonedx: toCycloneDx(binaries, options) };
}
