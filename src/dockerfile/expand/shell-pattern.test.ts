import { test } from "node:test";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { PatternError, compilePattern, replacePattern, reversePattern, trimPrefix, trimSuffix } from "./shell-pattern.js";

test("reversePattern keeps escape pairs in order (BuildKit TestReversePattern)", () => {
  assert.equal(reversePattern("a\\*c"), "c\\*a");
  assert.equal(reversePattern("\\\\\\ab"), "b\\a\\\\");
  assert.equal(reversePattern("ab\\"), "\\ba");
  assert.equal(reversePattern("👽\\🚀🖖"), "🖖\\🚀👽");
  assert.equal(reversePattern("\\\\b"), "b\\\\");
});

test("compilePattern rejects the escapes Go rejects", () => {
  for (const bad of ["\\", "\\x", "\\\\\\"]) assert.throws(() => compilePattern(bad, true), PatternError);
  assert.throws(() => compilePattern("\\x", true), { message: "invalid escape '\\x'" });
  assert.throws(() => compilePattern("a\\", true), { message: "invalid escape '\\\ufffd'" });
  assert.doesNotThrow(() => compilePattern("\\}\\/\\*\\?\\\\", true));
});

test("trimPrefix: shortest vs longest and escaped wildcards", () => {
  assert.equal(trimPrefix("*x", "axbxc", false), "bxc");
  assert.equal(trimPrefix("*x", "axbxc", true), "c");
  assert.equal(trimPrefix("*", "xxyy", false), "xxyy");
  assert.equal(trimPrefix("?\\?", "???y", false), "?y");
  assert.equal(trimPrefix("()[]{\\}^$.\\*\\?|\\\\", "()[]{}^$.*?|\\x", false), "x");
  assert.equal(trimPrefix("b", "abc", true), "abc", "anchored at the start");
});

test("* and ? never cross a newline, as Go's . does not", () => {
  assert.equal(trimPrefix("*", "ab\ncd", true), "\ncd");
  assert.equal(trimPrefix("a?c", "a\nc", true), "a\nc");
  assert.equal(trimSuffix("*", "ab\ncd", true), "ab\n");
});

test("trimSuffix: shortest and longest suffix; errors name the reversed pattern", () => {
  assert.equal(trimSuffix("y*", "xxyy", false), "xxy");
  assert.equal(trimSuffix("y*", "xxyy", true), "xx");
  assert.equal(trimSuffix("\\**\\*", "a***yy*", true), "a");
  assert.throws(() => trimSuffix("ab\\", "v", false), { message: /^invalid pattern \(\\ba\) in substitution/ });
});

test("replacePattern: first vs all, Go's empty-match rule and $ templates", () => {
  assert.equal(replacePattern("x", "axbx", "-", false), "a-bx");
  assert.equal(replacePattern("x", "axbx", "-", true), "a-b-");
  assert.equal(replacePattern("", "ab", "-", true), "-a-b-");
  assert.equal(replacePattern("*", "ab", "-", true), "-");
  assert.equal(replacePattern("x", "axb", "[$0|${0}|$$|$1|$x|${|$]", true), "a[x|x|$|||${|$]b");
  assert.equal(replacePattern("x", "axb", "[$0]", false), "a[$0]b", "a single replacement is literal");
  assert.equal(replacePattern("/tmp", "/tmp/tmp/bar.txt", "", true), "/bar.txt");
});

test("many stars against a long value stay linear", () => {
  const long = "a".repeat(20000);
  const t0 = performance.now();
  assert.equal(trimPrefix("*a*a*a*a*a*a*a*a*a*a*b", long, true), long);
  assert.equal(replacePattern("*a*a*a*a*a*a*a*a*a*a*b", long, "-", true), long);
  assert.ok(performance.now() - t0 < 2000);
});
