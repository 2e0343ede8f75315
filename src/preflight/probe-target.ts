/**
 * One target, step by step, the way the go command's HTTP client meets it:
 * DNS (of the target, or of the HTTP proxy that HTTP(S)_PROXY/NO_PROXY
 * choose), TCP connect, TLS handshake (direct https only; through a proxy
 * it happens inside the tunnel), then the HTTP GET the go command would
 * send. Stops at the first failing step; every step has its time. 404/410
 * from a proxy (for a module list or for `<proxy>/sumdb/<name>/supported`)
 * is "not-found" (the go command falls through on it).
 */
import { isIP } from "node:net";
import type { PreflightOps } from "./ops.js";
import { proxyFor, type ProxyChoice } from "./proxy-env.js";
import type { Target } from "./targets.js";

export type StepName = "dns" | "tcp" | "tls" | "http";

export interface Step {
  readonly step: StepName;
  readonly ok: boolean;
  readonly ms: number;
  /** What was found: addresses and resolvers, the peer chain, the status. */
  readonly detail: string;
  /** Error code or reason when not ok. */
  readonly error?: string;
  /** tls: the top of the chain (the CA to add when untrusted). */
  readonly ca?: string;
  /** dns: resolvers asked. */
  readonly servers?: readonly string[];
}

export type Outcome = "ok" | "not-found" | "error";

export interface TargetResult {
  readonly target: Target;
  readonly via: ProxyChoice;
  readonly steps: readonly Step[];
  readonly outcome: Outcome;
  readonly status?: number;
  /** Total time of the steps. */
  readonly ms: number;
}

function code(e: unknown): string {
  const err = e as Error & { code?: string };
  return err.code ? `${err.code}${err.message && !err.message.startsWith(err.code) ? ` (${err.message})` : ""}` : err.message;
}

export async function probeTarget(target: Target, env: Readonly<Record<string, string | undefined>>, ops: PreflightOps, timeoutMs: number): Promise<TargetResult> {
  const via = proxyFor(target.probeUrl, env);
  const u = new URL(target.probeUrl);
  const conn = via.proxy !== null ? new URL(via.proxy) : u;
  const host = conn.hostname.replace(/^\[|\]$/g, "");
  const port = Number(conn.port || (conn.protocol === "https:" ? 443 : 80));
  const steps: Step[] = [];
  const finish = (outcome: Outcome, status?: number): TargetResult =>
    Object.freeze({ target, via, steps: Object.freeze(steps), outcome, ...(status !== undefined ? { status } : {}), ms: steps.reduce((s, x) => s + x.ms, 0) });
  const timed = async <T>(f: () => Promise<T>): Promise<[T | undefined, number, unknown]> => {
    const t0 = ops.now();
    try {
      const v = await f();
      return [v, ops.now() - t0, undefined];
    } catch (e) {
      return [undefined, ops.now() - t0, e];
    }
  };
  let addr = host;
  if (isIP(host) === 0) {
    const [a, ms, err] = await timed(() => ops.resolve(host, timeoutMs));
    if (!a || a.addresses.length === 0) {
      steps.push({ step: "dns", ok: false, ms, detail: `lookup ${host}`, error: err ? code(err) : (a?.error ?? "no addresses"), servers: a?.servers ?? [] });
      return finish("error");
    }
    addr = a.addresses[0] as string;
    steps.push({ step: "dns", ok: true, ms, detail: `${host} → ${a.addresses.join(", ")} (resolvers ${a.servers.join(", ") || "system"})`, servers: a.servers });
  }
  {
    const [, ms, err] = await timed(() => ops.connect(addr, port, timeoutMs));
    if (err) {
      steps.push({ step: "tcp", ok: false, ms, detail: `connect ${addr}:${port}`, error: code(err) });
      return finish("error");
    }
    steps.push({ step: "tcp", ok: true, ms, detail: `connected to ${addr}:${port}${via.proxy ? ` (HTTP proxy ${conn.host})` : ""}` });
  }
  if (via.proxy === null && u.protocol === "https:") {
    const [t, ms, err] = await timed(() => ops.tls(host, port, timeoutMs));
    if (!t) {
      steps.push({ step: "tls", ok: false, ms, detail: `handshake with ${host}:${port}`, error: code(err) });
      return finish("error");
    }
    const top = t.chain[t.chain.length - 1];
    const ca = top ? top.issuer || top.subject : "";
    if (!t.authorized) {
      steps.push({ step: "tls", ok: false, ms, detail: `chain: ${t.chain.map((c) => c.subject).join(" ← ")}`, error: t.error ?? "untrusted certificate", ca });
      return finish("error");
    }
    steps.push({ step: "tls", ok: true, ms, detail: `${t.protocol ?? "TLS"}, chain up to ${ca}`, ca });
  }
  const [h, ms, err] = await timed(() => ops.httpGet(target.probeUrl, via.proxy, timeoutMs));
  if (!h) {
    steps.push({ step: "http", ok: false, ms, detail: `GET ${target.probeUrl}`, error: code(err) });
    return finish("error");
  }
  if (h.tlsError) {
    steps.push({ step: "tls", ok: false, ms, detail: `handshake with ${u.host} through the proxy tunnel`, error: h.tlsError });
    return finish("error");
  }
  const ok = h.status === 200;
  const fallsThrough = target.kind === "proxy" || target.route === "proxy";
  const notFound = (h.status === 404 || h.status === 410) && fallsThrough;
  steps.push({
    step: "http",
    ok: ok || notFound,
    ms,
    detail: `GET ${target.probeUrl} → ${h.status}${h.fromProxy ? " (from the HTTP proxy)" : ""}`,
    ...(ok || notFound ? {} : { error: h.status === 407 ? "407 Proxy Authentication Required" : `HTTP ${h.status}` }),
  });
  if (ok) return finish("ok", h.status);
  if (notFound) return finish("not-found", h.status);
  return finish("error", h.status);
}
