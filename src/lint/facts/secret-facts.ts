/**
 * Secret-looking names and values for GS4xx rules, and the one redaction
 * every message uses. Names are split into words (`_`, `-`, `.`, camelCase)
 * and match when a word is a secret word (password, passwd, pword, secret,
 * token, credential(s), auth, apikey) or two words form api/access/private
 * key (`API_KEY`, `accessKey`), in the spirit of BuildKit's
 * SecretsUsedInArgOrEnv (which matches `_`-separated tokens) but without
 * its bare `key` (GPG_KEY fingerprints, KEY_PATH) and with more words that
 * make a name about a secret rather than a secret (`_FILE`, `_PATH`, `_URL`,
 * `_ENABLED`...). Values match known credential formats (AWS access key IDs,
 * GitHub, GitLab, Slack, npm, Stripe and Google API tokens, PEM private
 * keys, URLs with a literal password).
 * Leaves out entropy-based guessing: a random-looking value under an
 * innocent name is not reported.
 */

const SECRET_WORDS = new Set(["password", "passwd", "pword", "secret", "secrets", "token", "tokens", "credential", "credentials", "auth", "apikey", "privatekey", "accesskey", "netrc"]);
const KEY_PREFIXES = new Set(["api", "access", "private", "secret", "signing", "encryption", "master"]);
/** Words that make the name about a secret (where it is, whether it is on), not the secret. */
const ALLOW_WORDS = new Set([
  "public", "file", "files", "version", "path", "dir", "url", "uri", "endpoint", "host", "port", "type", "mode", "method",
  "enabled", "enable", "disabled", "disable", "ttl", "expiry", "expiration", "expires", "header", "name", "id", "user",
  "username", "length", "len", "size", "provider", "issuer", "audience", "scope", "scopes", "required", "location",
  "expire", "expires", "expiry", "hours", "seconds", "minutes", "days", "timeout", "lifetime", "duration", "interval", "max", "min",
  "count", "limit", "algorithm", "alg", "strategy", "backend", "store", "storage", "prefix", "suffix", "format", "policy", "server",
]);

/** The words of a variable name: `GITHUB_TOKEN` → github, token; `apiKey` → api, key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** True when a variable name says it holds a secret (and no word says it only points at one). */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => ALLOW_WORDS.has(w))) return false;
  return words.some((w, i) => SECRET_WORDS.has(w) || (w === "key" && i > 0 && KEY_PREFIXES.has(words[i - 1]!)));
}

const FORMATS: readonly { readonly kind: string; readonly re: RegExp }[] = [
  { kind: "a private key", re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { kind: "an AWS access key ID", re: /(?:^|[^A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/ },
  { kind: "a GitHub token", re: /(?:^|[^A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { kind: "a GitLab token", re: /(?:^|[^A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/ },
  { kind: "a Slack token", re: /(?:^|[^A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: "an npm token", re: /(?:^|[^A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
  { kind: "a Stripe secret key", re: /(?:^|[^A-Za-z0-9])[rs]k_live_[A-Za-z0-9]{24,}/ },
  { kind: "a Google API key", re: /(?:^|[^A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { kind: "a URL with a password", re: /[a-z][a-z0-9+.-]*:\/\/[^\s/:@$]+:[^\s/@$]+@[^\s/]/i },
];

/** The kind of credential a value holds ("a GitHub token"), or null. */
export function credentialKind(value: string): string | null {
  for (const f of FORMATS) if (f.re.test(value)) return f.kind;
  return null;
}

/** Values under a secret name that are no secret: booleans, none/null, paths to a secret file. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (["true", "false", "yes", "no", "on", "off", "0", "1", "none", "null", "nil", "disabled", "enabled"].includes(v)) return true;
  return /^(\/|\.\/|~\/)[^\s]*$/.test(value.trim());
}

/**
 * The value as it may appear in any output: at most its first 4 characters
 * then `****`, fewer for short values (none under 8 characters, 2 under 12),
 * so a message never carries enough of a secret to use or guess it.
 */
export function redact(value: string): string {
  const keep = value.length >= 12 ? 4 : value.length >= 8 ? 2 : 0;
  return value.slice(0, keep) + "****";
}
