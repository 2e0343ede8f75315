/**
 * Go's rune classes: unicode.IsLetter, unicode.IsDigit, unicode.IsPrint (which
 * strconv.IsPrint equals at every code point; the generator checks it) and
 * unicode.IsSpace, with the tables of Go 1.26 (Unicode 15.0.0, generated into
 * unicode-tables.ts). JavaScript's `\p{…}` classes follow Node's newer Unicode
 * edition and classify runes assigned since 15.0 differently, so BuildKit's
 * lexer, strconv.Quote and x/mod's lexer are ported on these tables instead.
 *
 * Inputs are code points (numbers); anything outside 0..0x10FFFF is in no
 * class. Leaves out every other unicode predicate and the case tables.
 */
import { DIGIT, LETTER, PRINT, SPACE } from "./unicode-tables.js";

export { GO_UNICODE_VERSION } from "./unicode-tables.js";

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
const spaces = decode(SPACE);

/**
 * unicode.IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 in
 * Latin-1, the White_Space property above it. Every Go space is in the BMP, so
 * a UTF-16 code unit may be passed as is (a surrogate is never a space).
 */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return inTable(spaces, r);
}

/** unicode.IsLetter (category L). */
export function isLetter(r: number): boolean {
  return inTable(letters, r);
}

/** unicode.IsDigit (decimal digits of any script, category Nd). */
export function isDigit(r: number): boolean {
  return inTable(digits, r);
}

/** unicode.IsPrint and strconv.IsPrint: categories L, M, N, P, S and U+0020 (not U+00A0). */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  return inTable(printable, r);
}
