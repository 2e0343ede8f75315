/**
 * The format-neutral inventory both SBOM writers render: what the document
 * describes (subject), each Go binary with its Go version and build
 * settings, the modules it links (after `=>` replacements), the Go standard
 * library, the base image; plus the reproducible bits every document needs
 * (creation time from options / SOURCE_DATE_EPOCH, a UUID derived from the
 * content, purls). Pure.
 */
import { createHash } from "node:crypto";
import { VERSION } from "../version.js";
import { formatModInfo } from "./modinfo.js";
import type { BaseImageRef, FoundBinary, GoBuildInfo, GoModule, SbomOptions } from "./types.js";

export interface ModuleEntry {
  /** The module path and version whose code is in the binary (the replacement's when replaced by a module). */
  readonly path: string;
  readonly version: string;
  /** go.sum `h1:` hash, or "". */
  readonly h1: string;
  /** The module as required, when a `=>` line replaced it. */
  readonly replaces?: { readonly path: string; readonly version: string };
  /** A local folder that replaced it (no version, no hash). */
  readonly replaceDir?: string;
  readonly purl: string;
}

export interface BinaryEntry {
  readonly file: string;
  readonly sha256: string;
  readonly info: GoBuildInfo;
  /** The main module (path "" when built outside a module: then the package path stands in). */
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly modules: readonly ModuleEntry[];
}

export interface Inventory {
  readonly name: string;
  readonly created: Date;
  /** A v5-style UUID from the content's sha256: same input, same id. */
  readonly uuid: string;
  readonly tool: string;
  readonly image?: { readonly name: string; readonly digest: string; readonly purl: string };
  readonly base?: BaseImageRef & { readonly purl: string };
  readonly binaries: readonly BinaryEntry[];
  /** Every distinct module over all binaries, sorted by purl. */
  readonly modules: readonly ModuleEntry[];
  /** Distinct Go versions (one stdlib entry each), sorted. */
  readonly stdlibs: readonly { readonly goVersion: string; readonly purl: string }[];
}

/** Percent-encodes a purl segment (purl spec: keep unreserved characters). */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** `pkg:golang/<path>@<version>`: each path segment encoded, no version for "" or "(devel)". */
export function golangPurl(path: string, version: string): string {
  const p = path.split("/").map(enc).join("/");
  return version === "" || version === "(devel)" ? `pkg:golang/${p}` : `pkg:golang/${p}@${enc(version)}`;
}

/** `pkg:golang/stdlib@1.26.8` for go1.26.8 (the form vulnerability databases match). */
export function stdlibPurl(goVersion: string): string {
  return `pkg:golang/stdlib@${enc(goVersion.replace(/^go/, ""))}`;
}

/** `pkg:oci/<name>@<digest>?repository_url=<registry/repo>&tag=<tag>` for an image reference and digest. */
export function ociPurl(ref: string, digest: string): string {
  let repo = ref;
  let tag: string | undefined;
  const at = repo.indexOf("@");
  if (at >= 0) repo = repo.slice(0, at);
  const colon = repo.lastIndexOf(":");
  if (colon > repo.lastIndexOf("/")) {
    tag = repo.slice(colon + 1);
    repo = repo.slice(0, colon);
  }
  const name = repo.slice(repo.lastIndexOf("/") + 1).toLowerCase();
  const q = [`repository_url=${enc(repo.toLowerCase()).replace(/%2F/g, "/")}`];
  if (tag) q.push(`tag=${enc(tag)}`);
  return `pkg:oci/${enc(name)}@${enc(digest)}?${q.join("&")}`;
}

/** The sha256 (hex) an `h1:` go.sum hash holds, or undefined when it is not one. */
export function h1ToSha256Hex(h1: string): string | undefined {
  if (!h1.startsWith("h1:")) return undefined;
  const raw = Buffer.from(h1.slice(3), "base64");
  if (raw.length !== 32 || raw.toString("base64") !== h1.slice(3)) return undefined;
  return raw.toString("hex");
}

function moduleEntry(m: GoModule): ModuleEntry {
  const r = m.replace;
  // A folder replacement (`=> ./lib`, version "(devel)" or "") has no module identity of its own.
  const isDir = r !== undefined && (r.version === "" || r.version === "(devel)" || /^(\.{1,2}\/|\/|\.{1,2}$)/.test(r.path) || /^[A-Za-z]:[\\/]/.test(r.path));
  if (r !== undefined && !isDir) {
    return { path: r.path, version: r.version, h1: r.sum, replaces: { path: m.path, version: m.version }, purl: golangPurl(r.path, r.version) };
  }
  if (r !== undefined) return { path: m.path, version: m.version, h1: "", replaceDir: r.path, purl: golangPurl(m.path, m.version) };
  return { path: m.path, version: m.version, h1: m.sum, purl: golangPurl(m.path, m.version) };
}

/** The module list of one binary: main module excluded, replacements applied, in build-info order. */
export function modulesOf(info: GoBuildInfo): ModuleEntry[] {
  return info.deps.map(moduleEntry);
}

/** The creation time: opts.created, else SOURCE_DATE_EPOCH, else 1970-01-01T00:00:00Z. */
export function creationTime(opts: SbomOptions): Date {
  if (opts.created) return opts.created;
  const sde = opts.env?.["SOURCE_DATE_EPOCH"];
  if (sde !== undefined && /^\d+$/.test(sde)) return new Date(Number(sde) * 1000);
  return new Date(0);
}

function uuidFrom(hash: Buffer): string {
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5 (name-based, SHA)
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Builds the inventory for `binaries` (sorted by file) under `opts`. */
export function makeInventory(binaries: readonly FoundBinary[], opts: SbomOptions): Inventory {
  const sorted = [...binaries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bins: BinaryEntry[] = sorted.map((b) => {
    const main = b.info.main;
    const name = main.path !== "" ? main.path : b.info.path || b.file;
    const version = main.version;
    return { file: b.file, sha256: b.sha256, info: b.info, name, version, purl: golangPurl(name, version), modules: modulesOf(b.info) };
  });
  const byPurl = new Map<string, ModuleEntry>();
  for (const b of bins) for (const m of b.modules) if (!byPurl.has(m.purl)) byPurl.set(m.purl, m);
  const modules = [...byPurl.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
  const goVersions = [...new Set(bins.map((b) => b.info.goVersion))].sort();
  const tool = opts.tool ?? `goship-${VERSION}`;
  const name = opts.name ?? opts.image?.name ?? (bins.length === 1 ? bins[0]!.file : bins[0]?.name ?? "empty");
  const created = creationTime(opts);
  const digestInput = JSON.stringify({
    name,
    created: created.toISOString(),
    tool,
    image: opts.image ?? null,
    base: opts.base ?? null,
    binaries: bins.map((b) => [b.file, b.sha256, formatModInfo(b.info)]),
  });
  const uuid = uuidFrom(createHash("sha256").update(digestInput).digest());
  return {
    name,
    created,
    uuid,
    tool,
    ...(opts.image ? { image: { ...opts.image, purl: ociPurl(opts.image.name, opts.image.digest) } } : {}),
    ...(opts.base ? { base: { ...opts.base, purl: ociPurl(opts.base.name, opts.base.digest) } } : {}),
    binaries: bins,
    modules,
    stdlibs: goVersions.map((v) => ({ goVersion: v, purl: stdlibPurl(v) })),
  };
}

/** `2026-01-02T03:04:05Z`: ISO 8601 UTC without fractions (SPDX's form). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
