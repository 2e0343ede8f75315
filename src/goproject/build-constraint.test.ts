import assert from "node:assert/strict";
import { test } from "node:test";
import { ConstraintSyntaxError, constraintString, constraintTags, evalConstraint, parseConstraint } from "./build-constraint.js";
import { makeBuildContext, goodOSArchFile, matchTag } from "./build-context.js";
import { shouldBuild } from "./file-constraints.js";
import { toBytes } from "../golang/utf8.js";

test("//go:build precedence, canonical form and evaluation", () => {
  const x = parseConstraint("//go:build linux && (amd64 || arm64) && !cgo");
  assert.equal(constraintString(x), "linux && (amd64 || arm64) && !cgo");
  assert.deepEqual(constraintTags(x), ["amd64", "arm64", "cgo", "linux"]);
  const has = (...tags: string[]) => (t: string) => tags.includes(t);
  assert.equal(evalConstraint(x, has("linux", "arm64")), true);
  assert.equal(evalConstraint(x, has("linux", "arm64", "cgo")), false);
  assert.equal(constraintString(parseConstraint("//go:build a || b && c")), "a || (b && c)");
  assert.equal(constraintString(parseConstraint("// +build a,!b c")), "(a && !b) || c");
});

test("syntax errors carry Go's text and byte offset", () => {
  const cases: [string, string, number][] = [
    ["//go:build linux &&", "unexpected end of expression", 8],
    ["//go:build (linux", "missing close paren", 0],
    ["//go:build !!linux", "double negation not allowed", 1],
    ["//go:build linux & amd64", "invalid syntax at &", 6],
    ["//go:build linux amd64", "unexpected token amd64", 6],
    ["//go:build é$", "invalid syntax at $", 2],
  ];
  for (const [line, msg, off] of cases) {
    assert.throws(() => parseConstraint(line), (e: unknown) => e instanceof ConstraintSyntaxError && e.message === msg && e.offset === off, line);
  }
});

test("file names and tags for a target", () => {
  const linux = makeBuildContext({ goos: "linux", goarch: "amd64", cgoEnabled: false, tags: ["pro"] });
  const android = makeBuildContext({ goos: "android", goarch: "arm64", cgoEnabled: false });
  assert.equal(goodOSArchFile(linux, "x_linux_amd64_test.go"), true);
  assert.equal(goodOSArchFile(linux, "x_windows.go"), false);
  assert.equal(goodOSArchFile(linux, "windows.go"), true);
  assert.equal(goodOSArchFile(android, "x_linux.go"), true);
  assert.equal(goodOSArchFile(android, "x_linux_amd64.go"), false);
  for (const t of ["linux", "amd64", "gc", "unix", "pro", "go1.21", "amd64.v1"]) assert.equal(matchTag(linux, t), true, t);
  for (const t of ["cgo", "windows", "go1.99", "amd64.v3", "gccgo"]) assert.equal(matchTag(linux, t), false, t);
});

test("shouldBuild: header rules, +build fallback, errors", () => {
  const linux = makeBuildContext({ goos: "linux", goarch: "amd64", cgoEnabled: true });
  const ok = (src: string) => shouldBuild(toBytes(src), (t) => matchTag(linux, t));
  assert.equal(ok("//go:build windows\n\npackage p\n").ok, false);
  assert.equal(ok("// +build windows\n\npackage p\n").ok, false);
  assert.equal(ok("//go:build linux\n// +build windows\n\npackage p\n").ok, true);
  assert.equal(ok("// doc\n//go:build windows\npackage p\n").ok, false, "a //go:build line needs no blank line after it");
  assert.equal(ok("// +build windows\npackage p\n").ok, true, "a +build line must be followed by a blank line");
  assert.equal(ok("package p\n//go:build windows\n").ok, true);
  assert.deepEqual(ok("//go:build a\n//go:build b\n\npackage p\n").kind, "multiple");
  const bad = ok("\n//go:build linux &&\n\npackage p\n");
  assert.equal(bad.kind, "parse");
  assert.equal(bad.line, 2);
  assert.equal(bad.error, "parsing //go:build line: unexpected end of expression");
});
