/**
 * What a Go build will talk to, from its module environment: every entry of
 * the effective GOPROXY list (with "," or "|" fallthrough), the checksum
 * database (unless GOSUMDB=off or GONOSUMDB covers every module) the way
 * cmd/go/internal/modfetch/sumdb.go reaches it — GOSUMDB's explicit URL when
 * it names one (no proxy consulted), else `<proxy>/sumdb/<name>/supported`
 * asked of each http(s) GOPROXY entry in order and the database itself
 * (`https://<name>`) only when none supports it or "direct"/"off"/the end
 * of the list is reached (the walk is verdict.ts's sumdbWalk) — and
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
  /**
   * sumdb: how the go command reaches the database. "proxy": this target is
   * `<proxy>/sumdb/<name>/supported` of the GOPROXY entry `index` (url is
   * `<proxy>/sumdb/<name>`, the database URL it would then use); "direct":
   * the database itself (GOSUMDB's URL or https://<name>).
   */
  readonly route?: "proxy" | "direct";
  /** sumdb via proxy: the module proxy's base URL. */
  readonly proxy?: string;
}

/** The checksum database the build uses and the probes that find out how it is reached. */
export interface SumdbPlan {
  readonly name: string;
  /** GOSUMDB names a URL: the go command connects to it and consults no proxy. */
  readonly explicitUrl: boolean;
  /** `<proxy>/sumdb/<name>/supported` per http(s) GOPROXY entry, in list order (empty with an explicit URL). */
  readonly viaProxies: readonly Target[];
  /** The database itself, probed only when the walk ends there. */
  readonly direct: Target;
}

export interface TargetPlan {
  /** Probed unconditionally: the GOPROXY entries and the VCS hosts (not the checksum database). */
  readonly targets: readonly Target[];
  /** The checksum database, or null when it is not used (GOSUMDB=off, GONOSUMDB covering every module). */
  readonly sumdb: SumdbPlan | null;
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
  let sumdb: SumdbPlan | null = null;
  if (cfg.kind === "db") {
    sumdbName = cfg.name;
    const needed = mods.length === 0 || mods.some((m) => !bypassesSumdb(input.env, m));
    if (needed) {
      const url = (cfg.url ?? `https://${cfg.name}`).replace(/\/+$/, "");
      const direct: Target = { kind: "sumdb", route: "direct", url, probeUrl: `${url}/latest` };
      const viaProxies: Target[] = [];
      if (cfg.url === undefined) {
        entries.forEach((e, i) => {
          if (!/^https?:/.test(e.url)) return;
          const base = e.url.replace(/\/+$/, "");
          viaProxies.push({ kind: "sumdb", route: "proxy", proxy: base, url: `${base}/sumdb/${cfg.name}`, probeUrl: `${base}/sumdb/${cfg.name}/supported`, index: i, fallback: e.fallback });
        });
      } else notes.push(`GOSUMDB names the URL ${cfg.url}: the go command connects to it directly and asks no proxy`);
      sumdb = Object.freeze({ name: cfg.name, explicitUrl: cfg.url !== undefined, viaProxies: Object.freeze(viaProxies), direct });
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
  return Object.freeze({ targets: Object.freeze(targets), sumdb, proxyList: entries, sumdbName, notes: Object.freeze(notes) });
}
