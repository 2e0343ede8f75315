/**
 * Secret-looking variable names. Names are split into words (`_`, `-`, `.`,
 * camelCase) and match when a word is a secret word (password, passwd,
 * pword, secret, token, credential(s), auth, apikey) or two words form
 * api/access/private key (`API_KEY`, `accessKey`), in the spirit of
 * BuildKit's SecretsUsedInArgOrEnv (which matches `_`-separated tokens) but
 * without its bare `key` (GPG_KEY fingerprints, KEY_PATH) and with words that
 * make a name about a secret rather than a secret (`_FILE`, `_PATH`, `_URL`,
 * `_ENABLED`..., and hashes: `PASSWORD_HASH`). Used by the generic detector and by lint (GS402).
 */

const SECRET_WORDS = new Set(["password", "passwd", "pword", "secret", "secrets", "token", "tokens", "credential", "credentials", "auth", "apikey", "privatekey", "accesskey", "netrc"]);
const KEY_PREFIXES = new Set(["api", "access", "private", "secret", "signing", "encryption", "master"]);
/** Words that make the name about a secret (where it is, whether it is on), not the secret. */
const ALLOW_WORDS = new Set([
  "public", "file", "files", "version", "path", "dir", "url", "uri", "endpoint", "host", "port", "type", "mode", "method",
  "enabled", "enable", "disabled", "disable", "ttl", "expiry", "expiration", "expires", "header", "name", "id", "user",
  "username", "length", "len", "size", "provider", "issuer", "audience", "scope", "scopes", "required", "location",
  "expire", "hours", "seconds", "minutes", "days", "timeout", "lifetime", "duration", "interval", "max", "min",
  "count", "limit", "algorithm", "alg", "strategy", "backend", "store", "storage", "prefix", "suffix", "format", "policy", "server",
  "hash", "hashed", "digest", "checksum", "fingerprint", "sha", "sha256", "bcrypt",
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
