/**
 * Go's Unicode helpers as BuildKit's parser uses them: unicode.IsSpace,
 * strings.TrimSpace / TrimLeftFunc(IsSpace), strings.ToLower / ToUpper with
 * Go's per-rune simple case mapping (JavaScript's full mapping differs for a
 * few letters such as U+0130 and the final sigma).
 *
 * Leaves out: invalid UTF-8 (inputs are JavaScript strings; an invalid byte has
 * already become U+FFFD on the way in).
 */

/** unicode.IsSpace for one UTF-16 code unit (every Go space is in the BMP). */
export function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Index of the first character that is not a Go space. */
export function leadingSpaceEnd(s: string): number {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
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
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** strings.ToLower: simple (one rune to one rune) mapping. */
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

/** strings.ToUpper: simple (one rune to one rune) mapping. */
export function goToUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  let out = "";
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}

/** strings.EqualFold(s, "as"): Go folds U+017F (long s) to "s". */
export function equalFoldAs(s: string): boolean {
  if (s.length !== 2) return false;
  const a = s[0];
  const b = s[1];
  return (a === "a" || a === "A") && (b === "s" || b === "S" || b === "\u017f");
}

/** UTF-8 encoding length of a string, in bytes. */
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

/** The UTF-8 bytes of one code point. */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as Go sees its UTF-8 encoding: lone surrogates become U+FFFD. */
export function wellFormed(s: string): string {
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
}
