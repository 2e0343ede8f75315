/**
 * Preflight reports as text (targets with each step and its time, the
 * GOPROXY walk, the way to the checksum database ("via the module proxy
 * <url>" or "directly"), advice, the verdict) and as JSON (the same data,
 * stable key order, no wall-clock values but the measured step times).
 */
import type { PreflightReport } from "./run-preflight.js";
import type { SumdbVerdict } from "./verdict.js";

const redact = (u: string): string => u.replace(/\/\/([^/@]*)@/, "//****@");
const redactAll = (line: string): string => line.replace(/\/\/([^/@\s]*)@/g, "//****@");

/** "via the module proxy <url>", "directly", or why it is not reached. */
export function sumdbReachedText(d: SumdbVerdict): string {
  if (d.reached === "proxy") return `via the module proxy ${redact(d.proxy ?? "")} (${redact(d.url)})`;
  if (d.reached === "direct") return `directly (${redact(d.url)})`;
  return `not reached: the go command stops at ${redact(d.url)}`;
}

export function formatPreflightText(r: PreflightReport): string {
  const out: string[] = [];
  const v = r.verdict;
  out.push(`GOPROXY=${typeof r.env.goproxy === "string" ? r.env.goproxy : "(go default)"}  GOSUMDB=${typeof r.env.gosumdb === "string" ? r.env.gosumdb : "(go default)"}  GOPRIVATE=${r.env.goprivate || "(none)"}`);
  const pe = Object.entries(r.proxyEnv);
  out.push(pe.length ? `HTTP proxies: ${pe.map(([k, val]) => `${k}=${redact(val)}`).join("  ")}` : "HTTP proxies: none (direct connections)");
  for (const n of r.plan.notes) out.push(`note: ${n}`);
  out.push("");
  for (const t of [...r.results, ...r.alternatives]) {
    const tag = r.alternatives.includes(t) ? "candidate" : t.target.kind;
    const route = t.target.route === "proxy" ? ` (via the module proxy ${redact(t.target.proxy ?? "")})` : t.target.route === "direct" ? " (directly)" : "";
    out.push(`${t.outcome === "ok" ? "✓" : t.outcome === "not-found" ? "~" : "✗"} ${tag} ${redact(t.target.url)}${route}${t.via.proxy ? ` via ${redact(t.via.proxy)}` : ""}`);
    for (const s of t.steps) out.push(`    ${s.ok ? "ok  " : "FAIL"} ${s.step.padEnd(4)} ${String(Math.round(s.ms)).padStart(5)} ms  ${s.detail}${s.error ? `: ${s.error}` : ""}`);
  }
  out.push("", "GOPROXY list, as the go command walks it:");
  for (const w of v.walk) out.push(`  ${w}`);
  if (v.sumdb) {
    out.push("", `Checksum database ${v.sumdb.name}, as the go command reaches it:`);
    for (const w of v.sumdb.walk) out.push(`  ${redactAll(w)}`);
    out.push(`  → ${v.sumdb.ok ? "reached" : "FAILS"} ${sumdbReachedText(v.sumdb)}`);
  }
  if (v.advice.length) {
    out.push("", "Advice:");
    for (const a of v.advice) out.push(`  - ${a}`);
  }
  const db = v.sumdb ? `; the checksum database is reached ${sumdbReachedText(v.sumdb)}` : "";
  out.push("", v.ok ? `OK: the build can fetch its modules${v.servedBy ? ` (from ${redact(v.servedBy)})` : ""}${db}.` : "FAIL: the build could not fetch (or check) its modules from here.");
  return out.join("\n") + "\n";
}

export function formatPreflightJson(r: PreflightReport): string {
  const target = (t: PreflightReport["results"][number]): unknown => ({
    kind: t.target.kind,
    url: redact(t.target.url),
    probe: redact(t.target.probeUrl),
    ...(t.target.route ? { route: t.target.route } : {}),
    ...(t.target.index !== undefined ? { index: t.target.index, fallback: t.target.fallback } : {}),
    via: t.via.proxy ? redact(t.via.proxy) : null,
    viaReason: t.via.reason,
    outcome: t.outcome,
    status: t.status ?? null,
    ms: Math.round(t.ms),
    steps: t.steps.map((s) => ({ step: s.step, ok: s.ok, ms: Math.round(s.ms), detail: s.detail, ...(s.error ? { error: s.error } : {}), ...(s.ca ? { ca: s.ca } : {}) })),
  });
  return (
    JSON.stringify(
      {
        version: 1,
        ok: r.verdict.ok,
        servedBy: r.verdict.servedBy ? redact(r.verdict.servedBy) : null,
        env: { GOPROXY: r.env.goproxy, GOSUMDB: r.env.gosumdb, GOPRIVATE: r.env.goprivate, GONOPROXY: r.env.gonoproxy, GONOSUMDB: r.env.gonosumdb },
        proxyEnv: Object.fromEntries(Object.entries(r.proxyEnv).map(([k, v]) => [k, redact(v)])),
        modules: r.modules,
        targets: r.results.map(target),
        alternatives: r.alternatives.map(target),
        walk: r.verdict.walk,
        sumdb: r.verdict.sumdb
          ? { name: r.verdict.sumdb.name, reached: r.verdict.sumdb.reached, how: sumdbReachedText(r.verdict.sumdb), url: redact(r.verdict.sumdb.url), proxy: r.verdict.sumdb.proxy ? redact(r.verdict.sumdb.proxy) : null, ok: r.verdict.sumdb.ok, walk: r.verdict.sumdb.walk.map(redactAll) }
          : null,
        advice: r.verdict.advice,
        notes: r.plan.notes,
      },
      (_k, v: unknown) => (typeof v === "object" && v !== null && "default" in v && Object.keys(v).length === 1 ? null : v),
      2,
    ) + "\n"
  );
}
