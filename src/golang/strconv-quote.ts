/**
 * Go's strconv.Quote and strconv.QuoteRune as of Go 1.26 (also what fmt's %q
 * prints), so the messages of BuildKit and x/mod that quote user text come out
 * byte for byte the same. A rune is printed as itself when strconv.IsPrint
 * holds under Go's Unicode 15.0.0 tables (unicode.ts), not JavaScript's.
 *
 * `goQuote` takes text, read as code points; a lone surrogate is the U+FFFD its
 * UTF-8 encoding would be. `goQuoteBytes` / `goQuoteRuneBytes` work on byte
 * strings (utf8.ts) and write each invalid UTF-8 byte as `\xNN`, as Go does.
 *
 * Leaves out: QuoteToASCII, QuoteToGraphic and the backquoted forms.
 */
import { isPrint } from "./unicode.js";
import { decodeRune, encodeRune, RUNE_ERROR, validRune } from "./utf8.js";

const LOWER_HEX = "0123456789abcdef";

/** appendEscapedRune: the escape Go writes for r inside `quote` quotes, or undefined when r stands as itself. */
function runeEscape(r: number, quote: number): string | undefined {
  if (r === quote || r === 0x5c) return "\\" + String.fromCharCode(r);
  if (isPrint(r)) return undefined;
  switch (r) {
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x0c: return "\\f";
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x0b: return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + LOWER_HEX[r >> 4] + LOWER_HEX[r & 0xf];
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return "\\u" + r.toString(16).padStart(4, "0");
  return "\\U" + r.toString(16).padStart(8, "0");
}

/** strconv.Quote(s) for text: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let r = ch.codePointAt(0) as number;
    if (r >= 0xd800 && r <= 0xdfff) r = RUNE_ERROR;
    out += runeEscape(r, 0x22) ?? String.fromCodePoint(r);
  }
  return out + '"';
}

/** strconv.Quote(b) for a byte string, returning a byte string. */
export function goQuoteBytes(b: string): string {
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (n === 1 && r === RUNE_ERROR) {
      const c = b.charCodeAt(i);
      out += "\\x" + LOWER_HEX[c >> 4] + LOWER_HEX[c & 0xf];
    } else {
      out += runeEscape(r, 0x22) ?? encodeRune(r);
    }
    i += n;
  }
  return out + '"';
}

/** strconv.QuoteRune(r) (also fmt's %q for a rune), as a byte string. */
export function goQuoteRuneBytes(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + (runeEscape(r, 0x27) ?? encodeRune(r)) + "'";
}
