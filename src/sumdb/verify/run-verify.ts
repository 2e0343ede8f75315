/**
 * `goship verify` wired to the real world, for the CLI and for programs:
 * reads go.sum, learns the module environment (`go env`, then the process
 * environment), parses GOSUMDB (GOSUMDB=off is a refusal: there is nothing
 * to verify against), builds the checksum database client over Node ops
 * (HTTP with retries and a concurrency limit, goship's cache folder, the go
 * command's sumdb caches read-only), fetches the signed tree head once, then
 * runs verifyGoSum. Offline mode answers from the caches only.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { UsageError } from "../../diagnostic/located-error.js";
import { effectiveProxyList, resolveGoEnv, type GoModuleEnv } from "../../gomod/go-env.js";
import { parseGoSum, type GoSum } from "../../gomod/go-sum.js";
import type { ProxyEntry } from "../../gomod/proxy-list.js";
import { SumdbClient } from "../client/client.js";
import { parseGosumdb } from "../client/gosumdb-config.js";
import { type FetchLike, httpGetter, nodeClientOps } from "../client/node-ops.js";
import { DEFAULT_SUMDB_NAME } from "../data/default-database.js";
import type { Tree } from "../tlog/tile-hash-reader.js";
import { classifyLookupError } from "./classify-error.js";
import { probeGoEnv } from "./go-env-probe.js";
import { checkModuleCache } from "./module-cache.js";
import { fetchFromProxies } from "./module-source.js";
import { verifyGoSum, type VerifyResult } from "./verify-go-sum.js";

export interface RunVerifyOptions {
  /** The go.sum file. */
  readonly goSumFile: string;
  /** Name to show for it (default: goSumFile). */
  readonly display?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly download?: boolean;
  readonly offline?: boolean;
  readonly concurrency?: number;
  readonly retries?: number;
  readonly timeoutMs?: number;
  readonly backoffMs?: number;
  /** goship's sumdb cache (default $GOSHIP_CACHE_DIR/sumdb, else ~/.cache/goship/sumdb). */
  readonly cacheDir?: string;
  /** Read the go command's sumdb caches too (default true). */
  readonly useGoCache?: boolean;
  readonly fetch?: FetchLike;
  readonly goBinary?: string;
  readonly onProgress?: (done: number, total: number, module: string) => void;
}

export interface RunVerifyOutcome {
  readonly goSum: GoSum;
  readonly result: VerifyResult;
  readonly database: { readonly name: string; readonly url: string };
  readonly tree?: Tree;
  readonly env: GoModuleEnv;
  readonly elapsedMs: number;
}

export function defaultSumdbCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.GOSHIP_CACHE_DIR) return join(env.GOSHIP_CACHE_DIR, "sumdb");
  const xdg = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(xdg, "goship", "sumdb");
}

export async function runVerify(o: RunVerifyOptions): Promise<RunVerifyOutcome> {
  const t0 = performance.now();
  const display = o.display ?? o.goSumFile;
  const goSum = parseGoSum(readFileSync(o.goSumFile, "utf8"), display);
  if (goSum.fatal) throw goSum.fatal;
  const probe = await probeGoEnv(o.env, o.goBinary);
  const env = resolveGoEnv({ ...o.env, ...probe.vars });
  const cfg = parseGosumdb(typeof env.gosumdb === "string" ? env.gosumdb : DEFAULT_SUMDB_NAME);
  if (cfg.kind === "off") {
    throw new UsageError(
      "GOSUMDB=off: the checksum database is disabled, so there is nothing to verify go.sum against. " +
        "Unset GOSUMDB (the go command's default database) or set it to <name>+<key> [<url>]; keep private modules out with GONOSUMDB/GOPRIVATE instead of turning the database off.",
    );
  }
  let proxies: readonly ProxyEntry[] = [];
  const list = effectiveProxyList(env, probe.vars.GOPROXY);
  if (list.kind === "list") proxies = list.entries;
  if (o.download && proxies.length === 0) {
    throw new UsageError("--download needs the GOPROXY list, but GOPROXY is unset and no go command answered `go env GOPROXY`; set GOPROXY");
  }
  const gomodcache = probe.vars.GOMODCACHE;
  const gopath = probe.vars.GOPATH?.split(delimiter)[0];
  const useGo = o.useGoCache !== false;
  const http = {
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
    ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
    ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
  };
  const ops = nodeClientOps({
    name: cfg.name,
    key: cfg.key,
    ...(cfg.url !== undefined ? { url: cfg.url } : {}),
    proxies,
    cacheDir: o.cacheDir ?? defaultSumdbCacheDir(o.env),
    readOnlyCacheDirs: useGo && gomodcache ? [join(gomodcache, "cache", "download", "sumdb")] : [],
    seedConfigDirs: useGo && gopath ? [join(gopath, "pkg", "sumdb")] : [],
    offline: o.offline === true,
    ...http,
  });
  const client = new SumdbClient(ops, { gonosumdb: env.gonosumdb });
  let headFailure: unknown;
  if (!o.offline && goSum.entries.length > 0) {
    try {
      await client.refreshLatest();
    } catch (e) {
      headFailure = e;
    }
  }
  const headIsForged = headFailure !== undefined && classifyLookupError(headFailure).security;
  const get = httpGetter(http);
  const result = await verifyGoSum(
    {
      lookup: (path, version) => (headIsForged ? Promise.reject(headFailure) : client.lookup(path, version)),
      ...(o.download
        ? {
            download: (path: string, version: string, ext: "zip" | "mod") => fetchFromProxies(proxies, env, path, version, ext, get),
            ...(gomodcache ? { checkCache: (path: string, version: string) => checkModuleCache(gomodcache, path, version) } : {}),
          }
        : {}),
    },
    { goSum, env, database: cfg.name, ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
  );
  const latest = client.latestTree();
  return {
    goSum,
    result,
    database: { name: cfg.name, url: cfg.url ?? (o.offline ? "(offline)" : await ops.baseUrl().catch(() => `https://${cfg.name}`)) },
    ...(latest.tree.n > 0 ? { tree: latest.tree } : {}),
    env,
    elapsedMs: performance.now() - t0,
  };
}
