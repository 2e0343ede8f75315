/**
 * `goship verify`'s core: every go.sum line checked against the checksum
 * database, as the go command checks a line it has not seen before
 * (modfetch checkSumDB), plus what the go command cannot do from go.sum
 * alone: with `download`, the module's .zip and .mod fetched through GOPROXY
 * and hashed (dirhash h1), and the local module cache checked like
 * `go mod verify`.
 *
 * Lines whose module GONOSUMDB/GOPRIVATE covers are skipped (counted);
 * hashes other than "h1:" are reported as not checked. Each module version
 * is looked up once (the go.mod line shares the record), with at most
 * `concurrency` lookups in flight. A database that misbehaves (fork, bad
 * signature, wrong key, inconsistent tile, unproven record) fails every line
 * it touches and is reported once as GV104 with its evidence.
 *
 * All I/O arrives through `VerifyPorts`, so tests pass fakes and offline
 * mode is another lookup function. Findings: GV101 go.sum vs database,
 * GV102 proxy vs go.sum/database, GV103 module cache modified, GV104
 * database misbehaving, GV105 lookup failed (not found / unreachable),
 * GV106 a line that cannot be checked.
 */
import type { Finding } from "../../finding/finding.js";
import { bypassesSumdb, type GoModuleEnv } from "../../gomod/go-env.js";
import type { GoSum, GoSumEntry } from "../../gomod/go-sum.js";
import { goModHash } from "../dirhash/hash1.js";
import { hashZip, unexpectedZipFile } from "../dirhash/hash-zip.js";
import { type CacheCheck } from "./module-cache.js";
import { classifyLookupError, type LookupFailure } from "./classify-error.js";
import type { Fetched } from "./module-source.js";

export interface VerifyPorts {
  /** The checksum database client's lookup (SumdbClient.lookup). */
  lookup(path: string, version: string): Promise<readonly string[]>;
  /** With --download: a module's .zip or .mod through GOPROXY. */
  download?(path: string, version: string, ext: "zip" | "mod"): Promise<Fetched>;
  /** With --download: go mod verify over the local module cache. */
  checkCache?(path: string, version: string): Promise<CacheCheck>;
}

export interface VerifyOptions {
  readonly goSum: GoSum;
  readonly env: GoModuleEnv;
  /** The database's name, for messages. */
  readonly database: string;
  readonly concurrency?: number;
  /** Called after each module version is done (for a progress bar). */
  readonly onProgress?: (done: number, total: number, module: string) => void;
}

export type LineStatus = "ok" | "mismatch" | "skipped" | "unchecked" | "error";

export interface LineResult {
  readonly path: string;
  /** As written in go.sum ("v1.2.3" or "v1.2.3/go.mod"). */
  readonly version: string;
  readonly line: number;
  readonly kind: "zip" | "go.mod";
  readonly status: LineStatus;
  readonly goSum: string;
  /** The database's hash for this line, when the lookup succeeded. */
  readonly database?: string;
  /** h1 of what GOPROXY served (--download). */
  readonly proxy?: string;
  readonly proxyUrl?: string;
  /** The module cache's recorded hash (.ziphash or cached .mod), --download. */
  readonly cache?: string;
  readonly reason?: string;
}

export interface VerifyResult {
  readonly lines: readonly LineResult[];
  readonly findings: readonly Finding[];
  readonly counts: {
    readonly lines: number;
    readonly modules: number;
    readonly verified: number;
    readonly mismatched: number;
    readonly skipped: number;
    readonly unchecked: number;
    readonly failed: number;
  };
  /** The database misbehaviour, if any (reported once). */
  readonly security?: LookupFailure;
}

interface ModuleWork {
  readonly path: string;
  readonly version: string;
  readonly entries: GoSumEntry[];
}

function short(h: string | undefined): string {
  return h ?? "(none)";
}

export async function verifyGoSum(ports: VerifyPorts, opts: VerifyOptions): Promise<VerifyResult> {
  const file = opts.goSum.file;
  const findings: Finding[] = [];
  const results: LineResult[] = [];
  const at = (e: GoSumEntry): Pick<Finding, "file" | "line" | "column" | "endLine" | "endColumn"> => ({
    file,
    line: e.line,
    column: e.range.start.column,
    endLine: e.range.end.line,
    endColumn: e.range.end.column,
  });
  const groups = new Map<string, ModuleWork>();
  for (const e of opts.goSum.entries) {
    const k = `${e.path}@${e.moduleVersion}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { path: e.path, version: e.moduleVersion, entries: [] }));
    g.entries.push(e);
  }
  let security: LookupFailure | undefined;
  const work = [...groups.values()];
  let done = 0;

  const one = async (g: ModuleWork): Promise<void> => {
    const base = (e: GoSumEntry): Omit<LineResult, "status"> => ({ path: e.path, version: e.version, line: e.line, kind: e.goMod ? "go.mod" : "zip", goSum: e.hash });
    if (bypassesSumdb(opts.env, g.path)) {
      for (const e of g.entries) results.push({ ...base(e), status: "skipped", reason: opts.env.gosumdb === "off" ? "GOSUMDB=off" : "GONOSUMDB/GOPRIVATE" });
      return;
    }
    // One record serves both lines; the client caches it, so this is one request.
    const dbLines = new Map<"zip" | "go.mod", readonly string[]>();
    let failure: LookupFailure | undefined;
    try {
      for (const kind of new Set(g.entries.map((e) => (e.goMod ? "go.mod" : "zip") as "zip" | "go.mod"))) {
        dbLines.set(kind, await ports.lookup(g.path, kind === "zip" ? g.version : `${g.version}/go.mod`));
      }
    } catch (e) {
      failure = classifyLookupError(e);
    }
    // --download: what the proxy serves and what the cache holds.
    const proxy = new Map<"zip" | "go.mod", { hash?: string; url?: string; error?: string }>();
    let cache: CacheCheck | undefined;
    if (ports.download) {
      for (const kind of new Set(g.entries.map((e) => (e.goMod ? "go.mod" : "zip") as "zip" | "go.mod"))) {
        try {
          const f = await ports.download(g.path, g.version, kind === "zip" ? "zip" : "mod");
          if (kind === "zip") {
            const bad = unexpectedZipFile(f.data, g.path, g.version);
            if (bad !== null) proxy.set(kind, { url: f.url, error: `zip for ${g.path}@${g.version} has unexpected file ${bad}` });
            else proxy.set(kind, { hash: await hashZip(f.data), url: f.url });
          } else proxy.set(kind, { hash: await goModHash(f.data), url: f.url });
        } catch (e) {
          proxy.set(kind, { error: (e as Error).message.split("\n")[0] as string });
        }
      }
    }
    if (ports.checkCache) {
      try {
        cache = await ports.checkCache(g.path, g.version);
      } catch (e) {
        cache = { problems: [`${g.path} ${g.version}: ${(e as Error).message}`], present: true };
      }
    }
    if (failure && failure.security && security === undefined) security = failure;

    for (const e of g.entries) {
      const kind = e.goMod ? "go.mod" : "zip";
      const what = e.goMod ? "go.mod" : "module zip";
      const where = `${e.path} ${e.moduleVersion}`;
      if (e.algorithm !== "h1") {
        results.push({ ...base(e), status: "unchecked", reason: `hash algorithm ${JSON.stringify(e.algorithm)} is not checked` });
        findings.push({ ruleId: "GV106", severity: "info", message: `${where}: the ${what} hash ${e.hash} is not an h1 hash; the go command does not check it either`, ...at(e) });
        continue;
      }
      const db = dbLines.get(kind)?.map((l) => l.split(" ")[2] as string).find((h) => h.startsWith("h1:"));
      const p = proxy.get(kind);
      const cacheHash = kind === "zip" ? cache?.ziphash : cache?.modHash;
      const r: LineResult = {
        ...base(e),
        status: "ok",
        ...(db ? { database: db } : {}),
        ...(p?.hash ? { proxy: p.hash } : {}),
        ...(p?.url ? { proxyUrl: p.url } : {}),
        ...(cacheHash ? { cache: cacheHash } : {}),
      };
      let status: LineStatus = "ok";
      const reasons: string[] = [];
      if (failure) {
        status = "error";
        reasons.push(failure.summary);
        if (!failure.security) findings.push({ ruleId: "GV105", severity: "error", message: `${where}: cannot verify the ${what} hash: ${failure.summary}`, ...at(e) });
      } else if (db === undefined) {
        status = "error";
        reasons.push(`the checksum database has no ${what} hash for ${where}`);
        findings.push({ ruleId: "GV105", severity: "error", message: `${where}: the checksum database (${opts.database}) has no ${what} hash for this version`, ...at(e) });
      } else if (db !== e.hash) {
        status = "mismatch";
        reasons.push("go.sum differs from the checksum database");
        findings.push({
          ruleId: "GV101",
          severity: "error",
          message: `${where}: checksum mismatch for the ${what}: go.sum has ${e.hash}, the checksum database (${opts.database}) has ${db}; go.sum was edited or comes from a tampered source`,
          ...at(e),
        });
      }
      if (p?.error !== undefined) {
        if (status === "ok") status = "error";
        reasons.push(`download failed: ${p.error}`);
        findings.push({ ruleId: "GV105", severity: "error", message: `${where}: cannot download the ${what} through GOPROXY: ${p.error}`, ...at(e) });
      } else if (p?.hash !== undefined) {
        if (p.hash !== e.hash || (db !== undefined && p.hash !== db)) {
          status = "mismatch";
          reasons.push("the proxy serves different content");
          findings.push({
            ruleId: "GV102",
            severity: "error",
            message: `${where}: the proxy serves a ${what} that hashes to ${p.hash}, but go.sum has ${e.hash}${db !== undefined ? ` and the checksum database has ${short(db)}` : ""} (${p.url}); the proxy, or something between you and it, altered the module`,
            ...at(e),
          });
        }
      }
      if (cacheHash !== undefined && cacheHash !== e.hash) {
        status = "mismatch";
        reasons.push("the module cache holds different content");
        findings.push({ ruleId: "GV103", severity: "error", message: `${where}: the local module cache recorded ${cacheHash} for the ${what}, but go.sum has ${e.hash}`, ...at(e) });
      }
      if (kind === "zip") {
        for (const prob of cache?.problems ?? []) {
          status = "mismatch";
          reasons.push(prob);
          findings.push({ ruleId: "GV103", severity: "error", message: `local module cache: ${prob}`, ...at(e) });
        }
      }
      results.push(reasons.length > 0 ? { ...r, status, reason: reasons.join("; ") } : r);
    }
  };

  const limit = Math.max(1, opts.concurrency ?? 16);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, work.length) }, async () => {
      while (next < work.length) {
        const g = work[next++] as ModuleWork;
        await one(g);
        opts.onProgress?.(++done, work.length, `${g.path}@${g.version}`);
      }
    }),
  );
  if (security) {
    findings.push({
      ruleId: "GV104",
      severity: "error",
      message: `the checksum database (${opts.database}) misbehaved, nothing it said can be trusted: ${security.summary}\n${security.detail}`,
      file,
      line: 0,
      column: 0,
    });
  }
  results.sort((a, b) => a.line - b.line);
  const count = (s: LineStatus): number => results.filter((r) => r.status === s).length;
  return Object.freeze({
    lines: Object.freeze(results),
    findings: Object.freeze(findings),
    counts: Object.freeze({
      lines: results.length,
      modules: groups.size,
      verified: count("ok"),
      mismatched: count("mismatch"),
      skipped: count("skipped"),
      unchecked: count("unchecked"),
      failed: count("error"),
    }),
    ...(security ? { security } : {}),
  });
}
