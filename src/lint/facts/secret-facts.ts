/**
 * Secret-looking names and values for GS4xx rules. Names (isSecretName,
 * nameWords) and credential formats (credentialKind: the detectors of
 * src/secrets, documented example values included) come from src/secrets;
 * this module adds lint's own reading of an ENV/ARG value as no secret
 * (booleans, none/null, paths to a secret file) and the one redaction
 * every message uses (src/secrets/redact.ts).
 * Leaves out entropy-based guessing: a random-looking value under an
 * innocent name is not reported by lint (`goship secrets` does that).
 */
import { mask } from "../../secrets/redact.js";

export { isSecretName, nameWords } from "../../secrets/names.js";
export { credentialKind } from "../../secrets/scan.js";

/** Values under a secret name that are no secret: booleans, none/null, paths to a secret file. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (["true", "false", "yes", "no", "on", "off", "0", "1", "none", "null", "nil", "disabled", "enabled"].includes(v)) return true;
  return /^(\/|\.\/|~\/)[^\s]*$/.test(value.trim());
}

/**
 * The value as it may appear in a lint message: src/secrets' mask (at most
 * 4 characters, at most a third of the value), and nothing of a value under
 * 8 characters (a short secret is guessable from fewer characters).
 */
export function redact(value: string): string {
  return value.length < 8 ? "****" : mask(value);
}
