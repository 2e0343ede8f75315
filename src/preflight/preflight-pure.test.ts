/** Unit tests of preflight's pure parts: proxy environment, targets, the GOPROXY walk, the way to the checksum database, the Dockerfile reader. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveGoEnv } from "../gomod/go-env.js";
import { dockerfileModuleEnv } from "./dockerfile-env.js";
import { DEFAULT_SUMDB_NAME } from "../sumdb/data/default-database.js";
import type { Step, TargetResult } from "./probe-target.js";
import { proxyFor } from "./proxy-env.js";
import { planTargets, type SumdbPlan, type Target } from "./targets.js";
import { decide, sumdbWalk } from "./verdict.js";

test("proxyFor follows net/http's environment rules", () => {
  const env = { HTTPS_PROXY: "corp-proxy.example:3128", HTTP_PROXY: "http://p.example:8080", NO_PROXY: ".internal.example,10.0.0.0/8,git.example:443" };
  assert.equal(proxyFor("https://mods.example/x", env).proxy, "http://corp-proxy.example:3128");
  assert.equal(proxyFor("http://mods.example/x", env).proxy, "http://p.example:8080");
  assert.equal(proxyFor("https://a.internal.example/x", env).proxy, null);
  assert.equal(proxyFor("https://10.1.2.3/x", env).proxy, null);
  assert.equal(proxyFor("https://git.example/x", env).proxy, null);
  assert.equal(proxyFor("http://git.example/x", env).proxy, "http://p.example:8080", "NO_PROXY entry with another port");
  assert.equal(proxyFor("https://127.0.0.1:9/x", env).proxy, null);
  assert.equal(proxyFor("https://mods.example/x", { ...env, NO_PROXY: "*" }).proxy, null);
  assert.equal(proxyFor("https://mods.example/x", {}).proxy, null);
});

test("planTargets: proxies, database, direct VCS hosts", () => {
  const env = resolveGoEnv({ GOPROXY: "https://a.example|https://b.example,direct", GOSUMDB: "off", GOPRIVATE: "git.corp.example" });
  const p = planTargets({ env, modules: ["git.corp.example/team/lib", "example.org/x/y"] });
  assert.deepEqual(p.targets.map((t) => [t.kind, t.url]), [["proxy", "https://a.example"], ["proxy", "https://b.example"], ["vcs", "https://git.corp.example"]]);
  assert.equal(p.targets[0]?.probeUrl, "https://a.example/example.org/x/y/@v/list");
  assert.deepEqual(p.proxyList.map((e) => e.url), ["noproxy", "https://a.example", "https://b.example", "direct"]);
  assert.match(p.notes.join(), /GOSUMDB=off/);
});

function result(index: number, outcome: TargetResult["outcome"]): TargetResult {
  return { target: { kind: "proxy", url: `https://p${index}.example`, probeUrl: `https://p${index}.example/m/@v/list`, index, fallback: "on-404-410" }, via: { proxy: null, reason: "" }, steps: [{ step: "http", ok: outcome !== "error", ms: 5, detail: "", ...(outcome === "error" ? { error: "HTTP 500" } : {}) }], outcome, ms: 5 };
}

test("decide walks the GOPROXY list like TryProxies", () => {
  const list = [
    { url: "https://p0.example", fallback: "on-404-410" as const },
    { url: "https://p1.example", fallback: "on-any-error" as const },
    { url: "https://p2.example", fallback: "on-404-410" as const },
  ];
  assert.equal(decide(list, [result(0, "not-found"), result(1, "error"), result(2, "ok")], 1000).servedBy, "https://p2.example");
  const stop = decide(list, [result(0, "error"), result(1, "ok"), result(2, "ok")], 1000);
  assert.equal(stop.ok, false);
  assert.match(stop.walk[0] ?? "", /stops here/);
  assert.equal(decide([{ url: "off", fallback: "on-404-410" }], [], 1000).ok, false);
});

test("dockerfileModuleEnv reads ARG and ENV defaults", () => {
  const env = dockerfileModuleEnv('FROM golang\nARG GOPROXY="https://m.example,direct"\nENV GOPRIVATE=corp.example GOFLAGS=-mod=mod\nENV GOSUMDB off\nARG OTHER=1\n');
  assert.deepEqual(env, { GOPROXY: "https://m.example,direct", GOPRIVATE: "corp.example", GOFLAGS: "-mod=mod", GOSUMDB: "off" });
});

// The checksum database, reached the way cmd/go/internal/modfetch/sumdb.go does (dbClient.initBase over TryProxies).

const DB = DEFAULT_SUMDB_NAME;

function probed(t: Target, outcome: TargetResult["outcome"], status: number, failStep?: Step): TargetResult {
  const steps: Step[] = failStep ? [failStep] : [{ step: "http", ok: outcome !== "error", ms: 3, detail: `GET ${t.probeUrl} → ${status}`, ...(outcome === "error" ? { error: `HTTP ${status}` } : {}) }];
  return { target: t, via: { proxy: null, reason: "" }, steps, outcome, ...(failStep ? {} : { status }), ms: 3 };
}
const dnsFail: Step = { step: "dns", ok: false, ms: 2, detail: `lookup ${DB}`, error: "ENOTFOUND", servers: ["10.0.0.53"] };

function sumdbPlan(goproxy: string, extra: Record<string, string> = {}): ReturnType<typeof planTargets> {
  return planTargets({ env: resolveGoEnv({ GOPROXY: goproxy, GOPRIVATE: "", GONOPROXY: "", GONOSUMDB: "", ...extra }), modules: ["example.org/m"] });
}

test("planTargets: the database is asked of each http(s) proxy in order, then directly; not at all when off, covered, or named by URL", () => {
  const p = sumdbPlan("https://p0.example,file:///tmp/mods|https://p2.example/base/,direct");
  assert.equal(p.targets.some((t) => t.kind === "sumdb"), false, "the database is not probed unconditionally");
  assert.deepEqual(p.sumdb?.viaProxies.map((t) => [t.index, t.probeUrl, t.url, t.proxy]), [
    [0, `https://p0.example/sumdb/${DB}/supported`, `https://p0.example/sumdb/${DB}`, "https://p0.example"],
    [2, `https://p2.example/base/sumdb/${DB}/supported`, `https://p2.example/base/sumdb/${DB}`, "https://p2.example/base"],
  ]);
  assert.deepEqual([p.sumdb?.direct.url, p.sumdb?.direct.probeUrl, p.sumdb?.explicitUrl], [`https://${DB}`, `https://${DB}/latest`, false]);
  const named = sumdbPlan("https://p0.example", { GOSUMDB: `${DB} http://127.0.0.1:9/db/` });
  assert.deepEqual([named.sumdb?.viaProxies.length, named.sumdb?.direct.probeUrl, named.sumdb?.explicitUrl], [0, "http://127.0.0.1:9/db/latest", true]);
  assert.match(named.notes.join("\n"), /connects to it directly and asks no proxy/);
  const off = sumdbPlan("https://p0.example", { GOSUMDB: "off" });
  assert.equal(off.sumdb, null);
  assert.equal(decide(off.proxyList, [probed(off.targets[0] as Target, "ok", 200)], 1000, [], off.sumdb).sumdb, null);
  const covered = sumdbPlan("https://p0.example", { GONOSUMDB: "example.org" });
  assert.equal(covered.sumdb, null);
  assert.match(covered.notes.join("\n"), /GONOSUMDB\/GOPRIVATE: the checksum database is not used/);
  const partly = planTargets({ env: resolveGoEnv({ GOPROXY: "https://p0.example", GONOSUMDB: "example.org", GOPRIVATE: "", GONOPROXY: "" }), modules: ["example.org/m", "other.example/n"] });
  assert.notEqual(partly.sumdb, null, "a module outside GONOSUMDB still needs the database");
});

test("sumdbWalk/decide: a proxy that supports the database serves it; the unreachable database host does not matter", () => {
  const p = sumdbPlan("https://p0.example,direct");
  const sdb = p.sumdb as SumdbPlan;
  const mods = probed(p.targets[0] as Target, "ok", 200);
  assert.deepEqual(sumdbWalk(p.proxyList, sdb, []), { kind: "next", target: sdb.viaProxies[0], walk: [] });
  const supported = probed(sdb.viaProxies[0] as Target, "ok", 200);
  const w = sumdbWalk(p.proxyList, sdb, [supported]);
  assert.equal(w.kind, "proxy", "no direct probe is asked for");
  // Even when a direct probe was made and failed, it is not what the go command uses.
  const v = decide(p.proxyList, [mods, supported, probed(sdb.direct, "error", 0, dnsFail)], 1000, [], sdb);
  assert.equal(v.ok, true, v.advice.join("\n"));
  assert.deepEqual([v.sumdb?.reached, v.sumdb?.proxy, v.sumdb?.url], ["proxy", "https://p0.example", `https://p0.example/sumdb/${DB}`]);
  assert.equal(v.advice.length, 0);
  assert.doesNotMatch(v.advice.join(), /DNS/);
});

test("sumdbWalk/decide: 404 from the proxy, then direct: the direct probe decides, and its DNS advice offers a proxying GOPROXY", () => {
  const p = sumdbPlan("https://p0.example,direct");
  const sdb = p.sumdb as SumdbPlan;
  const mods = probed(p.targets[0] as Target, "ok", 200);
  const nf = probed(sdb.viaProxies[0] as Target, "not-found", 404);
  const w = sumdbWalk(p.proxyList, sdb, [nf]);
  assert.equal(w.kind, "next");
  assert.equal(w.kind === "next" && w.target, sdb.direct);
  const good = decide(p.proxyList, [mods, nf, probed(sdb.direct, "ok", 200)], 1000, [], sdb);
  assert.equal(good.ok, true);
  assert.equal(good.sumdb?.reached, "direct");
  const bad = decide(p.proxyList, [mods, nf, probed(sdb.direct, "error", 0, dnsFail)], 1000, [], sdb);
  assert.equal(bad.ok, false);
  assert.equal(bad.sumdb?.reached, "direct");
  assert.match(bad.advice.join("\n"), new RegExp(`the checksum database https://${DB.replace(/\./g, "\\.")}, reached directly: the name does not resolve`));
  assert.match(bad.advice.join("\n"), /sumdb\/<name>\/supported with 200/);
  // 410 and the end of the list (no "direct") lead to the database too, as does "off".
  for (const goproxy of ["https://p0.example", "https://p0.example,off"]) {
    const q = sumdbPlan(goproxy);
    const r = sumdbWalk(q.proxyList, q.sumdb as SumdbPlan, [probed(q.sumdb?.viaProxies[0] as Target, "not-found", 410)]);
    assert.equal(r.kind === "next" && r.target.route, "direct", goproxy);
  }
});

test("sumdbWalk/decide: a 500 from the supported URL stops after ',' and names that URL; after '|' only 'direct' overrides it", () => {
  const p = sumdbPlan("https://p0.example,https://p1.example,direct");
  const sdb = p.sumdb as SumdbPlan;
  const err = probed(sdb.viaProxies[0] as Target, "error", 500);
  const w = sumdbWalk(p.proxyList, sdb, [err]);
  assert.equal(w.kind, "stopped", "neither p1 nor the database is asked");
  const v = decide(p.proxyList, [probed(p.targets[0] as Target, "ok", 200), err], 1000, [], sdb);
  assert.equal(v.ok, false);
  assert.deepEqual([v.sumdb?.reached, v.sumdb?.url], [null, `https://p0.example/sumdb/${DB}/supported`]);
  assert.match(v.advice.join("\n"), new RegExp(`https://p0\\.example/sumdb/${DB.replace(/\./g, "\\.")}/supported failed \\(HTTP 500\\)`));
  assert.match(v.advice.join("\n"), /would not contact https:\/\/\S+ itself/);
  // "|": falls through; with "direct" later the database itself is used...
  const pipe = sumdbPlan("https://p0.example|https://p1.example|direct");
  const ps = pipe.sumdb as SumdbPlan;
  const e0 = probed(ps.viaProxies[0] as Target, "error", 500);
  const nf1 = probed(ps.viaProxies[1] as Target, "not-found", 404);
  const toDirect = sumdbWalk(pipe.proxyList, ps, [e0, nf1]);
  assert.equal(toDirect.kind === "next" && toDirect.target, ps.direct);
  // ...without it, the first failure is the result (TryProxies keeps the proxy error over later 404s).
  const noDirect = sumdbPlan("https://p0.example|https://p1.example");
  const ns = noDirect.sumdb as SumdbPlan;
  const stopped = sumdbWalk(noDirect.proxyList, ns, [probed(ns.viaProxies[0] as Target, "error", 500), probed(ns.viaProxies[1] as Target, "not-found", 404)]);
  assert.equal(stopped.kind, "stopped");
  assert.equal(stopped.kind === "stopped" && stopped.result.target.proxy, "https://p0.example");
});

test("sumdbWalk: GOSUMDB with an explicit URL goes there directly; GONOPROXY's noproxy entry is skipped", () => {
  const p = sumdbPlan("https://p0.example,direct", { GOSUMDB: `${DB} http://127.0.0.1:9` });
  const sdb = p.sumdb as SumdbPlan;
  const w = sumdbWalk(p.proxyList, sdb, []);
  assert.equal(w.kind === "next" && w.target.probeUrl, "http://127.0.0.1:9/latest");
  const v = decide(p.proxyList, [probed(p.targets[0] as Target, "ok", 200), probed(sdb.direct, "error", 0, { step: "tcp", ok: false, ms: 1, detail: "connect 127.0.0.1:9", error: "ECONNREFUSED" })], 1000, [], sdb);
  assert.equal(v.ok, false);
  assert.equal(v.sumdb?.reached, "direct");
  assert.match(v.sumdb?.walk.join() ?? "", /GOSUMDB names its URL, so no proxy is asked/);
  assert.match(v.advice.join("\n"), /127\.0\.0\.1:9 was refused/);
  const np = sumdbPlan("https://p0.example", { GONOPROXY: "corp.example" });
  assert.deepEqual(np.proxyList.map((e) => e.url), ["noproxy", "https://p0.example"]);
  const first = sumdbWalk(np.proxyList, np.sumdb as SumdbPlan, []);
  assert.equal(first.kind === "next" && first.target.index, 1);
});
