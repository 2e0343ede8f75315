/**
 * HTTP(S)_PROXY and NO_PROXY as Go's net/http reads them
 * (golang.org/x/net/http/httpproxy, used by http.ProxyFromEnvironment):
 * upper-case names win over lower-case (REQUEST_METHOD disables
 * HTTP_PROXY under CGI, not modelled); https URLs use HTTPS_PROXY, http URLs
 * HTTP_PROXY; a proxy value without a scheme means http://; requests to
 * "localhost" and loopback IPs never use a proxy; NO_PROXY is a comma (or
 * space) separated list of "*", host names (matching the host and its
 * subdomains, a leading "." only subdomains), IPs, CIDRs, each optionally
 * with ":port".
 */
export interface ProxyChoice {
  /** The proxy URL, or null for a direct connection. */
  readonly proxy: string | null;
  /** Why (for the report). */
  readonly reason: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function getEnvAny(env: Env, ...names: string[]): [string, string] | undefined {
  for (const n of names) {
    const v = env[n];
    if (v) return [n, v];
  }
  return undefined;
}

function ipv4ToInt(ip: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] as number) * 2 ** 24 + (parts[1] as number) * 2 ** 16 + (parts[2] as number) * 2 ** 8 + (parts[3] as number)) >>> 0;
}

function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1" || host === "[::1]") return true;
  const n = ipv4ToInt(host);
  return n !== null && n >>> 24 === 127;
}

function noProxyMatches(noProxy: string, host: string, port: string): string | null {
  for (let entry of noProxy.split(/[,\s]+/)) {
    entry = entry.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return "*";
    const cidr = /^([\d.]+)\/(\d+)$/.exec(entry);
    if (cidr) {
      const net = ipv4ToInt(cidr[1] as string);
      const h = ipv4ToInt(host);
      const bits = Number(cidr[2]);
      if (net !== null && h !== null && bits <= 32) {
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        if (((net & mask) >>> 0) === ((h & mask) >>> 0)) return entry;
      }
      continue;
    }
    let ePort = "";
    const pm = /^(.*):(\d+)$/.exec(entry);
    if (pm && !entry.includes("]")) {
      entry = pm[1] as string;
      ePort = pm[2] as string;
    }
    if (ePort !== "" && ePort !== port) continue;
    if (ipv4ToInt(entry) !== null) {
      if (entry === host) return entry;
      continue;
    }
    if (entry.startsWith("*.")) entry = entry.slice(1);
    if (entry.startsWith(".")) {
      if (host.endsWith(entry)) return entry;
      continue;
    }
    if (host === entry || host.endsWith("." + entry)) return entry;
  }
  return null;
}

/** The proxy the go command's HTTP client would use for `url`. */
export function proxyFor(url: string, env: Env): ProxyChoice {
  const u = new URL(url);
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  const proxy = u.protocol === "https:" ? getEnvAny(env, "HTTPS_PROXY", "https_proxy") : getEnvAny(env, "HTTP_PROXY", "http_proxy");
  if (!proxy) return { proxy: null, reason: `no ${u.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY"} set` };
  if (isLoopback(host)) return { proxy: null, reason: `${host} is a loopback address, never proxied` };
  const np = getEnvAny(env, "NO_PROXY", "no_proxy");
  const hit = np ? noProxyMatches(np[1], host, port) : null;
  if (hit !== null) return { proxy: null, reason: `${np?.[0]} entry ${JSON.stringify(hit)} matches ${host}` };
  let p = proxy[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) p = "http://" + p;
  return { proxy: p, reason: `${proxy[0]}` };
}
