/**
 * ClientOps for Node: HTTP GETs with a timeout, a concurrency limit and
 * retries with exponential backoff on 5xx answers and transport errors;
 * a disk cache of authenticated lookups and tiles (goship's own folder,
 * laid out like the go command's $GOMODCACHE/cache/download/sumdb, which can
 * be added as a read-only fallback so an offline run reuses what the go
 * command already proved); the "<name>/latest" tree head in goship's folder
 * (atomic compare-and-swap writes), seeded from the go command's
 * $GOPATH/pkg/sumdb when goship has none yet.
 *
 * The database URL: GOSUMDB's explicit URL; else, as the go command does,
 * the first GOPROXY entry that answers <proxy>/sumdb/<name>/supported
 * (404/410 fall through; "direct"/"off" mean the database itself); else
 * https://<name>. `offline` turns every remote read into an error, so only
 * the caches answer.
 *
 * Leaves out HTTP(S)_PROXY for these requests (preflight reports them) and
 * file locking against a concurrent go command (goship only writes its own
 * folder).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ProxyEntry } from "../../gomod/proxy-list.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { RemoteError, WriteConflictError } from "./errors.js";
import type { ClientOps } from "./ops.js";

export type FetchLike = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<{
  readonly status: number;
  readonly statusText: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}>;

export interface HttpGetOptions {
  readonly timeoutMs?: number;
  /** Retries after a 5xx or transport error (default 3). */
  readonly retries?: number;
  /** First backoff delay; doubles each retry (default 200 ms). */
  readonly backoffMs?: number;
  /** Requests in flight at once (default 16). */
  readonly concurrency?: number;
  readonly fetch?: FetchLike;
  /** Called for each attempt (for progress and tests). */
  readonly onRequest?: (url: string, attempt: number) => void;
}

export interface NodeOpsOptions extends HttpGetOptions {
  readonly name: string;
  readonly key: string;
  /** GOSUMDB's explicit URL. */
  readonly url?: string;
  /** The effective GOPROXY entries, to find a proxy that serves the database. */
  readonly proxies?: readonly ProxyEntry[];
  /** goship's cache folder: <dir>/<name>/{latest,lookup/...,tile/...}. */
  readonly cacheDir: string;
  /** Read-only caches in the same layout (the go command's $GOMODCACHE/cache/download/sumdb). */
  readonly readOnlyCacheDirs?: readonly string[];
  /** Folders whose <name>/latest seeds ours when we have none ($GOPATH/pkg/sumdb). */
  readonly seedConfigDirs?: readonly string[];
  readonly offline?: boolean;
}

/** A GET function with timeout, retries on 5xx/transport errors and a concurrency limit. */
export function httpGetter(opts: HttpGetOptions): (url: string) => Promise<Uint8Array> {
  const doFetch: FetchLike = opts.fetch ?? ((u, init) => fetch(u, init));
  const limit = Math.max(1, opts.concurrency ?? 16);
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<void> => {
    if (active < limit) {
      active++;
      return;
    }
    await new Promise<void>((r) => waiting.push(r));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const retries = opts.retries ?? 3;
  const backoff = opts.backoffMs ?? 200;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return async (url) => {
    let last: RemoteError | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
      opts.onRequest?.(url, attempt);
      await acquire();
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (res.status === 200) return new Uint8Array(await res.arrayBuffer());
        const body = (await res.text().catch(() => "")).trim().slice(0, 200);
        last = new RemoteError(url, res.status, `reading ${url}: ${res.status} ${res.statusText}${body ? `\n\tserver response: ${body}` : ""}`);
        if (res.status < 500) throw last;
      } catch (e) {
        if (e instanceof RemoteError && e.status > 0 && e.status < 500) throw e;
        if (!(e instanceof RemoteError)) {
          const err = e as Error & { cause?: { code?: string; message?: string } };
          const why = err.name === "TimeoutError" ? `timeout after ${timeoutMs} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
          last = new RemoteError(url, 0, `reading ${url}: ${why}`);
        }
      } finally {
        release();
      }
    }
    throw last as RemoteError;
  };
}

function readIfPresent(file: string): Uint8Array | undefined {
  try {
    const b = readFileSync(file);
    return b.length === 0 ? undefined : new Uint8Array(b);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

export function nodeClientOps(opts: NodeOpsOptions): ClientOps & { baseUrl(): Promise<string> } {
  const get = httpGetter(opts);
  let base: Promise<string> | undefined;
  const findBase = async (): Promise<string> => {
    if (opts.url !== undefined) return opts.url.replace(/\/+$/, "");
    const direct = `https://${opts.name}`;
    for (const e of opts.proxies ?? []) {
      if (e.url === "direct" || e.url === "off") return direct;
      if (e.url === "noproxy" || !/^https?:/.test(e.url)) continue;
      const b = `${e.url.replace(/\/+$/, "")}/sumdb/${opts.name}`;
      try {
        await get(`${b}/supported`);
        return b;
      } catch (err) {
        const notExist = err instanceof RemoteError && (err.status === 404 || err.status === 410);
        if (!notExist && e.fallback !== "on-any-error") throw err;
      }
    }
    return direct;
  };
  const latestFile = `${opts.name}/latest`;
  return {
    baseUrl: () => (base ??= findBase()),
    async readRemote(path) {
      if (opts.offline) throw new RemoteError(path, 0, `offline: ${path.slice(1)} is not in the checksum database cache`);
      base ??= findBase();
      return get((await base) + path);
    },
    async readConfig(file) {
      if (file === "key") return new TextEncoder().encode(opts.key);
      const own = readIfPresent(join(opts.cacheDir, file));
      if (own !== undefined) return own;
      if (file === latestFile) for (const d of opts.seedConfigDirs ?? []) {
        const seed = readIfPresent(join(d, file));
        if (seed !== undefined) return seed;
      }
      return new Uint8Array(0);
    },
    async writeConfig(file, old, next) {
      if (file === "key") throw new Error("cannot write key");
      const target = join(opts.cacheDir, file);
      const cur = readIfPresent(target);
      if (cur !== undefined && !sameBytes(cur, old)) throw new WriteConflictError();
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, next);
    },
    async readCache(file) {
      for (const d of [opts.cacheDir, ...(opts.readOnlyCacheDirs ?? [])]) {
        const b = readIfPresent(join(d, file));
        if (b !== undefined) return b;
      }
      return undefined;
    },
    async writeCache(file, data) {
      try {
        const target = join(opts.cacheDir, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileAtomic(target, data);
      } catch {
        // a cache write that fails only costs a download next time
      }
    },
  };
}
