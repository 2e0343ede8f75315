/**
 * Fetching a module's .zip or .mod through the GOPROXY list, with the go
 * command's fallthrough (modfetch TryProxies: after a 404/410 always, after
 * other errors only past a "|"), for `goship verify --download`. The GET
 * function is injected (node-ops' httpGetter in the CLI).
 *
 * Leaves out "direct" (VCS) fetches: a module only "direct" can serve is
 * reported as not downloadable, as are GOPROXY=off and file:// proxies.
 */
import { bypassesProxy, type GoModuleEnv } from "../../gomod/go-env.js";
import { nextProxyAfterError, type ProxyEntry } from "../../gomod/proxy-list.js";
import { RemoteError } from "../client/errors.js";
import { escapeModulePath, escapeModuleVersion } from "../client/module-escape.js";

export interface Fetched {
  readonly data: Uint8Array;
  readonly url: string;
}

export async function fetchFromProxies(
  entries: readonly ProxyEntry[],
  env: GoModuleEnv,
  path: string,
  version: string,
  ext: "zip" | "mod",
  get: (url: string) => Promise<Uint8Array>,
): Promise<Fetched> {
  const rel = `${escapeModulePath(path)}/@v/${escapeModuleVersion(version)}.${ext}`;
  let last: Error | undefined;
  for (let i = 0; i < entries.length; ) {
    const e = entries[i] as ProxyEntry;
    if (e.url === "off") throw new Error(`module lookup disabled by GOPROXY=off`);
    if (e.url === "direct" || (e.url === "noproxy" && bypassesProxy(env, path))) {
      const direct = `${path}@${version} is fetched "direct" from its version control system, which goship verify --download does not do`;
      throw new Error(last ? `${last.message.split("\n")[0]} (then ${direct})` : direct);
    }
    if (e.url === "noproxy") {
      i++;
      continue;
    }
    if (!/^https?:/.test(e.url)) {
      last = new Error(`${e.url}: only http(s) proxies are fetched`);
      i++;
      continue;
    }
    const url = `${e.url.replace(/\/+$/, "")}/${rel}`;
    try {
      return { data: await get(url), url };
    } catch (err) {
      last = err as Error;
      const next = nextProxyAfterError(entries, i, err instanceof RemoteError && err.status > 0 ? err.status : "error");
      if (next === null) throw last;
      i = next;
    }
  }
  throw last ?? new Error(`no GOPROXY entry can serve ${path}@${version}`);
}
