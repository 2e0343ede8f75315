/**
 * Go's strconv.Unquote and strconv.UnquoteChar as of Go 1.26, on byte strings
 * (utf8.ts): the three quote forms ("…" with escapes, '…' of one rune, `…`
 * raw with CRs dropped), including Go's fast path that accepts an escape-free
 * literal without decoding it and every ErrSyntax case.
 *
 * Leaves out: UnquoteChar's export, QuotedPrefix, and the error value
 * (callers get null for ErrSyntax, whose text is "invalid syntax").
 */
import { decodeRune, encodeRune, RUNE_ERROR, validRune, validUtf8 } from "./utf8.js";

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

/** strconv.Unquote on a byte string, returning a byte string; null means strconv.ErrSyntax ("invalid syntax"). */
export function goUnquoteBytes(s: string): string | null {
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
