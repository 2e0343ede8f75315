/**
 * Go's `strconv.Quote` (what `fmt`'s `%q` prints for a string), used to
 * reproduce BuildKit's `failed to process %q` error text byte for byte.
 * Input is a JavaScript string read as code points; a lone surrogate is
 * quoted as the U+FFFD that encoding it to UTF-8 would produce.
 * Leaves out: `QuoteToASCII`, `QuoteToGraphic` and backquoted forms.
 */
import { isPrint } from "./rune-classes.js";

const HEX = "0123456789abcdef";

function hex(r: number, digits: number): string {
  let s = "";
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) s += HEX[(r >>> shift) & 0xf];
  return s;
}

function quoteRune(r: number): string {
  if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
  if (r === 0x22) return '\\"';
  if (r === 0x5c) return "\\\\";
  if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x0c: return "\\f";
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x0b: return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + hex(r, 2);
  if (r < 0x10000) return "\\u" + hex(r, 4);
  return "\\U" + hex(r, 8);
}

/** `strconv.Quote(s)`: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch.codePointAt(0) as number);
  return out + '"';
}
