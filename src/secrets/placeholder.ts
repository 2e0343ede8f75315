/**
 * Values that stand where a secret would, but are none: variable references
 * (`${TOKEN}`, `$TOKEN`, `%(token)s`, `{{ .Token }}`), angle/brace
 * placeholders (`<password>`), masks (`****`, `xxxx`), booleans and empties,
 * file paths (a secret's location), and words people write in examples
 * (`password`, `changeme`, `secret`, `example`, `dummy`, `test`, ...).
 */

const WORDS = new Set([
  "true", "false", "yes", "no", "on", "off", "none", "null", "nil", "undefined", "disabled", "enabled", "required", "optional",
  "password", "passwd", "pass", "secret", "token", "changeme", "change_me", "example", "dummy", "test", "testing", "sample", "placeholder",
  "redacted", "hidden", "your_password", "yourpassword", "your-token", "your_token", "mypassword", "foo", "bar", "foobar", "default", "empty",
]);

export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^["'`]|["'`,;]$/g, "");
  if (v === "") return true;
  const lower = v.toLowerCase();
  if (WORDS.has(lower)) return true;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}?$/.test(v)) return true;
  if (/\$\{|\$\(|\{\{|\}\}|%\(|<[^>]*>|^\[.*\]$|^\(.*\)$/.test(v)) return true;
  if (/%[sdvq]/.test(v) && v.replace(/%[sdvq]/g, "").length < 8) return true;
  if (/^(.)\1+$/.test(v) || /^[x*#.•_-]{3,}$/i.test(v) || /\*{3,}/.test(v)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/)/.test(v)) return true;
  if (/^(your|my|some|insert|replace|put|enter|example|sample|dummy|fake|test)[-_]?/i.test(v) && /(here|token|key|secret|password|value)$/i.test(v)) return true;
  if (/^[a-z_]+\.[a-z_.]+\(|^os\.|^process\.env|^env\(|getenv/i.test(v)) return true;
  return false;
}
