/**
 * Differential test: matchPrefixPatterns (GOPRIVATE/GONOPROXY/GONOSUMDB),
 * path.Match, module path checks and semver against golang.org/x/mod
 * v0.43.0 and Go's path package (test/oracle/gomod), on >= 2,000 seeded
 * random (globs, path) pairs and generated paths/versions.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { fromBytes, toBytes } from "../../src/golang/utf8.js";
import { checkImportPath, checkModulePath, checkPathMajor, splitPathVersion } from "../../src/gomod/module-path.js";
import { pathMatch } from "../../src/golang/path-match.js";
import { matchPrefixPatterns } from "../../src/gomod/prefix-patterns.js";
import {
  canonicalModuleVersion, canonicalSemver, compareSemver, isValidSemver, semverBuild, semverMajor, semverPrerelease,
} from "../../src/gomod/semver.js";
import { runOracle } from "../support/oracle.js";
import { type Rng, rngFromEnv } from "../support/random.js";

const rng = rngFromEnv();
console.log(`match seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);

const ELEMS = ["corp.example", "example.com", "git.corp.example", "a", "b", "x.y", "gopkg.in", "yaml.v2", "v2", "v0", "v1", "sub", "-x", ".x", "x.", "~1", "a~1", "CON", "con.txt", "ü", "a+b", "a_b", "", "..", "A"];
const GLOB_ELEMS = [...ELEMS, "*", "?", "*.example", "corp.*", "[a-c]", "[^a]", "[", "]", "\\*", "\\", "[a-]", "[]a]", "[\\]]", "**", "*x*", "?.example", "[z-a]", "[日本]"];

function randPath(r: Rng, elems: readonly string[]): string {
  const n = 1 + r.int(4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r.pick(elems));
  let p = parts.join("/");
  if (r.int(8) === 0) p += "/";
  if (r.int(12) === 0) p = "/" + p;
  return p;
}

test(">= 2,000 random (globs, path) pairs: matchPrefixPatterns agrees with module.MatchPrefixPatterns", async () => {
  const reqs: { globs: string; path: string }[] = [];
  for (let i = 0; i < 3000; i++) {
    const k = rng.int(4);
    const globs: string[] = [];
    for (let j = 0; j < k; j++) globs.push(randPath(rng, GLOB_ELEMS));
    const path = randPath(rng, ELEMS);
    // Bias towards matches: reuse the path's own prefix as a glob sometimes.
    if (rng.int(3) === 0) globs.push(path.split("/").slice(0, 1 + rng.int(3)).join("/"));
    reqs.push({ globs: globs.join(rng.int(6) === 0 ? ", " : ","), path });
  }
  const want = await runOracle<{ globs: string; path: string }, boolean>("gomod", "match", reqs);
  let agree = 0;
  let matched = 0;
  let crashes = 0;
  let hangs = 0;
  const bad: string[] = [];
  reqs.forEach((r, i) => {
    const t0 = performance.now();
    let got: boolean;
    try {
      got = matchPrefixPatterns(r.globs, r.path);
    } catch (e) {
      crashes++;
      bad.push(`${JSON.stringify(r)} crash ${String(e)}`);
      return;
    }
    if (performance.now() - t0 > 100) {
      const t1 = performance.now();
      matchPrefixPatterns(r.globs, r.path);
      if (performance.now() - t1 > 100) hangs++;
    }
    if (got === want[i]) agree++;
    else bad.push(`${JSON.stringify(r)}: goship ${got}, x/mod ${want[i]}`);
    if (want[i]) matched++;
  });
  console.log(`MatchPrefixPatterns: ${agree}/${reqs.length} agree (${matched} matches), crashes ${crashes}, hangs ${hangs}`);
  assert.deepEqual(bad.slice(0, 10), []);
  assert.equal(crashes, 0);
  assert.equal(hangs, 0);
  assert.ok(matched > 200, "enough positive cases");
});

test("path.Match agrees, including ErrBadPattern", async () => {
  const reqs: { pattern: string; name: string }[] = [];
  for (let i = 0; i < 2000; i++) reqs.push({ pattern: randPath(rng, GLOB_ELEMS), name: randPath(rng, ELEMS) });
  const want = await runOracle<{ pattern: string; name: string }, { matched: boolean; error: string }>("gomod", "pathmatch", reqs);
  const bad: string[] = [];
  reqs.forEach((r, i) => {
    const m = pathMatch(toBytes(r.pattern), toBytes(r.name));
    const got = { matched: m.matched, error: m.error ?? "" };
    if (!isDeepStrictEqual(got, want[i])) bad.push(`${JSON.stringify(r)}: ${JSON.stringify(got)} vs ${JSON.stringify(want[i])}`);
  });
  assert.deepEqual(bad.slice(0, 10), []);
});

test("module.CheckPath, CheckImportPath, SplitPathVersion agree", async () => {
  const reqs: { path: string }[] = [];
  for (let i = 0; i < 2000; i++) reqs.push({ path: randPath(rng, ELEMS) });
  reqs.push(...["", "x", "example.com/a/v2", "example.com/a/v1", "example.com/a/v02", "gopkg.in/yaml.v3", "gopkg.in/yaml.v0", "gopkg.in/a.v1-unstable", "EXAMPLE.com/a", "exa_mple.com/a", "example.com/a~12", "-example.com"].map((path) => ({ path })));
  const want = await runOracle<{ path: string }, unknown>("gomod", "checkpath", reqs);
  const bad: string[] = [];
  reqs.forEach((r, i) => {
    const p = toBytes(r.path);
    const sp = splitPathVersion(p);
    const got = {
      module: fromBytes(checkModulePath(p) ?? ""),
      import: fromBytes(checkImportPath(p) ?? ""),
      split: [fromBytes(sp.prefix), fromBytes(sp.pathMajor), sp.ok],
    };
    if (!isDeepStrictEqual(got, want[i])) bad.push(`${JSON.stringify(r)}: ${JSON.stringify(got)} vs ${JSON.stringify(want[i])}`);
  });
  assert.deepEqual(bad.slice(0, 10), []);
});

test("semver and module.CanonicalVersion / CheckPathMajor agree", async () => {
  const parts = ["v", "1", "0", "2", "10", "01", ".", "-", "+", "rc", "alpha", "incompatible", "0.0", "x", "V"];
  const gen = (): string => {
    let s = rng.int(5) === 0 ? "" : "v";
    const n = rng.int(7);
    for (let i = 0; i < n; i++) s += rng.pick(parts);
    return s;
  };
  const majors = ["", "/v2", "/v3", ".v1", ".v2", ".v0", ".v1-unstable", "/v1"];
  const reqs: { v: string; w: string; pathMajor: string }[] = [];
  for (let i = 0; i < 3000; i++) reqs.push({ v: gen(), w: gen(), pathMajor: rng.pick(majors) });
  const want = await runOracle<typeof reqs[number], unknown>("gomod", "semver", reqs);
  const bad: string[] = [];
  reqs.forEach((r, i) => {
    const got = {
      valid: isValidSemver(r.v),
      canonical: canonicalSemver(r.v),
      major: semverMajor(r.v),
      build: semverBuild(r.v),
      prerelease: semverPrerelease(r.v),
      compare: compareSemver(r.v, r.w),
      canonicalVersion: canonicalModuleVersion(r.v),
      checkPathMajor: checkPathMajor(r.v, r.pathMajor) ?? "",
    };
    const w = want[i] as Record<string, unknown>;
    const sorted = Object.fromEntries(Object.keys(w).sort().map((k) => [k, (got as Record<string, unknown>)[k]]));
    const ws = Object.fromEntries(Object.keys(w).sort().map((k) => [k, w[k]]));
    if (JSON.stringify(sorted) !== JSON.stringify(ws)) bad.push(`${JSON.stringify(r)}: ${JSON.stringify(sorted)} vs ${JSON.stringify(ws)}`);
  });
  assert.deepEqual(bad.slice(0, 10), []);
});
