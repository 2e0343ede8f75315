import { test } from "node:test";
import assert from "node:assert/strict";
import { GO_UNICODE_VERSION, isDigit, isLetter, isPrint, isSpace } from "./unicode.js";

const cp = (s: string): number => s.codePointAt(0) as number;

test("the tables are Go 1.26's Unicode 15.0.0", () => {
  assert.equal(GO_UNICODE_VERSION, "15.0.0");
});

test("letters and digits follow Go's Unicode 15 tables", () => {
  for (const s of ["a", "Z", "é", "ª", "한", "日", "𝒜"]) assert.ok(isLetter(cp(s)), s);
  for (const s of ["_", "1", "$", "\u0301", "👽"]) assert.ok(!isLetter(cp(s)), s);
  assert.ok(!isLetter(0x10d4a), "Garay (Unicode 16) is not a letter for Go 1.26");
  for (const s of ["0", "9", "١", "०"]) assert.ok(isDigit(cp(s)), s);
  assert.ok(!isDigit(cp("²")) && !isDigit(cp("a")) && !isDigit(0x10d40));
});

test("isSpace is Go's unicode.IsSpace: exactly these 25 code points", () => {
  const spaces: number[] = [];
  for (let r = 0; r <= 0x10ffff; r++) if (isSpace(r)) spaces.push(r);
  const want = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680];
  for (let r = 0x2000; r <= 0x200a; r++) want.push(r);
  want.push(0x2028, 0x2029, 0x202f, 0x205f, 0x3000);
  assert.deepEqual(spaces, want);
  for (const r of [0x200b, 0xfeff, 0x180e, 0x41, -1, 0x110000]) assert.ok(!isSpace(r), r.toString(16));
});

test("isPrint is unicode.IsPrint / strconv.IsPrint", () => {
  assert.ok(isPrint(0x20) && isPrint(cp("é")) && isPrint(0x301) && isPrint(cp("👽")));
  assert.ok(!isPrint(0xa0) && !isPrint(0x7f) && !isPrint(0x200b) && !isPrint(0) && !isPrint(0xad));
  assert.ok(!isPrint(0xd800) && !isPrint(0x10d4a), "surrogates and runes assigned after Unicode 15.0 are not printable");
  for (let r = 0; r < 0x100; r++) {
    const latin1 = (r >= 0x20 && r <= 0x7e) || (r >= 0xa1 && r !== 0xad);
    assert.equal(isPrint(r), latin1, r.toString(16));
  }
});
