/**
 * `goship preflight` as a library: the module environment (flags over a
 * Dockerfile's ARG/ENV over the process environment, then `go env` for the
 * defaults), the modules of go.mod, the targets (targets.ts), every target
 * probed concurrently (probe-target.ts over PreflightOps) while the way to
 * the checksum database is probed step by step as the go command walks it
 * (verdict.ts sumdbWalk: `<proxy>/sumdb/<name>/supported` in list order,
 * the database itself only when the walk ends there), alternatives from
 * `tryProxies` probed too, and the verdict (verdict.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveGoEnv, type GoModuleEnv } from "../gomod/go-env.js";
import { parseGoMod } from "../gomod/go-mod.js";
import { probeGoEnv } from "../sumdb/verify/go-env-probe.js";
import { dockerfileModuleEnv } from "./dockerfile-env.js";
import { nodePreflightOps } from "./node-ops.js";
import type { PreflightOps } from "./ops.js";
import { probeTarget, type TargetResult } from "./probe-target.js";
import { planTargets, type Target, type TargetPlan } from "./targets.js";
import { decide, sumdbWalk, type Verdict } from "./verdict.js";

export interface RunPreflightOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Explicit values (flags) that win over everything. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** A Dockerfile whose ARG/ENV defaults count. */
  readonly dockerfile?: string;
  /** A module folder (its go.mod tells the modules and VCS hosts). */
  readonly moduleDir?: string;
  readonly timeoutMs?: number;
  /** Alternative GOPROXY URLs to probe and recommend. */
  readonly tryProxies?: readonly string[];
  readonly ops?: PreflightOps;
  readonly goBinary?: string;
}

export interface PreflightReport {
  readonly plan: TargetPlan;
  readonly results: readonly TargetResult[];
  readonly alternatives: readonly TargetResult[];
  readonly verdict: Verdict;
  /** The effective values used, and where HTTP(S)_PROXY/NO_PROXY came from. */
  readonly env: GoModuleEnv;
  readonly proxyEnv: Readonly<Record<string, string>>;
  readonly modules: readonly string[];
  readonly timeoutMs: number;
}

export async function runPreflight(o: RunPreflightOptions): Promise<PreflightReport> {
  const fromDockerfile = o.dockerfile ? dockerfileModuleEnv(readFileSync(o.dockerfile, "utf8")) : {};
  const merged: Record<string, string | undefined> = { ...o.env, ...fromDockerfile, ...(o.overrides ?? {}) };
  const probe = await probeGoEnv(merged, o.goBinary);
  const env = resolveGoEnv({ ...merged, ...probe.vars });
  let modules: string[] = [];
  if (o.moduleDir && existsSync(join(o.moduleDir, "go.mod"))) {
    const gm = parseGoMod(readFileSync(join(o.moduleDir, "go.mod"), "utf8"), "go.mod", { lax: true });
    modules = [...new Set(gm.require.map((r) => r.path))];
  }
  const plan = planTargets({ env, ...(probe.vars.GOPROXY ? { goDefaultProxy: probe.vars.GOPROXY } : {}), modules });
  const timeoutMs = o.timeoutMs ?? 5000;
  const ops = o.ops ?? nodePreflightOps(merged);
  const walkSumdb = async (): Promise<TargetResult[]> => {
    const done: TargetResult[] = [];
    if (plan.sumdb === null) return done;
    for (let w = sumdbWalk(plan.proxyList, plan.sumdb, done); w.kind === "next"; w = sumdbWalk(plan.proxyList, plan.sumdb, done)) {
      done.push(await probeTarget(w.target, merged, ops, timeoutMs));
    }
    return done;
  };
  const [fetches, sumdbResults] = await Promise.all([Promise.all(plan.targets.map((t) => probeTarget(t, merged, ops, timeoutMs))), walkSumdb()]);
  const proxies = fetches.filter((r) => r.target.kind === "proxy");
  const results = [...proxies, ...sumdbResults, ...fetches.filter((r) => r.target.kind !== "proxy")];
  const alts: Target[] = (o.tryProxies ?? []).map((u) => {
    const base = u.replace(/\/+$/, "");
    const first = plan.targets.find((t) => t.kind === "proxy");
    const rel = first ? first.probeUrl.slice(first.url.length) : "/golang.org/x/mod/@v/list";
    return { kind: "proxy", url: base, probeUrl: base + rel };
  });
  const alternatives = await Promise.all(alts.map((t) => probeTarget(t, merged, ops, timeoutMs)));
  const proxyEnv: Record<string, string> = {};
  for (const k of ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"]) if (merged[k]) proxyEnv[k] = merged[k] as string;
  return Object.freeze({ plan, results, alternatives, verdict: decide(plan.proxyList, results, timeoutMs, alternatives, plan.sumdb), env, proxyEnv, modules, timeoutMs });
}
