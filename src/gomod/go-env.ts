/**
 * The module-related go environment as the go command resolves it
 * (cmd/go/internal/cfg, Go 1.26): an empty variable counts as unset;
 * GONOPROXY and GONOSUMDB default to GOPRIVATE; GOPROXY and GOSUMDB unset
 * mean the go command's built-in defaults (GOROOT/go.env), kept symbolic
 * here. Also which module paths bypass the proxy or the checksum database
 * (module.MatchPrefixPatterns, as modfetch uses it), and the proxy list with
 * the implicit "noproxy" entry modfetch.proxyList adds when GONOPROXY is set.
 *
 * Leaves out `go env -w` files (GOENV): pass their values in `env` if needed.
 */
import { matchPrefixPatterns } from "./prefix-patterns.js";
import { type GoProxyList, type ProxyEntry, parseGoProxyList } from "./proxy-list.js";

/** The value the go command uses when a variable is unset. */
export const GO_DEFAULT = Object.freeze({ default: true as const });
export type GoDefault = typeof GO_DEFAULT;

export interface GoModuleEnv {
  /** GOPROXY, or GO_DEFAULT when unset. */
  readonly goproxy: string | GoDefault;
  /** GOSUMDB, or GO_DEFAULT when unset. */
  readonly gosumdb: string | GoDefault;
  readonly goprivate: string;
  /** GONOPROXY, or GOPRIVATE when unset. */
  readonly gonoproxy: string;
  /** GONOSUMDB, or GOPRIVATE when unset. */
  readonly gonosumdb: string;
  /** GOFLAGS as given ("" when unset). */
  readonly goflags: string;
  /** GOINSECURE as given. */
  readonly goinsecure: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Resolves the module-related variables of `env` the way cmd/go/internal/cfg does. */
export function resolveGoEnv(env: Env): GoModuleEnv {
  const get = (k: string): string => env[k] ?? "";
  const goprivate = get("GOPRIVATE");
  return Object.freeze({
    goproxy: get("GOPROXY") || GO_DEFAULT,
    gosumdb: get("GOSUMDB") || GO_DEFAULT,
    goprivate,
    gonoproxy: get("GONOPROXY") || goprivate,
    gonosumdb: get("GONOSUMDB") || goprivate,
    goflags: get("GOFLAGS"),
    goinsecure: get("GOINSECURE"),
  });
}

/** Whether the go command fetches `modulePath` directly rather than through GOPROXY (GONOPROXY). */
export function bypassesProxy(env: GoModuleEnv, modulePath: string): boolean {
  return matchPrefixPatterns(env.gonoproxy, modulePath);
}

/** Whether the go command skips the checksum database for `modulePath` (GOSUMDB=off or GONOSUMDB). */
export function bypassesSumdb(env: GoModuleEnv, modulePath: string): boolean {
  return env.gosumdb === "off" || matchPrefixPatterns(env.gonosumdb, modulePath);
}

/**
 * modfetch.proxyList: GOPROXY's entries, preceded by "noproxy" when GONOPROXY
 * is set and GOPROXY is not "direct". With GOPROXY unset, `goDefault` (the
 * output of `go env GOPROXY` in a clean environment) supplies the list; without
 * it the result is `{ kind: "default" }`.
 */
export function effectiveProxyList(env: GoModuleEnv, goDefault?: string): GoProxyList {
  const value = typeof env.goproxy === "string" ? env.goproxy : goDefault;
  const list = parseGoProxyList(value);
  if (list.kind === "default") return list;
  if (env.gonoproxy !== "" && value !== "direct") {
    const noproxy: ProxyEntry = Object.freeze({ url: "noproxy", fallback: "on-404-410" });
    return Object.freeze({ kind: "list", entries: Object.freeze([noproxy, ...list.entries]) });
  }
  return list;
}
