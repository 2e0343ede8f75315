import assert from "node:assert/strict";
import { test } from "node:test";
import { compileGoRegexp } from "./go-regexp-match.js";
import { GoRegexpError } from "./go-regexp-parse.js";

const m = (re: string, s: string) => compileGoRegexp(re).test(s);

test("Go regexp semantics the pattern translation relies on", () => {
  assert.equal(m("^[[^/]*]$", "^]"), true); // `[` inside a class is a literal
  assert.equal(m("^a\\b$", "a"), true); // \b is a word boundary
  assert.equal(m("^(.*/)?b$", "x\ny/b"), false); // . does not match \n
  assert.equal(m("^[^/]$", "\n"), true); // a negated class does
  assert.equal(m("^\\Qa*$", "a*$"), true); // \Q quotes to the end
  assert.equal(m("^a{2,3}$", "aaa"), true);
  assert.equal(m("^a{2,3}$", "aaaa"), false);
  assert.equal(m("^a{,2}$", "a{,2}"), true); // not a repeat: literal brace
  assert.equal(m("^[[:alpha:]]$", "q"), true);
  assert.equal(m("^\\pL$", "é"), true);
  assert.equal(m("^\\p{greek}$", "α"), true);
  assert.equal(m("^[^/]$", "😀"), true); // one code point
  assert.equal(m("a|^b$", "xa"), true);
});

test("regexps Go rejects are rejected", () => {
  for (const re of ["[", "a**", "*a", "a{1001}", "a{2,1}", "\\8", "\\q", "\\C", "[z-a]", "[[:foo:]]", "\\p{Old_Italic}", "\\pQ", "(a", "a)"]) {
    assert.throws(() => compileGoRegexp(re), GoRegexpError, re);
  }
});

test("matching is linear: no backtracking blow-up", () => {
  const re = compileGoRegexp("^" + "(.*/)?".repeat(30) + "[^/]*a[^/]*b$");
  const t0 = performance.now();
  assert.equal(re.test("x/".repeat(2000) + "a".repeat(2000)), false);
  assert.ok(performance.now() - t0 < 500);
});
