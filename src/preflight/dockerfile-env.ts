/**
 * The module environment a Dockerfile sets for its build: the last
 * `ARG NAME=value` or `ENV NAME=value` (or `ENV NAME value`) for GOPROXY,
 * GOSUMDB, GOPRIVATE, GONOPROXY, GONOSUMDB, GOFLAGS, HTTP(S)_PROXY and
 * NO_PROXY, quotes removed. A line-level reading: leaves out line
 * continuations, variable expansion, multi-stage scoping and build args
 * given on the command line (pass those as flags or environment).
 */
const NAMES = new Set(["GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOFLAGS", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"]);

function unquote(v: string): string {
  const m = /^"(.*)"$|^'(.*)'$/.exec(v);
  return m ? (m[1] ?? m[2] ?? "") : v;
}

export function dockerfileModuleEnv(text: string): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const m = /^(ARG|ENV)\s+(.*)$/i.exec(line);
    if (!m) continue;
    const rest = m[2] as string;
    const pairs = [...rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)];
    if (pairs.length === 0 && (m[1] as string).toUpperCase() === "ENV") {
      const sp = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/.exec(rest);
      if (sp && NAMES.has(sp[1] as string)) out[sp[1] as string] = unquote((sp[2] as string).trim());
      continue;
    }
    for (const p of pairs) if (NAMES.has(p[1] as string)) out[p[1] as string] = unquote(p[2] as string);
  }
  return Object.freeze(out);
}
