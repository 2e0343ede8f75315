/**
 * Go strings inside JavaScript: the go.mod readers work on "byte strings"
 * (one char per UTF-8 byte, code units 0-255) so that every length, index
 * and rune decode matches Go's byte-oriented code exactly, including strings
 * that escapes like "\xff" make invalid UTF-8.
 *
 * Mirrors unicode/utf8 (DecodeRuneInString, ValidString, AppendRune),
 * strconv (Quote, QuoteRune, Unquote, UnquoteChar) and strings.Fields /
 * strings.TrimSpace. Leaves out everything the readers do not call.
 */
import { isGoPrint, isGoSpace } from "./go-unicode.js";

/** The U+FFFD a bad UTF-8 byte decodes to, as Go's utf8.RuneError. */
export const RUNE_ERROR = 0xfffd;

/** UTF-8 bytes of a JavaScript string, as a byte string (lone surrogates become U+FFFD). */
export function toBytes(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

/** A byte string read back as text; each invalid byte becomes U+FFFD, as Go's encoders do. */
export function fromBytes(b: string): string {
  if (isAscii(b)) return b;
  let out = "";
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}

function isAscii(b: string): boolean {
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** utf8.DecodeRuneInString at byte offset `i`: [rune, size]; [RUNE_ERROR, 1] for a bad byte, [RUNE_ERROR, 0] at the end. */
export function decodeRune(b: string, i: number): [number, number] {
  if (i >= b.length) return [RUNE_ERROR, 0];
  const c0 = b.charCodeAt(i);
  if (c0 < 0x80) return [c0, 1];
  const rest = b.length - i;
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    const c = b.charCodeAt(i + k);
    return c >= lo && c <= hi ? c : -1;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    if (rest < 2) return [RUNE_ERROR, 1];
    const c1 = cont(1);
    if (c1 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x1f) << 6) | (c1 & 0x3f), 2];
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    if (rest < 3) return [RUNE_ERROR, 1];
    const c1 = c0 === 0xe0 ? cont(1, 0xa0) : c0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    if (c1 < 0) return [RUNE_ERROR, 1];
    const c2 = cont(2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f), 3];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    if (rest < 4) return [RUNE_ERROR, 1];
    const c1 = c0 === 0xf0 ? cont(1, 0x90) : c0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    if (c1 < 0) return [RUNE_ERROR, 1];
    const c2 = cont(2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    const c3 = cont(3);
    if (c3 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f), 4];
  }
  return [RUNE_ERROR, 1];
}

/** utf8.ValidString. */
export function validUtf8(b: string): boolean {
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (r === RUNE_ERROR && n === 1) return false;
    i += n;
  }
  return true;
}

/** utf8.ValidRune. */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);
}

/** utf8.AppendRune, for a byte string. */
export function encodeRune(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
}

/** utf8.RuneCountInString. */
export function runeCount(b: string, from = 0, to = b.length): number {
  let n = 0;
  for (let i = from; i < to; n++) i += decodeRune(b, i)[1] || 1;
  return n;
}

/** Number of UTF-16 code units the bytes b[from:to] decode to (for LocatedError columns). */
export function utf16Length(b: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; ) {
    const [r, size] = decodeRune(b, i);
    n += r >= 0x10000 ? 2 : 1;
    i += size || 1;
  }
  return n;
}

/** strings.Fields: runs of non-space runes, splitting on unicode.IsSpace. */
export function fields(b: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    const space = r < 0x80 ? r === 0x20 || (r >= 0x09 && r <= 0x0d) : !(r === RUNE_ERROR && n === 1) && isGoSpace(r);
    if (space) {
      if (start >= 0) out.push(b.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
    i += n;
  }
  if (start >= 0) out.push(b.slice(start));
  return out;
}

/** strings.TrimSpace (unicode.IsSpace on both ends; a bad byte is never space). */
export function trimSpace(b: string): string {
  let start = -1;
  let end = 0;
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (!isGoSpace(r) || (r === RUNE_ERROR && n === 1)) {
      if (start < 0) start = i;
      end = i + n;
    }
    i += n;
  }
  return start < 0 ? "" : b.slice(start, end);
}

const lowerhex = "0123456789abcdef";

function appendEscapedRune(r: number, quote: number): string {
  if (r === quote || r === 0x5c) return "\\" + String.fromCharCode(r);
  if (isGoPrint(r)) return encodeRune(r);
  switch (r) {
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x0c: return "\\f";
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x0b: return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + lowerhex[r >> 4] + lowerhex[r & 0xf];
  if (!validRune(r)) r = 0xfffd;
  if (r < 0x10000) return "\\u" + r.toString(16).padStart(4, "0");
  return "\\U" + r.toString(16).padStart(8, "0");
}

/** strconv.Quote (also what fmt's %q prints for a string). */
export function goQuote(b: string): string {
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (n === 1 && r === RUNE_ERROR) {
      const c = b.charCodeAt(i);
      out += "\\x" + lowerhex[c >> 4] + lowerhex[c & 0xf];
    } else {
      out += appendEscapedRune(r, 0x22);
    }
    i += n;
  }
  return out + '"';
}

/** strconv.QuoteRune (also what fmt's %q and %#q print for a rune). */
export function goQuoteRune(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + appendEscapedRune(r, 0x27) + "'";
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** strconv.UnquoteChar: [value, multibyte, tail] or null for ErrSyntax. */
function unquoteChar(s: string, quote: number): [number, boolean, string] | null {
  if (s.length === 0) return null;
  const c0 = s.charCodeAt(0);
  if (c0 === quote && (quote === 0x27 || quote === 0x22)) return null;
  if (c0 >= 0x80) {
    const [r, n] = decodeRune(s, 0);
    return [r, true, s.slice(n)];
  }
  if (c0 !== 0x5c) return [c0, false, s.slice(1)];
  if (s.length <= 1) return null;
  const c = s.charCodeAt(1);
  s = s.slice(2);
  let value: number;
  let multibyte = false;
  switch (c) {
    case 0x61: value = 0x07; break; // a
    case 0x62: value = 0x08; break; // b
    case 0x66: value = 0x0c; break; // f
    case 0x6e: value = 0x0a; break; // n
    case 0x72: value = 0x0d; break; // r
    case 0x74: value = 0x09; break; // t
    case 0x76: value = 0x0b; break; // v
    case 0x78: case 0x75: case 0x55: { // x u U
      const n = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
      if (s.length < n) return null;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(s.charCodeAt(j));
        if (x < 0) return null;
        v = v * 16 + x;
      }
      s = s.slice(n);
      if (c === 0x78) {
        value = v;
        break;
      }
      if (!validRune(v)) return null;
      value = v;
      multibyte = true;
      break;
    }
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
      let v = c - 0x30;
      if (s.length < 2) return null;
      for (let j = 0; j < 2; j++) {
        const x = s.charCodeAt(j) - 0x30;
        if (x < 0 || x > 7) return null;
        v = (v << 3) | x;
      }
      s = s.slice(2);
      if (v > 255) return null;
      value = v;
      break;
    }
    case 0x5c: value = 0x5c; break;
    case 0x27: case 0x22:
      if (c !== quote) return null;
      value = c;
      break;
    default:
      return null;
  }
  return [value, multibyte, s];
}

/** strconv.Unquote for the forms go.mod tokens take; null means strconv.ErrSyntax ("invalid syntax"). */
export function goUnquote(s: string): string | null {
  if (s.length < 2) return null;
  const quote = s.charCodeAt(0);
  let end = s.indexOf(s[0] as string, 1);
  if (end < 0) return null;
  end += 1;
  if (quote === 0x60) {
    if (end !== s.length) return null;
    return s.slice(1, end - 1).replace(/\r/g, "");
  }
  if (quote !== 0x22 && quote !== 0x27) return null;
  const head = s.slice(0, end);
  if (!head.includes("\\") && !head.includes("\n")) {
    let valid: boolean;
    if (quote === 0x22) {
      valid = validUtf8(s.slice(1, end - 1));
    } else {
      const [r, n] = decodeRune(s.slice(1, end - 1), 0);
      valid = 1 + n + 1 === end && !(r === RUNE_ERROR && n === 1);
    }
    if (valid) return end === s.length ? s.slice(1, end - 1) : null;
  }
  let rest = s.slice(1);
  let buf = "";
  while (rest.length > 0 && rest.charCodeAt(0) !== quote) {
    const ch = unquoteChar(rest, quote);
    if (rest.charCodeAt(0) === 0x0a || ch === null) return null;
    const [r, multibyte, tail] = ch;
    rest = tail;
    buf += r < 0x80 || !multibyte ? String.fromCharCode(r) : encodeRune(r);
    if (quote === 0x27) break;
  }
  if (!(rest.length > 0 && rest.charCodeAt(0) === quote)) return null;
  rest = rest.slice(1);
  return rest.length > 0 ? null : buf;
}
