/**
 * Validators for goship's SBOMs against the official JSON schemas:
 * CycloneDX 1.6 (with its spdx and jsf sub-schemas) as
 * @cyclonedx/cyclonedx-library ships them, and SPDX 2.3 from the spdx-spec
 * release tag (test/fixtures/schemas, see its README). ajv, draft-07, with
 * the formats these schemas use checked here (no ajv-formats installed):
 * date-time (RFC 3339), uri, iri-reference, idn-email.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

const CDX_DIR = join(ROOT, "node_modules", "@cyclonedx", "cyclonedx-library", "res", "schema");
export const CYCLONEDX_SCHEMA = join(CDX_DIR, "bom-1.6.SNAPSHOT.schema.json");
export const SPDX_SCHEMA = join(ROOT, "test", "fixtures", "schemas", "spdx-schema-2.3.json");

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("date-time", (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat("uri", (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s));
  ajv.addFormat("iri-reference", (s: string) => !/[\s<>"{}|\\^`]/.test(s));
  ajv.addFormat("idn-email", (s: string) => /^[^\s@]+@[^\s@]+$/.test(s));
  return ajv;
}

let cdx: ValidateFunction | undefined;
let spdx: ValidateFunction | undefined;

function load(file: string, id?: string): object {
  const s = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  return id ? { ...s, $id: id } : s;
}

export function cycloneDxValidator(): ValidateFunction {
  if (!cdx) {
    const ajv = newAjv();
    // bom-1.6 refers to "spdx.SNAPSHOT.schema.json" and "jsf-0.82.SNAPSHOT.schema.json" beside it.
    ajv.addSchema(load(join(CDX_DIR, "spdx.SNAPSHOT.schema.json"), "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json"));
    ajv.addSchema(load(join(CDX_DIR, "jsf-0.82.SNAPSHOT.schema.json"), "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json"));
    cdx = ajv.compile(load(CYCLONEDX_SCHEMA));
  }
  return cdx;
}

export function spdxValidator(): ValidateFunction {
  if (!spdx) spdx = newAjv().compile(load(SPDX_SCHEMA));
  return spdx;
}

function errorsOf(v: ValidateFunction, data: unknown): string[] {
  if (v(data)) return [];
  return (v.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

export const cycloneDxErrors = (data: unknown): string[] => errorsOf(cycloneDxValidator(), data);
export const spdxErrors = (data: unknown): string[] => errorsOf(spdxValidator(), data);
