import { test } from "node:test";
import assert from "node:assert/strict";
import { isDigit, isLetter, isPrint, isSpace } from "./rune-classes.js";

const cp = (s: string): number => s.codePointAt(0) as number;

test("letters and digits follow Go's Unicode 15 tables", () => {
  for (const s of ["a", "Z", "é", "ª", "한", "日", "𝒜"]) assert.ok(isLetter(cp(s)), s);
  for (const s of ["_", "1", "$", "\u0301", "👽"]) assert.ok(!isLetter(cp(s)), s);
  assert.ok(!isLetter(0x10d4a), "Garay (Unicode 16) is not a letter for Go 1.26");
  for (const s of ["0", "9", "١", "०"]) assert.ok(isDigit(cp(s)), s);
  assert.ok(!isDigit(cp("²")) && !isDigit(cp("a")) && !isDigit(0x10d40));
});

test("isSpace is Go's unicode.IsSpace", () => {
  for (const r of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x202f, 0x3000]) {
    assert.ok(isSpace(r), r.toString(16));
  }
  for (const r of [0x200b, 0xfeff, 0x180e, 0x41]) assert.ok(!isSpace(r), r.toString(16));
});

test("isPrint is strconv.IsPrint", () => {
  assert.ok(isPrint(0x20) && isPrint(cp("é")) && isPrint(0x301) && isPrint(cp("👽")));
  assert.ok(!isPrint(0xa0) && !isPrint(0x7f) && !isPrint(0x200b) && !isPrint(0));
});
