import assert from "node:assert/strict";
import { test } from "node:test";
import { toBytes } from "../golang/utf8.js";
import { readGoSource } from "./go-source.js";

const read = (src: string) => readGoSource(toBytes(src));

test("package clause and every import form, with positions", () => {
  const info = read('// doc\npackage main // x\n\nimport "fmt"\nimport (\n\tf "flag"\n\t. "math"\n\t_ "embed"; "os"\n\t`net/http`\n)\n\nfunc main() {}\n');
  assert.equal(info.packageName, "main");
  assert.equal(info.parseError, "");
  assert.deepEqual(info.imports.map((i) => [i.path, i.line, i.column]), [
    ["fmt", 4, 8], ["flag", 6, 4], ["math", 7, 4], ["embed", 8, 4], ["os", 8, 13], ["net/http", 9, 2],
  ]);
});

test("go:embed: only with the embed import, only in comments, bare/quoted/raw patterns, bad lines skipped", () => {
  const src = [
    "package p",
    'import "embed"',
    "//go:embed a.txt  b/*.json",
    'var s = "//go:embed not-me"',
    '//go:embed "with space.txt" `raw.txt`',
    "/*",
    "//go:embed in-block",
    "*/",
    '//go:embed "bad"x',
    "//go:embedx nope",
    "\t//go:embed   all:static\t",
    "var f embed.FS",
  ].join("\n");
  assert.deepEqual(read(src).embeds.map((e) => [e.pattern, e.line, e.column]), [
    ["a.txt", 3, 12], ["b/*.json", 3, 19], ["with space.txt", 5, 12], ["raw.txt", 5, 29], ["all:static", 11, 15],
  ]);
  assert.deepEqual(read("package p\n//go:embed a.txt\nvar s string\n").embeds, []);
});

test("package-level string variables settable with -X", () => {
  const src = [
    "package main",
    "var version = \"dev\"",
    "var Version string",
    "var (",
    "\tcommit string // set by CI",
    "\tdate, by = \"d\", `b`",
    "\tn = 3",
    "\tt string = \"typed\"",
    "\tm = map[string]string{\"a\": \"b\"}",
    "\tx, y = \"1\"+\"2\", \"y\"",
    ")",
    "const c = \"const\"",
    "func main() { var local = \"no\"; _ = local }",
    "var after = func() string { var inner = \"no\"; return inner }()",
  ].join("\n");
  assert.deepEqual(read(src).stringVars.map((v) => [v.name, v.value, v.line]), [
    ["version", "dev", 2], ["Version", null, 3], ["commit", null, 5], ["date", "d", 6], ["by", "b", 6], ["t", "typed", 8], ["y", "y", 10],
  ]);
});

test("header problems: missing package clause, invalid import path", () => {
  assert.match(read("func main() {}\n").parseError, /expected 'package'/);
  const bad = read('package p\nimport "a b"\n');
  assert.match(bad.parseError, /^2:8: invalid import path: a b/);
  assert.deepEqual(bad.imports, []);
  assert.equal(read("\ufeffpackage bom\n").packageName, "bom");
});
