/**
 * Go's strings package as of Go 1.26, the functions goship's ports call:
 * TrimSpace, TrimLeftFunc(s, unicode.IsSpace), Fields, and ToLower / ToUpper.
 * White space is unicode.IsSpace (unicode.ts), which differs from
 * String.prototype.trim: Go strips U+0085 and keeps U+FEFF.
 *
 * Two representations (see utf8.ts): text (JavaScript strings; every Go space
 * is in the BMP, so UTF-16 units are tested one by one) and byte strings
 * (`…Bytes`: decoded as Go decodes UTF-8; an invalid byte is never space).
 *
 * Leaves out: invalid UTF-8 in text (it has already become U+FFFD on the way
 * in), Go's case tables (ToLower / ToUpper use JavaScript's simple one-rune
 * mappings, which follow Node's Unicode edition), and everything else.
 */
import { isSpace } from "./unicode.js";
import { decodeRune, RUNE_ERROR } from "./utf8.js";

/** Index of the first UTF-16 unit of `s` that is not a Go space. */
export function leadingSpaceEnd(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** strings.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftSpace(s: string): string {
  const i = leadingSpaceEnd(s);
  return i === 0 ? s : s.slice(i);
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** strings.Fields: the runs of text between Go white space, empty ones dropped. */
export function fields(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * strings.ToLower: a one-rune-to-one-rune mapping (JavaScript's full mapping
 * differs for a few letters such as U+0130, which Go maps to "i").
 */
export function goToLower(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  let out = "";
  for (const ch of s) {
    if (ch === "\u0130") {
      out += "i";
      continue;
    }
    const l = ch.toLowerCase();
    out += l.length === ch.length && [...l].length === 1 ? l : ch;
  }
  return out;
}

/** strings.ToUpper: a one-rune-to-one-rune mapping (runes JavaScript maps to several are kept). */
export function goToUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  let out = "";
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}

/** strings.Fields on a byte string: runs of non-space runes, splitting on unicode.IsSpace. */
export function fieldsBytes(b: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    const space = r < 0x80 ? r === 0x20 || (r >= 0x09 && r <= 0x0d) : !(r === RUNE_ERROR && n === 1) && isSpace(r);
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

/** strings.TrimSpace on a byte string (unicode.IsSpace on both ends; a bad byte is never space). */
export function trimSpaceBytes(b: string): string {
  let start = -1;
  let end = 0;
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (!isSpace(r) || (r === RUNE_ERROR && n === 1)) {
      if (start < 0) start = i;
      end = i + n;
    }
    i += n;
  }
  return start < 0 ? "" : b.slice(start, end);
}
