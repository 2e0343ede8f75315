/**
 * The secrets allow-list, for test fixtures and known-safe values: entries
 * with any of `path` (a .dockerignore-style pattern, `**` allowed, matched
 * against the path as scanned), `fingerprint` (12 hex digits, as findings
 * show them) and `detector` (an id); a finding is allowed when every field
 * of some entry matches it. Read from the `secrets.allow` list of
 * .goship.yaml:
 *
 *     secrets:
 *       allow:
 *         - path: "**\/testdata/**"
 *         - fingerprint: 3f2a9c0d11e4
 *         - { path: "docs/**", detector: jwt }
 *
 * Leaves out: validating the section through the shared config schema (the
 * section is read here, straight from the YAML).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { LocatedError } from "../diagnostic/located-error.js";
import { compilePatterns, type Matcher } from "../ignore/index.js";

export interface AllowEntry {
  readonly path?: string;
  readonly fingerprint?: string;
  readonly detector?: string;
}

export interface AllowQuery {
  readonly file: string;
  readonly detector: string;
  readonly fingerprint: string;
}

export interface AllowList {
  readonly entries: readonly AllowEntry[];
  allows(q: AllowQuery): boolean;
}

function normalisePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
}

export function allowList(entries: readonly AllowEntry[]): AllowList {
  const matchers = new Map<string, Matcher>();
  for (const e of entries) if (e.path !== undefined && !matchers.has(e.path)) matchers.set(e.path, compilePatterns([e.path]));
  return {
    entries,
    allows: (q) =>
      entries.some(
        (e) =>
          (e.path === undefined || matchers.get(e.path)!.matches(normalisePath(q.file))) &&
          (e.fingerprint === undefined || e.fingerprint.toLowerCase() === q.fingerprint) &&
          (e.detector === undefined || e.detector === q.detector),
      ),
  };
}

export const EMPTY_ALLOW_LIST: AllowList = allowList([]);

/** The `secrets.allow` entries of a .goship.yaml text. */
export function parseAllowList(text: string, file: string): AllowList {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new LocatedError(`invalid YAML: ${(e as Error).message.split("\n")[0]}`, file);
  }
  const section = (doc as { secrets?: { allow?: unknown } } | null)?.secrets?.allow;
  if (section === undefined || section === null) return EMPTY_ALLOW_LIST;
  if (!Array.isArray(section)) throw new LocatedError("secrets.allow must be a list", file);
  const entries: AllowEntry[] = section.map((raw: unknown, i) => {
    if (typeof raw !== "object" || raw === null) throw new LocatedError(`secrets.allow[${i}] must be a map with path, fingerprint and/or detector`, file);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!["path", "fingerprint", "detector"].includes(k)) throw new LocatedError(`secrets.allow[${i}]: unknown key ${JSON.stringify(k)}`, file);
    const e: { path?: string; fingerprint?: string; detector?: string } = {};
    for (const k of ["path", "fingerprint", "detector"] as const) {
      if (r[k] === undefined) continue;
      if (typeof r[k] !== "string") throw new LocatedError(`secrets.allow[${i}].${k} must be a string`, file);
      e[k] = r[k] as string;
    }
    if (Object.keys(e).length === 0) throw new LocatedError(`secrets.allow[${i}] is empty`, file);
    return e;
  });
  return allowList(entries);
}

export function loadAllowList(file: string): AllowList {
  return parseAllowList(readFileSync(file, "utf8"), file);
}
