/**
 * OpenAPI files on disk: findOpenApi looks for the specification at the
 * places Go services usually keep it, in this order: api/openapi.yaml,
 * api/openapi.yml, api/openapi.json, openapi.yaml, openapi.yml, openapi.json,
 * api/swagger.yaml, api/swagger.yml, api/swagger.json, docs/swagger.yaml,
 * docs/swagger.yml, docs/swagger.json, swagger.yaml, swagger.yml,
 * swagger.json. readOpenApi reads and parses one (openapi.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { LocatedError } from "../diagnostic/located-error.js";
import { type OpenApiInfo, parseOpenApi } from "./openapi.js";

export const OPENAPI_CANDIDATES: readonly string[] = Object.freeze([
  "api/openapi.yaml", "api/openapi.yml", "api/openapi.json",
  "openapi.yaml", "openapi.yml", "openapi.json",
  "api/swagger.yaml", "api/swagger.yml", "api/swagger.json",
  "docs/swagger.yaml", "docs/swagger.yml", "docs/swagger.json",
  "swagger.yaml", "swagger.yml", "swagger.json",
]);

/** The first candidate present in `dir` (relative to it), or null. */
export function findOpenApi(dir: string): string | null {
  for (const c of OPENAPI_CANDIDATES) {
    try {
      if (statSync(join(dir, c)).isFile()) return c;
    } catch {
      /* not there */
    }
  }
  return null;
}

/** Reads and parses an OpenAPI/Swagger file; LocatedError on unreadable or invalid input. */
export function readOpenApi(file: string): OpenApiInfo {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new LocatedError(`cannot read OpenAPI file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, file);
  }
  return parseOpenApi(text, file);
}
