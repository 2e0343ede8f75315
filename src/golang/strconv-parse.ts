/**
 * Go's strconv parsers as of Go 1.26, the cases BuildKit applies to Dockerfile
 * values: ParseBool, ParseUint (base 8 and 10, 32 bits), ParseInt (base 10,
 * 32 bits) with its error message, and the acceptance test of ParseFloat (for
 * tmpfs sizes).
 *
 * Leaves out: other bases and bit sizes, ParseFloat's exact value for hex
 * floats (only its sign is used), ParseComplex.
 */
import { goQuote } from "./strconv-quote.js";

const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** strconv.ParseBool; undefined when Go returns an error. */
export function goParseBool(s: string): boolean | undefined {
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** strconv.ParseUint(s, base, 32) for base 8 or 10; undefined on error. */
export function goParseUint32(s: string, base: 8 | 10): number | undefined {
  if (s === "") return undefined;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d >= base) return undefined;
    v = v * base + d;
    if (v > 0xffffffff) return undefined;
  }
  return v;
}

/** strconv.ParseInt(s, 10, 32), throwing Go's error text. */
export function goParseInt32(s: string): number {
  const fail = (why: string): never => {
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  };
  if (s === "") fail("invalid syntax");
  let i = 0;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    i = 1;
  }
  if (i === s.length) fail("invalid syntax");
  let v = 0;
  let range = false;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) fail("invalid syntax");
    if (!range) {
      v = v * 10 + d;
      if (v > 2 ** 31) range = true;
    }
  }
  if (range || (!neg && v > 2 ** 31 - 1)) fail("value out of range");
  return neg ? -v : v;
}

const DEC_FLOAT = /^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.?(?:[0-9](?:_?[0-9])*)?)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^[+-]?0[xX](?:_?[0-9a-fA-F])*\.?(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?[pP][+-]?[0-9]+$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** strconv.ParseFloat(s, 64); undefined on error. Underscores are only valid after a base prefix. */
export function goParseFloat(s: string): number | undefined {
  if (SPECIAL.test(s)) {
    const l = s.toLowerCase();
    if (l.includes("nan")) return s[0] === "+" || s[0] === "-" ? undefined : NaN;
    return l.startsWith("-") ? -Infinity : Infinity;
  }
  if (HEX_FLOAT.test(s)) {
    if (!/[0-9a-fA-F]/.test(s.replace(/^[+-]?0[xX]/, "").split(/[pP]/)[0] ?? "")) return undefined;
    return 0; // the value only matters for its sign, which is checked separately
  }
  if (s.includes("_")) return undefined;
  if (!DEC_FLOAT.test(s) || !/[0-9]/.test(s.split(/[eE]/)[0] ?? "")) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined;
  return v;
}
