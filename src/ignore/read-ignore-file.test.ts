import assert from "node:assert/strict";
import { test } from "node:test";
import { LocatedError } from "../diagnostic/located-error.js";
import { parseIgnoreFile } from "./read-ignore-file.js";

test("patterns keep their line, source text and range", () => {
  const pats = parseIgnoreFile("# deps\n\n  /vendor/  \n!vendor/modules.txt\r\n*.sum\n", ".dockerignore");
  assert.deepEqual(
    pats.map((p) => [p.pattern, p.line, p.source, p.range.start.column, p.range.end.column]),
    [
      ["vendor", 3, "  /vendor/  ", 3, 11],
      ["!vendor/modules.txt", 4, "!vendor/modules.txt", 1, 20],
      ["*.sum", 5, "*.sum", 1, 6],
    ],
  );
  assert.ok(pats.every((p) => p.file === ".dockerignore"));
});

test("only a # in the first column starts a comment", () => {
  assert.deepEqual(parseIgnoreFile("#a\n #b\n\t#c").map((p) => p.pattern), ["#b", "#c"]);
});

test("exceptions are trimmed and cleaned after the !; a lone ! stays for New to reject", () => {
  assert.deepEqual(parseIgnoreFile("!  /a/../b/\n! \n!/").map((p) => p.pattern), ["!b", "!", "!/"]);
});

test("a BOM is dropped from the first line only; Go's white space is trimmed, not U+FEFF", () => {
  assert.deepEqual(parseIgnoreFile("\uFEFF#c\n\uFEFFa\n\u0085b\u00a0").map((p) => p.pattern), ["\uFEFFa", "b"]);
});

test("a line of 64 KiB is an error on that line, one byte less is fine", () => {
  assert.equal(parseIgnoreFile("x\n" + "é".repeat(32_767) + "a").length, 2);
  assert.throws(
    () => parseIgnoreFile("x\n" + "é".repeat(32_768), "f"),
    (e: unknown) => e instanceof LocatedError && e.file === "f" && e.range?.start.line === 2 && /token too long/.test(e.message),
  );
});
