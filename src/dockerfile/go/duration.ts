/**
 * Go's time.ParseDuration (HEALTHCHECK intervals), with its error messages.
 * Returns nanoseconds as a bigint (Go's int64 Duration).
 */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ["ns", 1n],
  ["us", 1000n],
  ["\u00b5s", 1000n],
  ["\u03bcs", 1000n],
  ["ms", 1000000n],
  ["s", 1000000000n],
  ["m", 60000000000n],
  ["h", 3600000000000n],
]);

const MAX = 1n << 63n;

/** time's own quote(): non-ASCII and control bytes as \x escapes. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += "\\x" + b.toString(16).padStart(2, "0");
    } else {
      if (ch === '"' || ch === "\\") out += "\\";
      out += ch;
    }
  }
  return out + '"';
}

export class DurationError extends Error {}

function fail(msg: string, orig: string): never {
  throw new DurationError(`time: ${msg} ${timeQuote(orig)}`);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

export function parseGoDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") fail("invalid duration", orig);
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) fail("invalid duration", orig);
    let i = 0;
    let v = 0n;
    while (i < s.length && isDigit(s[i])) {
      if (v > MAX / 10n) fail("invalid duration", orig);
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX) fail("invalid duration", orig);
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== "" && s[0] === ".") {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && isDigit(s[j])) {
        if (!overflow) {
          if (f > (MAX - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > MAX) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) fail("invalid duration", orig);
    let k = 0;
    while (k < s.length && !(s[k] === "." || isDigit(s[k]))) k++;
    if (k === 0) fail("missing unit in duration", orig);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) fail(`unknown unit ${timeQuote(u)} in duration`, orig);
    if (v > MAX / unit) fail("invalid duration", orig);
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX) fail("invalid duration", orig);
    }
    d += v;
    if (d > MAX) fail("invalid duration", orig);
  }
  if (neg) return -d;
  if (d > MAX - 1n) fail("invalid duration", orig);
  return d;
}
