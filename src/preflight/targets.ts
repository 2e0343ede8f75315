/**
 * What a Go build will talk to, from its module environment: every entry of
 * the effective GOPROXY list (with "," or "|" fallthrough), the checksum
 * database (GOSUMDB's URL, or the database host; unless GOSUMDB=off), and
 * the version-control hosts of modules fetched "direct" (those GONOPROXY /
 * GOPRIVATE covers, or all modules when the list reaches "direct"), named
 * by the first element of the module path. Also the module the HTTP probe
 * asks a proxy for (the first requirement of go.mod, so the request is the
 * one the go command would make). Pure: env values in, targets out.
 */
import { bypassesProxy, bypassesSumdb, effectiveProxyList, type GoModuleEnv } from "../gomod/go-env.js";
import type { ProxyEntry } from "../gomod/proxy-list.js";
import { parseGosumdb } from "../sumdb/client/gosumdb-config.js";
import { DEFAULT_SUMDB_NAME } from "../sumdb/data/default-database.js";
import { escapeModulePath } from "../sumdb/client/module-escape.js";

export type TargetKind = "proxy" | "sumdb" | "vcs";

export interface Target {
  readonly kind: TargetKind;
  /** Base URL (proxy entry, database URL, https://<vcs host>). */
  readonly url: string;
  /** The URL the HTTP probe requests. */
  readonly probeUrl: string;
  /** proxy: index in the GOPROXY list and its fallthrough. */
  readonly index?: number;
  readonly fallback?: ProxyEntry["fallback"];
  /** vcs: the modules fetched from this host. */
  readonly modules?: readonly string[];
}

export interface TargetPlan {
  readonly targets: readonly Target[];
  /** The GOPROXY entries in order (including "direct"/"off"/"noproxy"). */
  readonly proxyList: readonly ProxyEntry[];
  /** The database name, or null with GOSUMDB=off. */
  readonly sumdbName: string | null;
  readonly notes: readonly string[];
}

export interface PlanInput {
  readonly env: GoModuleEnv;
  /** `go env GOPROXY` for an unset GOPROXY. */
  readonly goDefaultProxy?: string;
  /** Module paths the build needs (go.mod requirements). */
  readonly modules?: readonly string[];
}

export function planTargets(input: PlanInput): TargetPlan {
  const notes: string[] = [];
  const list = effectiveProxyList(input.env, input.goDefaultProxy);
  const entries = list.kind === "list" ? list.entries : [];
  if (list.kind === "default") notes.push("GOPROXY is unset and no go command told its default; only GOSUMDB is checked");
  const mods = input.modules ?? [];
  const probeModule = mods.find((m) => !bypassesProxy(input.env, m)) ?? "golang.org/x/mod";
  const targets: Target[] = [];
  let direct = false;
  entries.forEach((e, i) => {
    if (e.url === "direct") direct = true;
    if (!/^https?:/.test(e.url)) return;
    const base = e.url.replace(/\/+$/, "");
    targets.push({ kind: "proxy", url: base, probeUrl: `${base}/${escapeModulePath(probeModule)}/@v/list`, index: i, fallback: e.fallback });
  });
  const gosumdb = typeof input.env.gosumdb === "string" ? input.env.gosumdb : DEFAULT_SUMDB_NAME;
  const cfg = parseGosumdb(gosumdb);
  let sumdbName: string | null = null;
  if (cfg.kind === "db") {
    sumdbName = cfg.name;
    const needed = mods.length === 0 || mods.some((m) => !bypassesSumdb(input.env, m));
    if (needed) {
      const url = (cfg.url ?? `https://${cfg.name}`).replace(/\/+$/, "");
      targets.push({ kind: "sumdb", url, probeUrl: `${url}/latest` });
    } else notes.push("every required module is under GONOSUMDB/GOPRIVATE: the checksum database is not used");
  } else notes.push("GOSUMDB=off: downloads are not checked against a checksum database");
  const vcs = new Map<string, string[]>();
  for (const m of mods) {
    if (bypassesProxy(input.env, m) || (direct && entries.every((e) => e.url === "direct" || e.url === "noproxy"))) {
      const host = m.split("/")[0] as string;
      vcs.set(host, [...(vcs.get(host) ?? []), m]);
    }
  }
  for (const [host, ms] of vcs) targets.push({ kind: "vcs", url: `https://${host}`, probeUrl: `https://${ms[0]}?go-get=1`, modules: ms });
  return Object.freeze({ targets: Object.freeze(targets), proxyList: entries, sumdbName, notes: Object.freeze(notes) });
}
