/**
 * The port preflight probes the network through: DNS resolution (with the
 * resolvers used), a TCP connect, a TLS handshake (with the peer's chain,
 * even when it is not trusted), and one HTTP GET (direct or through an HTTP
 * proxy, CONNECT for https). node-ops.ts implements it with node:dns/net/
 * tls/http; tests may pass their own. Every call has its own timeout.
 */
export interface DnsAnswer {
  readonly addresses: readonly string[];
  /** The resolvers asked (from /etc/resolv.conf, as node:dns reads it). */
  readonly servers: readonly string[];
  /** Why there are no addresses (ENOTFOUND, EAI_AGAIN, ...). */
  readonly error?: string;
}

export interface CertInfo {
  readonly subject: string;
  readonly issuer: string;
}

export interface TlsAnswer {
  readonly authorized: boolean;
  /** OpenSSL's reason when not authorized (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  readonly error?: string;
  /** Leaf first. */
  readonly chain: readonly CertInfo[];
  readonly protocol?: string;
}

export interface HttpAnswer {
  readonly status: number;
  /** Where the answer came from when a proxy refused the tunnel (CONNECT status). */
  readonly fromProxy?: boolean;
  /** A TLS failure inside a proxy tunnel. */
  readonly tlsError?: string;
}

export interface PreflightOps {
  resolve(host: string, timeoutMs: number): Promise<DnsAnswer>;
  connect(host: string, port: number, timeoutMs: number): Promise<void>;
  tls(host: string, port: number, timeoutMs: number): Promise<TlsAnswer>;
  httpGet(url: string, proxy: string | null, timeoutMs: number): Promise<HttpAnswer>;
  /** Milliseconds, monotonic. */
  now(): number;
}
