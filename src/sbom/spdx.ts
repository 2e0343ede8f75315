/**
 * toSpdx: an SPDX 2.3 JSON document from Go build info. One package per
 * binary (APPLICATION: main module, sha256 of the file, Go version and build
 * settings as annotations), one per linked module (LIBRARY: purl, the go.sum
 * h1 hash as its SHA256 checksum), one per Go standard library, and the
 * image and its base image (CONTAINER) when given; relationships DESCRIBES,
 * CONTAINS, DEPENDS_ON, DESCENDANT_OF. Deterministic: the namespace comes from
 * a content hash, the date from options / SOURCE_DATE_EPOCH. Pure; no SPDX
 * library exists for JavaScript that is kept up, so this writes the JSON.
 */
import { h1ToSha256Hex, isoSeconds, makeInventory, type BinaryEntry, type Inventory, type ModuleEntry } from "./inventory.js";
import { asBinaries, type SbomSubject } from "./subject.js";
import type { SbomOptions } from "./types.js";

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  supplier?: string;
  downloadLocation: string;
  filesAnalyzed: false;
  checksums?: { algorithm: string; checksumValue: string }[];
  licenseConcluded: string;
  licenseDeclared: string;
  copyrightText: string;
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  primaryPackagePurpose: string;
  comment?: string;
  annotations?: { annotationDate: string; annotationType: string; annotator: string; comment: string }[];
}

const NOASSERTION = "NOASSERTION";

/** SPDX ids allow letters, digits, `.` and `-`: anything else becomes `-`, plus a short hash for uniqueness. */
function spdxId(kind: string, key: string, seen: Set<string>): string {
  const base = `SPDXRef-${kind}-${key.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "")}`;
  let id = base;
  for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
  seen.add(id);
  return id;
}

function purlRef(purl: string): SpdxPackage["externalRefs"] {
  return [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: purl }];
}

function basePackage(id: string, name: string, version: string, purpose: string): SpdxPackage {
  return {
    SPDXID: id,
    name,
    ...(version !== "" ? { versionInfo: version } : {}),
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: purpose,
  };
}

function modulePackage(m: ModuleEntry, id: string): SpdxPackage {
  const p = basePackage(id, m.path, m.version, "LIBRARY");
  const hex = h1ToSha256Hex(m.h1);
  if (hex) p.checksums = [{ algorithm: "SHA256", checksumValue: hex }];
  p.externalRefs = purlRef(m.purl);
  const notes: string[] = [];
  if (m.h1) notes.push(`go.sum hash ${m.h1}`);
  if (m.replaces) notes.push(`replaces ${m.replaces.path} ${m.replaces.version}`);
  if (m.replaceDir) notes.push(`replaced by the local folder ${m.replaceDir}`);
  if (notes.length) p.comment = notes.join("; ");
  return p;
}

function binaryPackage(b: BinaryEntry, id: string, inv: Inventory): SpdxPackage {
  const p = basePackage(id, b.name, b.version, "APPLICATION");
  if (b.sha256) p.checksums = [{ algorithm: "SHA256", checksumValue: b.sha256 }];
  p.externalRefs = purlRef(b.purl);
  p.comment = `Go binary ${b.file}`;
  const date = isoSeconds(inv.created);
  const note = (comment: string) => ({ annotationDate: date, annotationType: "OTHER", annotator: `Tool: ${inv.tool}`, comment });
  p.annotations = [
    note(`goship:file=${b.file}`),
    note(`goship:go:version=${b.info.goVersion}`),
    ...(b.info.path ? [note(`goship:go:package=${b.info.path}`)] : []),
    ...(b.info.main.sum ? [note(`goship:go:main:h1=${b.info.main.sum}`)] : []),
    ...b.info.settings.map((s) => note(`goship:go:build:${s.key}=${s.value}`)),
  ];
  return p;
}

/** An SPDX 2.3 JSON document (a plain object; JSON.stringify it) for `subject`. */
export function toSpdx(subject: SbomSubject, opts: SbomOptions = {}): Record<string, unknown> {
  const inv = makeInventory(asBinaries(subject, opts), opts);
  const seen = new Set<string>();
  const packages: SpdxPackage[] = [];
  const relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] = [];
  const rel = (a: string, type: string, b: string) => relationships.push({ spdxElementId: a, relationshipType: type, relatedSpdxElement: b });

  let imageId: string | undefined;
  if (inv.image) {
    imageId = spdxId("Image", inv.image.name, seen);
    const p = basePackage(imageId, inv.image.name, inv.image.digest, "CONTAINER");
    if (inv.image.digest.startsWith("sha256:")) p.checksums = [{ algorithm: "SHA256", checksumValue: inv.image.digest.slice(7) }];
    p.externalRefs = purlRef(inv.image.purl);
    packages.push(p);
  }
  const moduleIds = new Map<string, string>();
  for (const m of inv.modules) {
    const id = spdxId("go-module", `${m.path}-${m.version}`, seen);
    moduleIds.set(m.purl, id);
  }
  const stdIds = new Map<string, string>();
  for (const s of inv.stdlibs) stdIds.set(s.goVersion, spdxId("go-stdlib", s.goVersion, seen));
  const binIds: string[] = [];
  for (const b of inv.binaries) {
    const id = spdxId("go-binary", b.file, seen);
    binIds.push(id);
    packages.push(binaryPackage(b, id, inv));
    for (const m of b.modules) rel(id, "DEPENDS_ON", moduleIds.get(m.purl)!);
    rel(id, "DEPENDS_ON", stdIds.get(b.info.goVersion)!);
    if (imageId) rel(imageId, "CONTAINS", id);
  }
  for (const m of inv.modules) packages.push(modulePackage(m, moduleIds.get(m.purl)!));
  for (const s of inv.stdlibs) {
    const p = basePackage(stdIds.get(s.goVersion)!, "stdlib", s.goVersion, "LIBRARY");
    p.externalRefs = purlRef(s.purl);
    p.comment = "the Go standard library linked into the binaries built by this go command";
    packages.push(p);
  }
  if (inv.base) {
    const id = spdxId("BaseImage", inv.base.name, seen);
    const p = basePackage(id, inv.base.name, inv.base.digest, "CONTAINER");
    if (inv.base.digest.startsWith("sha256:")) p.checksums = [{ algorithm: "SHA256", checksumValue: inv.base.digest.slice(7) }];
    p.externalRefs = purlRef(inv.base.purl);
    if (inv.base.sbom) p.externalRefs?.push({ referenceCategory: "OTHER", referenceType: "sbom", referenceLocator: inv.base.sbom });
    p.comment = inv.base.sbom ? `base image; its own SBOM: ${inv.base.sbom}` : "base image";
    packages.push(p);
    if (imageId) rel(imageId, "DESCENDANT_OF", id);
    else for (const b of binIds) rel(id, "RUNTIME_DEPENDENCY_OF", b);
  }
  const described = imageId ? [imageId] : binIds;
  for (const d of described) relationships.unshift({ spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: d });
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: inv.name,
    documentNamespace: `https://spdx.org/spdxdocs/goship/${encodeURIComponent(inv.name).replace(/%2F/g, "/")}-${inv.uuid}`,
    creationInfo: { created: isoSeconds(inv.created), creators: [`Tool: ${inv.tool}`] },
    packages,
    relationships,
  };
}
