/**
 * Shannon entropy of a string in bits per character, and the thresholds the
 * detectors use (docs/secrets.md explains them). A string of n characters
 * scores at most log2(n) bits/char, so the threshold grows with the length:
 * random base62 of 18 characters scores about 3.9 (of 4.17 possible), of 40
 * about 4.9; English words, identifiers and placeholders score 2.0–3.3 and
 * lack digits or mixed case. Hex-only values (which top out at 4.0) have
 * their own rule.
 */

export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower case, upper case, digits and other characters the value uses. */
export function charClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0) + (/[^A-Za-z0-9]/.test(s) ? 1 : 0);
}

export const ENTROPY_SHORT = 3.0;
export const ENTROPY_HEX = 3.0;
/** Fraction of the most a string of its length can score (log2 of its length, at most 6 bits). */
export const ENTROPY_RATIO = 0.8;

/** The entropy a value of this length needs to count as generated. */
export function entropyThreshold(length: number): number {
  return Math.max(ENTROPY_SHORT, ENTROPY_RATIO * Math.log2(Math.min(length, 64)));
}

/**
 * True when a value looks randomly generated rather than written by a person:
 * hex of 16+ characters with >= 3.0 bits/char and both digits and letters;
 * otherwise 8+ characters scoring at least entropyThreshold(length) (0.8 of
 * the most its length allows, never under 3.0: 3.3 at 18 characters, 4.3 at
 * 40, 4.8 from 64), with digits or mixed case (words and kebab-case names
 * have neither), and three character classes under 12 characters.
 */
export function isHighEntropy(v: string): boolean {
  if (/^[0-9a-f]+$/i.test(v)) return v.length >= 16 && shannonEntropy(v) >= ENTROPY_HEX && /[0-9]/.test(v) && /[a-f]/i.test(v);
  if (v.length < 8) return false;
  if (!/[0-9]/.test(v) && !(/[a-z]/.test(v) && /[A-Z]/.test(v))) return false;
  if (v.length < 12 && charClasses(v) < 3) return false;
  return shannonEntropy(v) >= entropyThreshold(v.length);
}
