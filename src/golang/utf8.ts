/**
 * Go's unicode/utf8 (DecodeRuneInString, ValidString, ValidRune, AppendRune,
 * RuneError) as of Go 1.26, and the two ways goship holds Go strings:
 *
 * - text: an ordinary JavaScript string. Go would see its UTF-8 encoding, in
 *   which a lone surrogate is U+FFFD (`wellFormed`, `utf8Length`).
 * - byte string: one char per UTF-8 byte (code units 0-255), so that every
 *   length, index and rune decode matches Go's byte-oriented code exactly,
 *   including invalid UTF-8 such as a "\xff" escape makes. `toBytes` and
 *   `fromBytes` convert; the functions named `…Bytes` elsewhere in src/golang
 *   take and return byte strings.
 *
 * Leaves out: the rest of unicode/utf8 (FullRune, DecodeLastRune, …).
 */

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

/** utf8.ValidString, for a byte string. */
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

/** utf8.AppendRune, as a byte string (an invalid rune becomes U+FFFD). */
export function encodeRune(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
}

/** The UTF-8 bytes of one code point, as numbers (no validity check). */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** Go's len() of the text's UTF-8 encoding, in bytes (a lone surrogate counts as U+FFFD's 3). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as Go sees its UTF-8 encoding: lone surrogates become U+FFFD. */
export function wellFormed(s: string): string {
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
}
