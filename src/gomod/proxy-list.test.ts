import assert from "node:assert/strict";
import { test } from "node:test";
import { effectiveProxyList, resolveGoEnv, GO_DEFAULT, bypassesProxy, bypassesSumdb } from "./go-env.js";
import { GoProxyListError, nextProxyAfterError, parseGoProxyList } from "./proxy-list.js";

const list = (v: string) => {
  const l = parseGoProxyList(v);
  assert.equal(l.kind, "list");
  return l.kind === "list" ? l.entries : [];
};

test("separators decide each entry's fallback; off/direct end the list", () => {
  assert.deepEqual(list("https://a.example|https://b.example,direct,https://ignored.example"), [
    { url: "https://a.example", fallback: "on-any-error" },
    { url: "https://b.example", fallback: "on-404-410" },
    { url: "direct", fallback: "on-404-410" },
  ]);
  assert.deepEqual(list(" off , https://x.example"), [{ url: "off", fallback: "on-404-410" }]);
  assert.deepEqual(list("corp.example/go,,file:///srv/mods"), [
    { url: "https://corp.example/go", fallback: "on-404-410" },
    { url: "file:///srv/mods", fallback: "on-404-410" },
  ]);
});

test("unset or empty GOPROXY is the go command's default, not a host", () => {
  assert.deepEqual(parseGoProxyList(undefined), { kind: "default" });
  assert.deepEqual(parseGoProxyList(""), { kind: "default" });
});

test("invalid values fail with the go command's messages (checked against go 1.26)", () => {
  const cases: [string, string][] = [
    ["ftp://x", "invalid proxy URL scheme (must be https, http, file): ftp://x"],
    ["file://host/p", "invalid file:// proxy URL with non-path elements: file://host/p"],
    [",", "GOPROXY list is not the empty string, but contains no entries"],
    [" , | ", "GOPROXY list is not the empty string, but contains no entries"],
    ["http://[::1", `parse "http://[::1": missing ']' in host`],
    ["http://a b", `parse "http://a b": invalid character " " in host name`],
    ["http://x:port", `parse "http://x:port": invalid port ":port" after host`],
    ["foo", "invalid proxy URL missing scheme: foo"],
    ["%zz.example", `parse "https://%zz.example": invalid URL escape "%zz"`],
    ["http://x/%zz", `parse "http://x/%zz": invalid URL escape "%zz"`],
    ["file:relative", `parse "https://file:relative": invalid port ":relative" after host`],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => parseGoProxyList(value), (e: unknown) => e instanceof GoProxyListError && e.message === message, value);
  }
  // Entries after "direct" are never checked, as in proxyList.
  assert.deepEqual(list("direct,ftp://x"), [{ url: "direct", fallback: "on-404-410" }]);
});

test("nextProxyAfterError follows TryProxies", () => {
  const entries = list("https://a.example|https://b.example,https://c.example,direct");
  assert.equal(nextProxyAfterError(entries, 0, 500), 1);
  assert.equal(nextProxyAfterError(entries, 0, "error"), 1);
  assert.equal(nextProxyAfterError(entries, 1, 404), 2);
  assert.equal(nextProxyAfterError(entries, 1, 410), 2);
  assert.equal(nextProxyAfterError(entries, 1, 500), null);
  assert.equal(nextProxyAfterError(entries, 1, "error"), null);
  assert.equal(nextProxyAfterError(entries, 3, 404), null);
});

test("resolveGoEnv: empty is unset; GONOPROXY/GONOSUMDB default to GOPRIVATE", () => {
  const e = resolveGoEnv({ GOPRIVATE: "corp.example/*", GOPROXY: "", GONOSUMDB: "other.example" });
  assert.equal(e.goproxy, GO_DEFAULT);
  assert.equal(e.gosumdb, GO_DEFAULT);
  assert.equal(e.gonoproxy, "corp.example/*");
  assert.equal(e.gonosumdb, "other.example");
  assert.ok(bypassesProxy(e, "corp.example/team/svc"));
  assert.ok(!bypassesProxy(e, "corp.example"));
  assert.ok(bypassesSumdb(e, "other.example/x"));
  assert.ok(!bypassesSumdb(e, "corp.example/team/svc"));
  assert.ok(bypassesSumdb(resolveGoEnv({ GOSUMDB: "off" }), "any.example/x"));
});

test("effectiveProxyList adds noproxy when GONOPROXY is set and GOPROXY is not direct", () => {
  const e = resolveGoEnv({ GOPRIVATE: "corp.example", GOPROXY: "https://p.example,direct" });
  const l = effectiveProxyList(e);
  assert.equal(l.kind, "list");
  if (l.kind === "list") assert.deepEqual(l.entries.map((x) => x.url), ["noproxy", "https://p.example", "direct"]);
  const d = effectiveProxyList(resolveGoEnv({ GOPRIVATE: "corp.example", GOPROXY: "direct" }));
  assert.ok(d.kind === "list" && d.entries.length === 1);
  assert.deepEqual(effectiveProxyList(resolveGoEnv({})), { kind: "default" });
});
