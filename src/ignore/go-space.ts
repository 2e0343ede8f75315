/**
 * Go's strings.TrimSpace: strips leading and trailing Unicode White_Space as
 * unicode.IsSpace defines it. Differs from String.prototype.trim, which also
 * strips U+FEFF and does not strip U+0085.
 */

/** unicode.IsSpace. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** strings.TrimSpace; also returns where the kept text starts (UTF-16 index). */
export function trimGoSpace(s: string): { readonly text: string; readonly start: number } {
  let start = 0;
  let end = s.length;
  // All Go spaces are in the BMP, so UTF-16 units can be tested one by one.
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return { text: s.slice(start, end), start };
}
