/**
 * toCycloneDx: a CycloneDX 1.6 JSON document from Go build info, built with
 * @cyclonedx/cyclonedx-library's models and JSON serializer. metadata.component
 * is what the document describes (the image, or the binary); components are
 * each binary (application: sha256, Go version and build settings as
 * `goship:go:*` properties), each linked module (library: purl, go.sum h1 as
 * SHA-256), the Go standard library and the base image (container, with a
 * `bom` external reference to its own SBOM when known); dependencies link
 * image → binaries → modules. Deterministic: explicit bom-refs, serialNumber
 * from a content hash, timestamp from options / SOURCE_DATE_EPOCH. Pure.
 */
import * as CDX from "@cyclonedx/cyclonedx-library";
import { h1ToSha256Hex, makeInventory, type BinaryEntry, type ModuleEntry } from "./inventory.js";
import { asBinaries, type SbomSubject } from "./subject.js";
import type { SbomOptions } from "./types.js";

const { Models, Enums } = CDX;
type Component = InstanceType<typeof CDX.Models.Component>;

export const CYCLONEDX_SPEC_VERSION = "1.6";

function prop(c: Component, name: string, value: string): void {
  c.properties.add(new Models.Property(name, value));
}

function moduleComponent(m: ModuleEntry): Component {
  const c = new Models.Component(Enums.ComponentType.Library, m.path, { bomRef: m.purl, purl: m.purl, ...(m.version ? { version: m.version } : {}) });
  const hex = h1ToSha256Hex(m.h1);
  if (hex) c.hashes.set(Enums.HashAlgorithm["SHA-256"], hex);
  if (m.h1) prop(c, "goship:go:h1", m.h1);
  if (m.replaces) prop(c, "goship:go:replaces", `${m.replaces.path} ${m.replaces.version}`);
  if (m.replaceDir) prop(c, "goship:go:replace-dir", m.replaceDir);
  return c;
}

function binaryComponent(b: BinaryEntry): Component {
  const c = new Models.Component(Enums.ComponentType.Application, b.name, { bomRef: `goship:binary:${b.file}`, purl: b.purl, ...(b.version ? { version: b.version } : {}) });
  if (b.sha256) c.hashes.set(Enums.HashAlgorithm["SHA-256"], b.sha256);
  prop(c, "goship:file", b.file);
  prop(c, "goship:go:version", b.info.goVersion);
  if (b.info.path) prop(c, "goship:go:package", b.info.path);
  if (b.info.main.sum) prop(c, "goship:go:main:h1", b.info.main.sum);
  for (const s of b.info.settings) prop(c, `goship:go:build:${s.key}`, s.value);
  return c;
}

/** A CycloneDX 1.6 JSON document (a plain object) for `subject`. */
export function toCycloneDx(subject: SbomSubject, opts: SbomOptions = {}): Record<string, unknown> {
  const inv = makeInventory(asBinaries(subject, opts), opts);
  const bom = new Models.Bom();
  bom.serialNumber = `urn:uuid:${inv.uuid}`;
  bom.metadata.timestamp = inv.created;
  const [toolName, toolVersion] = inv.tool.includes("-") ? [inv.tool.slice(0, inv.tool.lastIndexOf("-")), inv.tool.slice(inv.tool.lastIndexOf("-") + 1)] : [inv.tool, undefined];
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, toolName, { bomRef: `goship:tool:${inv.tool}`, ...(toolVersion ? { version: toolVersion } : {}) }));

  const modules = new Map<string, Component>();
  for (const m of inv.modules) {
    const c = moduleComponent(m);
    modules.set(m.purl, c);
    bom.components.add(c);
  }
  const stdlibs = new Map<string, Component>();
  for (const s of inv.stdlibs) {
    const c = new Models.Component(Enums.ComponentType.Library, "stdlib", { bomRef: s.purl, purl: s.purl, version: s.goVersion, description: "the Go standard library" });
    stdlibs.set(s.goVersion, c);
    bom.components.add(c);
  }
  const binaries: Component[] = [];
  for (const b of inv.binaries) {
    const c = binaryComponent(b);
    for (const m of b.modules) c.dependencies.add(modules.get(m.purl)!.bomRef);
    c.dependencies.add(stdlibs.get(b.info.goVersion)!.bomRef);
    binaries.push(c);
  }
  let base: Component | undefined;
  if (inv.base) {
    base = new Models.Component(Enums.ComponentType.Container, inv.base.name, { bomRef: `goship:base:${inv.base.name}@${inv.base.digest}`, purl: inv.base.purl, version: inv.base.digest, description: "base image" });
    if (inv.base.sbom) base.externalReferences.add(new Models.ExternalReference(inv.base.sbom, Enums.ExternalReferenceType.BOM, { comment: "the base image's own SBOM" }));
    bom.components.add(base);
  }
  if (inv.image) {
    const img = new Models.Component(Enums.ComponentType.Container, inv.image.name, { bomRef: `goship:image:${inv.image.name}@${inv.image.digest}`, purl: inv.image.purl, version: inv.image.digest });
    for (const b of binaries) {
      bom.components.add(b);
      img.dependencies.add(b.bomRef);
    }
    if (base) img.dependencies.add(base.bomRef);
    bom.metadata.component = img;
  } else if (binaries.length === 1) {
    if (base) binaries[0]!.dependencies.add(base.bomRef);
    bom.metadata.component = binaries[0]!;
  } else {
    const top = new Models.Component(Enums.ComponentType.Application, inv.name, { bomRef: `goship:set:${inv.name}` });
    for (const b of binaries) {
      bom.components.add(b);
      top.dependencies.add(b.bomRef);
      if (base) b.dependencies.add(base.bomRef);
    }
    bom.metadata.component = top;
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return JSON.parse(serializer.serialize(bom, { sortLists: true })) as Record<string, unknown>;
}
