import { test } from "node:test";
import assert from "node:assert/strict";
import { fields, fieldsBytes, goToLower, goToUpper, leadingSpaceEnd, trimLeftSpace, trimSpace, trimSpaceBytes } from "./strings.js";
import { toBytes } from "./utf8.js";

test("TrimSpace strips Go's white space: U+0085 yes, U+FEFF and U+200B no", () => {
  assert.equal(trimSpace("\u0085\u3000 a b\t\n"), "a b");
  assert.equal(trimSpace("\ufeffa\u200b"), "\ufeffa\u200b");
  assert.equal(trimLeftSpace("\u00a0 x "), "x ");
  assert.equal(leadingSpaceEnd("  \u2028x"), 3);
  assert.equal(leadingSpaceEnd(" \t"), 2);
  assert.equal(trimSpaceBytes(toBytes("\u0085 a\u00a0")), "a");
  assert.equal(trimSpaceBytes(" \xa0 "), "\xa0", "a bad byte is never space, even 0xA0");
});

test("Fields splits on unicode.IsSpace runes", () => {
  assert.deepEqual(fields("\u0085a  b\u3000c\ufeffd "), ["a", "b", "c\ufeffd"]);
  assert.deepEqual(fields(""), []);
  assert.deepEqual(fieldsBytes(toBytes(" a\u2003b\tc \u0085")), ["a", "b", "c"]);
  assert.deepEqual(fieldsBytes("x\x85y"), ["x\x85y"], "a lone 0x85 byte is invalid UTF-8, not NEL");
  assert.deepEqual(fieldsBytes("   "), []);
});

test("ToLower / ToUpper map one rune to one rune", () => {
  assert.equal(goToLower("ABC"), "abc");
  assert.equal(goToLower("\u0130X"), "ix", "Go maps U+0130 to i");
  assert.equal(goToUpper("straße"), "STRAßE", "ß has no one-rune upper case");
  assert.equal(goToUpper("ǆ"), "Ǆ");
});
