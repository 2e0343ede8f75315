/**
 * Rune classification as Go's `unicode.IsSpace`, `unicode.IsLetter`,
 * `unicode.IsDigit` and `strconv.IsPrint` answer it for the Go toolchain that
 * builds BuildKit (tables in unicode-tables.ts, Unicode 15.0.0). JavaScript's
 * `\p{…}` classes follow Node's newer Unicode edition and would classify runes
 * added since differently, so the tables are used instead.
 * Leaves out: every other unicode predicate.
 */
import { DIGIT, LETTER, PRINT } from "./unicode-tables.js";

/** A sorted list of inclusive ranges, flattened: [lo0, hi0, lo1, hi1, ...]. */
type RangeTable = Uint32Array;

function decode(deltas: string): RangeTable {
  const nums = deltas.split(",").map(Number);
  const out = new Uint32Array(nums.length);
  let end = 0;
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const lo = end + (nums[i] as number);
    const hi = lo + (nums[i + 1] as number) - 1;
    out[i] = lo;
    out[i + 1] = hi;
    end = hi + 1;
  }
  return out;
}

function inTable(table: RangeTable, r: number): boolean {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (r < (table[2 * mid] as number)) hi = mid - 1;
    else if (r > (table[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

const letters = decode(LETTER);
const digits = decode(DIGIT);
const printable = decode(PRINT);

/** Go `unicode.IsSpace`: Latin-1 spaces plus the White_Space property (stable since Unicode 6.3). */
export function isSpace(r: number): boolean {
  switch (r) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0x85: case 0xa0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200a;
  }
}

/** Go `unicode.IsLetter`. */
export function isLetter(r: number): boolean {
  return inTable(letters, r);
}

/** Go `unicode.IsDigit` (decimal digits of any script). */
export function isDigit(r: number): boolean {
  return inTable(digits, r);
}

/** Go `strconv.IsPrint`. */
export function isPrint(r: number): boolean {
  return inTable(printable, r);
}
