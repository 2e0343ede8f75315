/**
 * From probe results to a verdict, with the GOPROXY list semantics of
 * modfetch TryProxies spelled out: walking the list, an entry that answers
 * serves the build; 404/410 falls through to the next entry; any other
 * failure stops the go command unless the entry is followed by "|";
 * "direct" hands over to the version-control hosts; "off" fails. The build
 * can fetch its modules when the walk ends at a serving entry (or at
 * "direct" with the VCS hosts reachable) and the checksum database is
 * reachable the way the go command reaches it (when one is used).
 *
 * The database walk is modfetch dbClient.initBase over TryProxies
 * (cmd/go/internal/modfetch/sumdb.go, proxy.go): GOSUMDB's explicit URL
 * is used as is; otherwise each GOPROXY entry in order: "noproxy" is
 * skipped, an http(s) proxy answering 200 to `<proxy>/sumdb/<name>/supported`
 * serves the database (never falling back to it directly), 404/410 falls
 * through, any other failure stops after "," and falls through after "|"
 * but is still the result unless "direct" comes later; reaching "direct",
 * "off" or the end of the list with only not-found answers means the
 * database itself. Advice is plain words per failing step. Pure.
 */
import type { ProxyEntry } from "../gomod/proxy-list.js";
import type { TargetResult } from "./probe-target.js";
import type { SumdbPlan, Target } from "./targets.js";

export interface Verdict {
  /** True when the build could fetch (and check) its modules from here. */
  readonly ok: boolean;
  /** The GOPROXY entry that would serve, "direct", or null. */
  readonly servedBy: string | null;
  /** The walk over the GOPROXY list, one line per entry tried. */
  readonly walk: readonly string[];
  readonly advice: readonly string[];
  /** The checksum database: how the go command reaches it, and whether that works; null when none is used. */
  readonly sumdb: SumdbVerdict | null;
}

export interface SumdbVerdict {
  readonly name: string;
  /** "proxy": through the module proxy `proxy`; "direct": the database URL itself; null: the walk stops at a failing proxy. */
  readonly reached: "proxy" | "direct" | null;
  /** The database URL the go command would use (or, when reached is null, the failing supported URL). */
  readonly url: string;
  readonly proxy: string | null;
  readonly ok: boolean;
  /** One line per step of the walk. */
  readonly walk: readonly string[];
}

/** Where the database walk stands: a probe still to make, or its end. */
export type SumdbWalk =
  | { readonly kind: "next"; readonly target: Target; readonly walk: readonly string[] }
  | { readonly kind: "proxy" | "direct"; readonly result: TargetResult; readonly walk: readonly string[] }
  | { readonly kind: "stopped"; readonly result: TargetResult; readonly walk: readonly string[] };

const sameTarget = (a: Target, b: Target): boolean => a.probeUrl === b.probeUrl && a.route === b.route && a.index === b.index;

/**
 * The go command's way to the checksum database over the probe results so
 * far: the next probe it would make, or where it ends. run-preflight.ts
 * calls it until it ends; decide() calls it once with every result.
 */
export function sumdbWalk(list: readonly ProxyEntry[], sumdb: SumdbPlan, results: readonly TargetResult[]): SumdbWalk {
  const walk: string[] = [];
  const find = (t: Target): TargetResult | undefined => results.find((r) => sameTarget(r.target, t));
  const direct = (why: string): SumdbWalk => {
    const r = find(sumdb.direct);
    walk.push(`${why}: the go command connects to ${sumdb.direct.url} directly${r ? ` — ${r.outcome === "ok" ? `answers in ${Math.round(r.ms)} ms` : failure(r)}` : ""}`);
    return r ? { kind: "direct", result: r, walk } : { kind: "next", target: sumdb.direct, walk };
  };
  if (sumdb.explicitUrl) return direct("GOSUMDB names its URL, so no proxy is asked");
  let err: TargetResult | null = null;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ProxyEntry;
    if (e.url === "noproxy") {
      walk.push(`${i + 1}. noproxy: skipped for the checksum database`);
      continue;
    }
    if (e.url === "direct") {
      return direct(`${i + 1}. direct`);
    }
    if (e.url === "off") {
      walk.push(`${i + 1}. off: the list ends`);
      break;
    }
    const t = sumdb.viaProxies.find((x) => x.index === i);
    if (!t) {
      walk.push(`${i + 1}. ${e.url}: not probed (only http/https proxies are); taken as not proxying the database`);
      continue;
    }
    const r = find(t);
    if (!r) return { kind: "next", target: t, walk };
    if (r.outcome === "ok") {
      walk.push(`${i + 1}. ${t.probeUrl} → ${r.status}: the module proxy ${t.proxy} proxies the database; the go command uses ${t.url} and never contacts ${sumdb.direct.url}`);
      return { kind: "proxy", result: r, walk };
    }
    if (r.outcome === "not-found") {
      walk.push(`${i + 1}. ${t.probeUrl}: ${failure(r)} — the go command asks the next entry`);
      continue;
    }
    if (err === null) err = r;
    if (e.fallback === "on-any-error") {
      walk.push(`${i + 1}. ${t.probeUrl}: ${failure(r)} — followed by "|", so the go command asks the next entry (the failure stands unless "direct" follows)`);
      continue;
    }
    walk.push(`${i + 1}. ${t.probeUrl}: ${failure(r)} — followed by ${i + 1 < list.length ? '","' : "nothing"}, so the go command stops here and cannot check modules`);
    break;
  }
  if (err !== null) return { kind: "stopped", result: err, walk };
  return direct(list.length === 0 ? "GOPROXY's default unknown" : "no GOPROXY entry proxies the database");
}

function failure(r: TargetResult): string {
  const s = r.steps.find((x) => !x.ok);
  if (!s) return r.outcome === "not-found" ? `answered ${r.status} (not found)` : "ok";
  return `${s.step} failed: ${s.error ?? "error"}`;
}

/** Plain-words advice for one failed target. */
export function adviceFor(r: TargetResult, timeoutMs: number): string | null {
  const s = r.steps.find((x) => !x.ok);
  const u = new URL(r.target.probeUrl);
  const what =
    r.target.kind === "proxy"
      ? `the module proxy ${r.target.url}`
      : r.target.kind === "sumdb"
        ? r.target.route === "proxy"
          ? `the module proxy ${r.target.proxy ?? r.target.url}, asked whether it proxies the checksum database (${r.target.probeUrl})`
          : `the checksum database ${r.target.url}, reached directly`
        : `the VCS host ${u.host}`;
  if (!s) return null;
  const dnsFix =
    r.target.kind === "sumdb" && r.target.route === "direct"
      ? "Fix DNS for the build (docker build --network / --add-host, the resolver in /etc/resolv.conf), or use a GOPROXY whose proxy also serves the checksum database (answers <proxy>/sumdb/<name>/supported with 200): then the go command never contacts the database's own host."
      : "Fix DNS for the build (docker build --network / --add-host, the resolver in /etc/resolv.conf) or point GOPROXY at a proxy that resolves, e.g. GOPROXY=<reachable proxy>,direct.";
  const viaProxy = r.via.proxy !== null ? ` (through the HTTP proxy ${new URL(r.via.proxy).host}, chosen by ${r.via.reason})` : "";
  switch (s.step) {
    case "dns":
      return `${what}: ${r.via.proxy ? "the HTTP proxy's name" : "the name"} does not resolve from here (${s.error}; resolvers ${s.servers?.join(", ") || "system"}). ${dnsFix}`;
    case "tcp":
      return /ETIMEDOUT|timed out/.test(s.error ?? "")
        ? `${what}: the TCP connection to ${s.detail.replace(/^connect /, "")}${viaProxy} timed out after ${timeoutMs} ms: a firewall drops the packets. Builds behind a corporate proxy need HTTPS_PROXY/HTTP_PROXY (pass them as build args, they are not inherited) or an internal GOPROXY.`
        : `${what}: the connection to ${s.detail.replace(/^connect /, "")}${viaProxy} was refused (${s.error}): nothing listens there, or a firewall rejects it. Check the port in GOPROXY/GOSUMDB or the HTTP proxy setting.`;
    case "tls":
      return /CERT|certificate|ISSUER|SELF_SIGNED/i.test(s.error ?? "")
        ? `${what}: the TLS certificate is not trusted (${s.error}); its chain ends at "${s.ca ?? "?"}". If that is your company's TLS-inspecting proxy or internal CA, add that CA to the build image (COPY corp-ca.crt /usr/local/share/ca-certificates/ and RUN update-ca-certificates, or set SSL_CERT_FILE) instead of turning verification off (GOINSECURE, GOFLAGS=-insecure).`
        : `${what}: the TLS handshake failed (${s.error}).`;
    case "http":
      if (s.error === "407 Proxy Authentication Required") {
        return `${what}: the HTTP proxy ${r.via.proxy ? new URL(r.via.proxy).host : ""} requires authentication (407). Put credentials in the proxy URL (HTTPS_PROXY=http://user:password@host:port) and pass it as a build secret, not a build arg that lands in the image history.`;
      }
      if (/ETIMEDOUT|timed out/.test(s.error ?? "")) {
        return `${what}: accepted the connection but sent no answer within ${timeoutMs} ms${viaProxy} (a blackholed or overloaded server). The go command would hang on it; use another GOPROXY entry or a "|" after this one so failures fall through.`;
      }
      return `${what}: GET ${r.target.probeUrl} failed (${s.error})${viaProxy}.`;
  }
}

export function decide(list: readonly ProxyEntry[], results: readonly TargetResult[], timeoutMs: number, alternatives: readonly TargetResult[] = [], sumdb: SumdbPlan | null = null): Verdict {
  const walk: string[] = [];
  const advice: string[] = [];
  const byProxy = new Map<number, TargetResult>();
  for (const r of results) if (r.target.kind === "proxy" && r.target.index !== undefined) byProxy.set(r.target.index, r);
  let servedBy: string | null = null;
  let chainOk = list.length === 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ProxyEntry;
    if (e.url === "noproxy") {
      walk.push(`${i + 1}. noproxy: modules under GONOPROXY/GOPRIVATE go direct; others continue`);
      continue;
    }
    if (e.url === "off") {
      walk.push(`${i + 1}. off: module downloads are disabled (GOPROXY=off); the build only works with a full module cache or vendor/`);
      break;
    }
    if (e.url === "direct") {
      const vcs = results.filter((r) => r.target.kind === "vcs");
      const vcsOk = vcs.every((r) => r.outcome === "ok");
      walk.push(`${i + 1}. direct: fetched from version control (git over https)${vcs.length ? (vcsOk ? "; the VCS hosts answer" : "; some VCS hosts fail") : ""}`);
      servedBy = "direct";
      chainOk = vcsOk;
      break;
    }
    const r = byProxy.get(i);
    if (!r) {
      walk.push(`${i + 1}. ${e.url}: not probed (only http/https proxies are)`);
      continue;
    }
    if (r.outcome === "ok") {
      walk.push(`${i + 1}. ${e.url}: answers in ${Math.round(r.ms)} ms — serves the build`);
      servedBy = e.url;
      chainOk = true;
      break;
    }
    const sep = e.fallback === "on-any-error" ? '"|"' : '","';
    if (r.outcome === "not-found") {
      walk.push(`${i + 1}. ${e.url}: ${failure(r)} — the go command falls through to the next entry`);
      continue;
    }
    if (e.fallback === "on-any-error") {
      walk.push(`${i + 1}. ${e.url}: ${failure(r)} — followed by ${sep}, so the go command falls through`);
      continue;
    }
    walk.push(`${i + 1}. ${e.url}: ${failure(r)} — followed by ${i + 1 < list.length ? sep : "nothing"}, so the go command stops here and the build fails`);
    break;
  }
  if (servedBy === null && list.length > 0) chainOk = false;
  for (const r of results) {
    if (r.target.kind === "sumdb") continue;
    const a = r.outcome === "error" ? adviceFor(r, timeoutMs) : null;
    if (a) advice.push(a);
  }
  let db: SumdbVerdict | null = null;
  if (sumdb !== null) {
    const w = sumdbWalk(list, sumdb, results);
    if (w.kind === "next") {
      db = { name: sumdb.name, reached: null, url: w.target.probeUrl, proxy: w.target.proxy ?? null, ok: false, walk: Object.freeze([...w.walk, `${w.target.probeUrl}: not probed`]) };
    } else {
      const t = w.result.target;
      const reached = w.kind === "stopped" ? null : w.kind;
      db = { name: sumdb.name, reached, url: w.kind === "stopped" ? t.probeUrl : t.url, proxy: t.proxy ?? null, ok: w.kind !== "stopped" && w.result.outcome === "ok", walk: Object.freeze(w.walk) };
      if (w.result.outcome === "error") {
        const a = adviceFor(w.result, timeoutMs);
        if (a) advice.push(w.kind === "stopped" ? `${a} The go command gets no checksum database this way (it would not contact ${sumdb.direct.url} itself): fix that proxy, follow it with "|direct" so the go command falls through to the database itself, or set GOSUMDB="${sumdb.name} <reachable URL>".` : a);
      }
    }
    db = Object.freeze(db);
  }
  const sumdbOk = db === null || db.ok;
  if (!chainOk) {
    const good = alternatives.filter((r) => r.outcome === "ok").sort((a, b) => a.ms - b.ms)[0];
    if (good) advice.push(`${good.target.url} answers in ${Math.round(good.ms)} ms: set GOPROXY=${good.target.url},direct`);
  }
  return Object.freeze({ ok: chainOk && sumdbOk, servedBy, walk: Object.freeze(walk), advice: Object.freeze(advice), sumdb: db });
}
