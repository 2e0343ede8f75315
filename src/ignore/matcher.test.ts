import assert from "node:assert/strict";
import { test } from "node:test";
import { LocatedError } from "../diagnostic/located-error.js";
import { compilePatterns } from "./matcher.js";
import { parseIgnoreFile } from "./read-ignore-file.js";

const load = (text: string) => compilePatterns(parseIgnoreFile(text, ".dockerignore"));

test("matchingPattern names the line that decided", () => {
  const m = load("# build output\nbin\n*.sum\n!go.sum\n\n\ngo.sum\n");
  assert.equal(m.matches("go.sum"), true);
  assert.equal(m.matchingPattern("go.sum")?.line, 7);
  assert.equal(m.matchingPattern("x.sum")?.line, 3);
  assert.equal(m.matchingPattern("bin/tool")?.line, 2);
  assert.equal(m.matchingPattern("main.go"), null);
  const m2 = load("*.sum\n!go.sum\n");
  assert.equal(m2.matches("go.sum"), false);
  assert.equal(m2.matchingPattern("go.sum")?.pattern, "!go.sum");
});

test("New's errors are LocatedErrors with file and line", () => {
  for (const [text, line] of [["a\n[", 2], ["a\n\n!", 3], ["!/", 1]] as const) {
    assert.throws(
      () => load(text),
      (e: unknown) => e instanceof LocatedError && e.file === ".dockerignore" && e.range?.start.line === line,
      text,
    );
  }
});

test("a pattern whose Go regexp fails is accepted, listed, and throws only when reached", () => {
  const m = load("a\nb*[z-a]\n");
  assert.equal(m.lateErrors.length, 1);
  assert.equal(m.lateErrors[0]?.range?.start.line, 2);
  assert.equal(m.matches("a"), true); // "b*[z-a]" is skipped once "a" matched
  assert.throws(() => m.matches("c"), LocatedError);
});

test("plain strings are numbered from line 1", () => {
  const m = compilePatterns(["node_modules", "!node_modules/keep"], "gen");
  assert.equal(m.matchingPattern("node_modules/x")?.line, 1);
  assert.equal(m.file, "gen");
});

test("walk: a matched directory is skipped unless a literal exception lies below it", () => {
  const m = load("vendor\nbuild\n!build/keep\n");
  const v = m.visit("vendor", true);
  assert.deepEqual([v.excluded, v.skipDir], [true, true]);
  const b = m.visit("build", true);
  assert.deepEqual([b.excluded, b.skipDir], [true, false]);
  assert.equal(m.visit("build/keep", false, b.state).excluded, false);
  assert.equal(m.visit("build/other", false, b.state).excluded, true);
  // A wildcard in any exception disables skipping altogether (fsutil).
  const w = load("vendor\n!*/keep\n");
  assert.deepEqual([w.visit("vendor", true).excluded, w.visit("vendor", true).skipDir], [true, false]);
  // A trailing /** or /* on the exception does not count as a wildcard.
  assert.equal(load("vendor\n!build/**\n").canSkipDir("vendor"), true);
  assert.equal(load("build\n!build/x/**\n").canSkipDir("build"), false);
});

test("the walk and MatchesOrParentMatches can disagree, as in BuildKit", () => {
  const m = load("a\n!a/b\na\n");
  assert.equal(m.matches("a/b"), true);
  assert.equal(m.excludedFromContext("a/b"), false);
  const n = load("a/b\n!a\n");
  assert.equal(n.matches("a/b/c"), false);
  assert.equal(n.excludedFromContext("a/b/c"), true);
});

test("patternmatcher leaves | { } unescaped: they act as Go regexp syntax", () => {
  const m = load("*.go|*.mod\n");
  assert.equal(m.matches("x.go"), true);
  assert.equal(m.matches("x.go/anything"), true); // the first branch has no $ anchor
  assert.equal(load("x{2}*\n").matches("xx"), true);
  assert.equal(load("x{2}\n").matches("x{2}"), true); // no wildcard: compared as text
});
