/**
 * Loads .goship.yaml: finds it upward from a start folder (or takes --config),
 * parses YAML with positions, validates it against schema/goship.schema.json
 * (ajv), and reports the first problem as a LocatedError naming the file,
 * line and column of the offending key or value. Unknown keys are errors.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { LocatedError } from "../diagnostic/located-error.js";
import { DEFAULT_BUILD_CONFIG, DEFAULT_CONFIG, DEFAULT_POLICY_CONFIG, DEFAULT_SYNTAX, parseSize, type GoshipConfig, type InitConfig, type PolicyConfig, type BuildConfig, type BuildTargetConfig } from "./config.js";

export { CONFIG_NAMES, findConfig } from "./find.js";

const schema = JSON.parse(readFileSync(new URL("../../../schema/goship.schema.json", import.meta.url), "utf8")) as object;
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true });
const validate = ajv.compile(schema);

/** Reads and validates a config file; throws LocatedError on any problem. */
export function loadConfigFile(file: string): GoshipConfig {
  return parseConfig(readFileSync(file, "utf8"), file);
}

/** Parses and validates config text (pure). */
export function parseConfig(text: string, file: string): GoshipConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const yamlErr = doc.errors[0];
  if (yamlErr) {
    const pos = position(lc, yamlErr.pos[0]);
    throw new LocatedError(firstLine(yamlErr.message), file, { start: pos, end: pos });
  }
  const data: unknown = doc.toJS() ?? {};
  if (!validate(data)) {
    const err = validate.errors?.[0];
    throw located(err, doc, lc, file);
  }
  const raw = data as { lint?: Record<string, unknown>; init?: Record<string, unknown> };
  const d = DEFAULT_CONFIG.lint;
  const l = raw.lint ?? {};
  return {
    file,
    lint: {
      ignore: (l.ignore as string[] | undefined) ?? d.ignore,
      severity: (l.severity as GoshipConfig["lint"]["severity"] | undefined) ?? d.severity,
      failureThreshold: (l.failureThreshold as GoshipConfig["lint"]["failureThreshold"] | undefined) ?? d.failureThreshold,
      trustedRegistries: (l.trustedRegistries as string[] | undefined) ?? d.trustedRegistries,
      allowedBaseImages: (l.allowedBaseImages as string[] | undefined) ?? d.allowedBaseImages,
      contextSizeLimit:
        l.contextSizeLimit === undefined ? d.contextSizeLimit : parseSize(l.contextSizeLimit as string | number),
    },
    init: initSection(raw.init ?? {}),
    policy: policySection((raw as { policy?: Record<string, unknown> }).policy ?? {}),
    build: buildSection((raw as { build?: Record<string, unknown> }).build ?? {}),
  };
}

/** A platforms value (list or comma-separated string) as a list. */
function platformList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  return typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean) : (v as string[]);
}

/** The validated `build` section with defaults filled in. */
function buildSection(b: Record<string, unknown>): BuildConfig {
  const d = DEFAULT_BUILD_CONFIG;
  const str = (k: string): string | null => (typeof b[k] === "string" ? (b[k] as string) : null);
  const targets: Record<string, BuildTargetConfig> = {};
  for (const [key, t] of Object.entries((b.targets as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    const platforms = platformList(t.platforms);
    targets[key] = {
      ...(typeof t.base === "string" ? { base: t.base } : {}),
      ...(platforms ? { platforms } : {}),
      ...(t.ldflags ? { ldflags: t.ldflags as string[] } : {}),
      ...(t.env ? { env: t.env as Record<string, string> } : {}),
      ...(typeof t.dataFolder === "string" ? { dataFolder: t.dataFolder } : {}),
    };
  }
  return {
    base: str("base") ?? d.base,
    platforms: platformList(b.platforms) ?? d.platforms,
    ldflags: (b.ldflags as string[] | undefined) ?? d.ldflags,
    env: (b.env as Record<string, string> | undefined) ?? d.env,
    tags: (b.tags as string[] | undefined) ?? d.tags,
    version: str("version") ?? d.version,
    dataFolder: str("dataFolder") ?? d.dataFolder,
    binaryDir: str("binaryDir") ?? d.binaryDir,
    user: str("user") ?? d.user,
    owner: str("owner") ?? d.owner,
    repo: str("repo") ?? d.repo,
    targets,
  };
}

/** The validated `policy` section with defaults filled in. */
function policySection(p: Record<string, unknown>): PolicyConfig {
  const d = DEFAULT_POLICY_CONFIG;
  return {
    errorRules: (p.errorRules as string[] | undefined) ?? d.errorRules,
    allowedRegistries: (p.allowedRegistries as string[] | undefined) ?? d.allowedRegistries,
    allowedImages: (p.allowedImages as string[] | undefined) ?? d.allowedImages,
    forbiddenInstructions: (p.forbiddenInstructions as string[] | undefined) ?? d.forbiddenInstructions,
    requiredLabels: (p.requiredLabels as string[] | undefined) ?? d.requiredLabels,
    maxImageSize: p.maxImageSize === undefined || p.maxImageSize === null ? d.maxImageSize : parseSize(p.maxImageSize as string | number),
    requireNonRoot: (p.requireNonRoot as boolean | undefined) ?? d.requireNonRoot,
    requireSbom: (p.requireSbom as boolean | undefined) ?? d.requireSbom,
    requireProvenance: (p.requireProvenance as boolean | undefined) ?? d.requireProvenance,
  };
}

/** The validated `init` section with defaults filled in. */
function initSection(i: Record<string, unknown>): InitConfig {
  const d = DEFAULT_CONFIG.init;
  const syntax = i.syntax === true ? DEFAULT_SYNTAX : typeof i.syntax === "string" && i.syntax !== "" ? i.syntax : null;
  return {
    profile: (i.profile as InitConfig["profile"] | undefined) ?? d.profile,
    profiles: (i.profiles as InitConfig["profiles"] | undefined) ?? d.profiles,
    targets: (i.targets as string[] | undefined) ?? d.targets,
    port: (i.port as InitConfig["port"] | undefined) ?? d.port,
    openapi: i.openapi === false ? false : typeof i.openapi === "string" ? i.openapi : d.openapi,
    goprivate: (i.goprivate as string | undefined) ?? d.goprivate,
    withTests: (i.withTests as boolean | undefined) ?? d.withTests,
    syntax,
    tags: (i.tags as string[] | undefined) ?? d.tags,
    readme: (i.readme as boolean | undefined) ?? d.readme,
    ecrLifecycle: (i.ecrLifecycle as boolean | undefined) ?? d.ecrLifecycle,
  };
}

function located(err: ErrorObject | undefined, doc: Document, lc: LineCounter, file: string): LocatedError {
  if (!err) return new LocatedError("invalid configuration", file);
  const path = err.instancePath.split("/").slice(1).map(unescapePointer);
  let message: string;
  let node: Node | null | undefined;
  if (err.keyword === "additionalProperties") {
    const key = String((err.params as { additionalProperty: string }).additionalProperty);
    const where = path.length ? `in ${path.join(".")}` : "at the top level";
    message = `unknown key "${key}" ${where}${suggest(key, err)}`;
    node = keyOf(doc, [...path, key]);
  } else if (err.keyword === "propertyNames") {
    const name = String((err.params as { propertyName: string }).propertyName);
    message = `"${name}" is not a goship rule ID (GSnnn) in ${path.join(".")}`;
    node = keyOf(doc, [...path, name]);
  } else {
    const at = path.length ? path.join(".") : "configuration";
    const allowed = err.keyword === "enum" ? `: one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(", ")}` : "";
    message = `${at} ${err.message ?? "is invalid"}${allowed}`;
    node = doc.getIn(path, true) as Node | undefined;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return new LocatedError(message, file);
  const pos = position(lc, offset);
  return new LocatedError(message, file, { start: pos, end: pos });
}

/** The key node of `path` (the last segment), so errors point at the key. */
function keyOf(doc: Document, path: string[]): Node | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isScalar(pair.key) && String(pair.key.value) === path[path.length - 1]) return pair.key;
  }
  return undefined;
}

function suggest(key: string, err: ErrorObject): string {
  const props = (err.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!props) return "";
  const best = Object.keys(props)
    .map((k) => [k, distance(k.toLowerCase(), key.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best[0]}"?)` : "";
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function position(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
