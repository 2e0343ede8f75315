/**
 * BuildKit's util/suggest: appends "(did you mean X?)" to an error when an
 * option lies within Levenshtein distance 2 (over runes) of the given value.
 *
 * BuildKit walks its options in Go map order, so between options at the same
 * distance its choice varies from run to run; here the first option in the
 * order given wins. `closestOptions` lists every option at the best distance.
 */
import { goToLower, goToUpper } from "../../golang/strings.js";

export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1));
    }
    prev = cur;
  }
  return prev[y.length] as number;
}

function matchCase(val: string, orig: string): string {
  if (orig === goToLower(orig)) return goToLower(val);
  if (orig === goToUpper(orig)) return goToUpper(val);
  return val;
}

/** Every option at the smallest distance below 3 (empty if none, or if one matches exactly). */
export function closestOptions(value: string, options: readonly string[], caseSensitive: boolean): string[] {
  const val = caseSensitive ? value : goToLower(value);
  let best = 3;
  let found: string[] = [];
  for (const o of options) {
    const opt = caseSensitive ? o : goToLower(o);
    if (opt === val) return [];
    const d = levenshtein(val, opt);
    const shown = caseSensitive ? opt : matchCase(opt, value);
    if (d < best) {
      best = d;
      found = [shown];
    } else if (d === best && found.length > 0) found.push(shown);
  }
  return found;
}

/** suggest.WrapError: the message with BuildKit's suggestion appended, if any. */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const match = closestOptions(value, options, caseSensitive)[0];
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}
