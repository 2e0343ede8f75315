/** Unit tests of preflight's pure parts: proxy environment, targets, the GOPROXY walk, the Dockerfile reader. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveGoEnv } from "../gomod/go-env.js";
import { dockerfileModuleEnv } from "./dockerfile-env.js";
import type { TargetResult } from "./probe-target.js";
import { proxyFor } from "./proxy-env.js";
import { planTargets } from "./targets.js";
import { decide } from "./verdict.js";

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
