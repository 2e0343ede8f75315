/**
 * Preflight reports as text (targets with each step and its time, the
 * GOPROXY walk, advice, the verdict) and as JSON (the same data, stable key
 * order, no wall-clock values but the measured step times).
 */
import type { PreflightReport } from "./run-preflight.js";

const redact = (u: string): string => u.replace(/\/\/([^/@]*)@/, "//****@");

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
    out.push(`${t.outcome === "ok" ? "✓" : t.outcome === "not-found" ? "~" : "✗"} ${tag} ${redact(t.target.url)}${t.via.proxy ? ` via ${redact(t.via.proxy)}` : ""}`);
    for (const s of t.steps) out.push(`    ${s.ok ? "ok  " : "FAIL"} ${s.step.padEnd(4)} ${String(Math.round(s.ms)).padStart(5)} ms  ${s.detail}${s.error ? `: ${s.error}` : ""}`);
  }
  out.push("", "GOPROXY list, as the go command walks it:");
  for (const w of v.walk) out.push(`  ${w}`);
  if (v.advice.length) {
    out.push("", "Advice:");
    for (const a of v.advice) out.push(`  - ${a}`);
  }
  out.push("", v.ok ? `OK: the build can fetch its modules${v.servedBy ? ` (from ${redact(v.servedBy)})` : ""}.` : "FAIL: the build could not fetch (or check) its modules from here.");
  return out.join("\n") + "\n";
}

export function formatPreflightJson(r: PreflightReport): string {
  const target = (t: PreflightReport["results"][number]): unknown => ({
    kind: t.target.kind,
    url: redact(t.target.url),
    probe: redact(t.target.probeUrl),
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
        advice: r.verdict.advice,
        notes: r.plan.notes,
      },
      (_k, v: unknown) => (typeof v === "object" && v !== null && "default" in v && Object.keys(v).length === 1 ? null : v),
      2,
    ) + "\n"
  );
}
