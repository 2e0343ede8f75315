/**
 * Parses a `WWW-Authenticate` header (RFC 7235) into scheme + parameters,
 * as registries send it for the distribution token flow
 * (`Bearer realm="…",service="…",scope="…"`) or for basic auth. Pure.
 * Leaves out several challenges in one header (the first is used).
 */
export interface Challenge {
  /** Lower-case scheme: `bearer`, `basic`. */
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

export function parseChallenge(header: string | null): Challenge | null {
  if (header === null) return null;
  const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
  const rest = m[2] ?? "";
  for (let p = re.exec(rest); p !== null; p = re.exec(rest)) {
    params[(p[1] as string).toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, "$1") : (p[3] ?? "");
  }
  return { scheme: (m[1] as string).toLowerCase(), params };
}
