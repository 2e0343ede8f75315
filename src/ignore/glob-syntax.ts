/**
 * The syntax check patternmatcher.New runs on every pattern: it calls Go's
 * filepath.Match(pattern, ".") and rejects the pattern when that returns
 * ErrBadPattern. This is a port of filepath.Match (Linux: `\` escapes), so
 * it reproduces Match's quirk that only the chunks it reaches are checked:
 * "a*[" passes (the first chunk "a" already fails against ".") while "[" and
 * "*[" do not. Patterns that pass here can still fail later, when their
 * regexp is compiled (see pattern.ts).
 */

class BadPattern extends Error {}

/** Code point at i and its UTF-16 length (lone surrogates count as one unit). */
function runeAt(s: string, i: number): { readonly r: number; readonly n: number } {
  const r = s.codePointAt(i) as number;
  return { r, n: r > 0xffff ? 2 : 1 };
}

/** scanChunk over pattern[from..]: stars skipped, then the chunk up to the next unbracketed star. */
function scanChunk(p: string, from: number): { star: boolean; start: number; end: number } {
  let i = from;
  let star = false;
  while (i < p.length && p[i] === "*") {
    i++;
    star = true;
  }
  const start = i;
  let inrange = false;
  for (; i < p.length; i++) {
    switch (p[i]) {
      case "\\":
        if (i + 1 < p.length) i++;
        break;
      case "[":
        inrange = true;
        break;
      case "]":
        inrange = false;
        break;
      case "*":
        if (!inrange) return { star, start, end: i };
    }
  }
  return { star, start, end: p.length };
}

/** getEsc at p[i] (chunk ends at end): the character and the index after it; throws BadPattern. */
function getEsc(p: string, i: number, end: number): { r: number; next: number } {
  if (i >= end || p[i] === "-" || p[i] === "]") throw new BadPattern();
  if (p[i] === "\\") {
    i++;
    if (i >= end) throw new BadPattern();
  }
  const { r, n } = runeAt(p, i);
  const next = i + n;
  if (next >= end) throw new BadPattern();
  return { r, next };
}

/** matchChunk: does p[start..end] match s from si? The index after the match in s, or -1. */
function matchChunk(p: string, start: number, end: number, s: string, si: number): number {
  let failed = false;
  let i = start;
  while (i < end) {
    failed = failed || si >= s.length;
    switch (p[i]) {
      case "[": {
        let r = -1;
        if (!failed) {
          const d = runeAt(s, si);
          r = d.r;
          si += d.n;
        }
        i++;
        let negated = false;
        if (i < end && p[i] === "^") {
          negated = true;
          i++;
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (i < end && p[i] === "]" && nrange > 0) {
            i++;
            break;
          }
          const lo = getEsc(p, i, end);
          i = lo.next;
          let hi = lo.r;
          if (p[i] === "-") {
            const h = getEsc(p, i + 1, end);
            i = h.next;
            hi = h.r;
          }
          match = match || (lo.r <= r && r <= hi);
          nrange++;
        }
        failed = failed || match === negated;
        break;
      }
      case "?":
        if (!failed) {
          failed = s[si] === "/";
          si += runeAt(s, si).n;
        }
        i++;
        break;
      default:
        if (p[i] === "\\") {
          // The escaped character is a literal.
          i++;
          if (i >= end) throw new BadPattern();
        }
        if (!failed) {
          failed = p[i] !== s[si];
          si++;
        }
        i++;
    }
  }
  return failed ? -1 : si;
}

/** filepath.Match on Linux; throws BadPattern for ErrBadPattern. */
function globMatch(pattern: string, name: string): boolean {
  let pi = 0;
  let ni = 0;
  outer: while (pi < pattern.length) {
    const c = scanChunk(pattern, pi);
    pi = c.end;
    const last = pi >= pattern.length;
    if (c.star && c.start === c.end) return !name.slice(ni).includes("/");
    const t = matchChunk(pattern, c.start, c.end, name, ni);
    if (t >= 0 && (t === name.length || !last)) {
      ni = t;
      continue;
    }
    if (c.star) {
      for (let i = ni; i < name.length && name[i] !== "/"; i++) {
        const t2 = matchChunk(pattern, c.start, c.end, name, i + 1);
        if (t2 >= 0) {
          if (last && t2 < name.length) continue;
          ni = t2;
          continue outer;
        }
      }
    }
    return false;
  }
  return ni === name.length;
}

/** Whether filepath.Match(pattern, ".") reports ErrBadPattern. */
export function isBadGlob(pattern: string): boolean {
  try {
    globMatch(pattern, ".");
    return false;
  } catch (e) {
    if (e instanceof BadPattern) return true;
    throw e;
  }
}
