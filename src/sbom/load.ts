/**
 * The I/O side of `goship sbom`: turns what the user named into the Go
 * binaries to describe and the SBOM options that go with them. A file is one
 * binary; a folder with `oci-layout` is an image layout (`DIR` or `DIR:REF`);
 * another folder is searched for Go binaries (symlinks not followed); anything
 * else that parses as an image reference is pulled from its registry.
 * Errors a user can fix are LocatedError / UsageError (exit 2).
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { LocatedError, UsageError } from "../diagnostic/located-error.js";
import type { ImageOrIndex } from "../oci/image.js";
import { parseImageRef } from "../oci/reference.js";
import { clientFor } from "../oci/remote/client-for.js";
import { pull } from "../oci/remote/pull.js";
import { RegistryError } from "../oci/remote/transport.js";
import { isExecutableHeader } from "./exe-file.js";
import { imageSbomOptions, scanImageOrIndex } from "./image-scan.js";
import { isGoBinary, readBuildInfo } from "./read-buildinfo.js";
import { isOciLayout, readOciLayout } from "../oci/layout/read-layout.js";
import type { FoundBinary, SbomOptions } from "./types.js";

export interface LoadOptions {
  readonly cwd: string;
  readonly insecureRegistries?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface LoadedTarget {
  readonly kind: "binary" | "folder" | "layout" | "registry";
  readonly binaries: readonly FoundBinary[];
  /** Options for toSpdx/toCycloneDx: name, and for images the image and base references. */
  readonly options: SbomOptions;
  readonly image?: ImageOrIndex;
}

function sha256Hex(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

/** The Go binaries under `dir` (recursive, symlinks not followed), paths relative to it with `/`. */
export function findGoBinaries(dir: string): FoundBinary[] {
  const out: FoundBinary[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size >= 64) {
        const data = readFileSync(p);
        if (!isExecutableHeader(data) || !isGoBinary(data)) continue;
        const rel = relative(dir, p).split("\\").join("/");
        out.push({ file: rel, info: readBuildInfo(data, p), sha256: sha256Hex(data) });
      }
    }
  };
  walk(dir);
  return out;
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** Reads the binaries `target` names. */
export async function loadTarget(target: string, opts: LoadOptions, base: SbomOptions = {}): Promise<LoadedTarget> {
  const path = resolve(opts.cwd, target);
  const st = statOrUndefined(path);
  if (st?.isFile()) {
    const data = readFileSync(path);
    const info = readBuildInfo(data, target);
    return { kind: "binary", binaries: [{ file: target, info, sha256: sha256Hex(data) }], options: { name: target, ...base } };
  }
  // DIR or DIR:REF for an OCI layout
  const colon = target.lastIndexOf(":");
  const layoutDir = st?.isDirectory() ? path : colon > 0 ? resolve(opts.cwd, target.slice(0, colon)) : undefined;
  if (layoutDir !== undefined && isOciLayout(layoutDir)) {
    const ref = layoutDir === path ? undefined : target.slice(colon + 1);
    const x = readOciLayout(layoutDir, ref);
    const binaries = await scanImageOrIndex(x, target);
    if (binaries.length === 0) throw new LocatedError("no Go binaries in the image", target);
    return { kind: "layout", binaries, options: imageSbomOptions(x, target, { name: target, ...base }), image: x };
  }
  if (st?.isDirectory()) {
    const binaries = findGoBinaries(path);
    if (binaries.length === 0) throw new LocatedError("no Go binaries in this folder", target);
    return { kind: "folder", binaries, options: { name: target, ...base } };
  }
  const ref = target.includes("/") || target.includes(":") ? parseImageRef(target) : null;
  if (ref === null) throw new LocatedError("no such file or folder, and not an image reference", target);
  let x: ImageOrIndex;
  try {
    const client = clientFor(ref.registry, { insecureRegistries: opts.insecureRegistries ?? [], env: opts.env ?? {} });
    x = await pull(client, ref);
  } catch (e) {
    if (e instanceof RegistryError) throw new UsageError(`${target}: ${e.message}`);
    const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (e instanceof TypeError || code !== undefined) throw new UsageError(`${target}: registry ${ref.registry} unreachable (${code ?? (e as Error).message})`);
    throw e;
  }
  let binaries: FoundBinary[];
  try {
    binaries = await scanImageOrIndex(x, target);
  } catch (e) {
    if (e instanceof RegistryError) throw new UsageError(`${target}: ${e.message}`);
    throw e;
  }
  if (binaries.length === 0) throw new LocatedError("no Go binaries in the image", target);
  const name = ref.raw;
  return { kind: "registry", binaries, options: imageSbomOptions(x, name, { name, ...base }), image: x };
}
