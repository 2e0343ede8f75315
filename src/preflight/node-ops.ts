/**
 * PreflightOps over Node: node:dns (getaddrinfo, as Go's cgo resolver; the
 * resolver list from dns.getServers()), node:net, node:tls and node:http(s).
 * TLS trusts what the go command trusts on Linux: SSL_CERT_FILE, else the
 * system bundle (/etc/ssl/certs/ca-certificates.crt), else Node's roots.
 * An https GET through an HTTP proxy opens a CONNECT tunnel first; the
 * proxy's own refusal (407, 403, 502) is returned as that status.
 *
 * Leaves out SSL_CERT_DIR, https:// proxies and proxy authentication
 * schemes other than Basic in the URL.
 */
import { promises as dns, getServers } from "node:dns";
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect as netConnect, isIP, type Socket } from "node:net";
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from "node:tls";
import type { CertInfo, DnsAnswer, HttpAnswer, PreflightOps, TlsAnswer } from "./ops.js";

function trustedCas(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const f of [env.SSL_CERT_FILE, "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]) {
    if (!f) continue;
    try {
      return readFileSync(f, "utf8");
    } catch {
      // next
    }
  }
  return undefined;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => {
      onTimeout?.();
      reject(Object.assign(new Error(`${what}: timed out after ${ms} ms`), { code: "ETIMEDOUT" }));
    }, ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

function name(dn: PeerCertificate["subject"] | undefined): string {
  if (!dn) return "";
  return Object.entries(dn)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : String(v)}`)
    .join(", ");
}

function chainOf(sock: TLSSocket): CertInfo[] {
  const out: CertInfo[] = [];
  let c = sock.getPeerCertificate(true) as PeerCertificate & { issuerCertificate?: PeerCertificate };
  const seen = new Set<string>();
  while (c && c.fingerprint256 && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push({ subject: name(c.subject), issuer: name(c.issuer) });
    c = c.issuerCertificate as typeof c;
  }
  return out;
}

export function nodePreflightOps(env: Readonly<Record<string, string | undefined>>): PreflightOps {
  const ca = trustedCas(env);
  const caOpt = ca !== undefined ? { ca } : {};
  const openTls = (socket: Socket | undefined, host: string, port: number): TLSSocket =>
    tlsConnect({ ...(socket ? { socket } : { host, port }), servername: isIP(host) ? "" : host, rejectUnauthorized: false, ...caOpt, ALPNProtocols: ["http/1.1"] });
  return {
    now: () => performance.now(),
    async resolve(host, timeoutMs): Promise<DnsAnswer> {
      const servers = getServers();
      try {
        const addrs = await withTimeout(dns.lookup(host, { all: true }), timeoutMs, `lookup ${host}`);
        return { addresses: addrs.map((a) => a.address), servers };
      } catch (e) {
        return { addresses: [], servers, error: (e as Error & { code?: string }).code ?? (e as Error).message };
      }
    },
    connect(host, port, timeoutMs): Promise<void> {
      const s = netConnect({ host, port });
      return withTimeout(
        new Promise<void>((resolve, reject) => {
          s.once("connect", () => (s.destroy(), resolve()));
          s.once("error", reject);
        }),
        timeoutMs,
        `dial tcp ${host}:${port}`,
        () => s.destroy(),
      );
    },
    tls(host, port, timeoutMs): Promise<TlsAnswer> {
      const s = openTls(undefined, host, port);
      return withTimeout(
        new Promise<TlsAnswer>((resolve, reject) => {
          s.once("secureConnect", () => {
            const a: TlsAnswer = {
              authorized: s.authorized,
              ...(s.authorizationError ? { error: String((s.authorizationError as Error & { code?: string }).code ?? s.authorizationError) } : {}),
              chain: chainOf(s),
              ...(s.getProtocol() ? { protocol: s.getProtocol() as string } : {}),
            };
            s.destroy();
            resolve(a);
          });
          s.once("error", reject);
        }),
        timeoutMs,
        `tls handshake with ${host}:${port}`,
        () => s.destroy(),
      );
    },
    httpGet(url, proxy, timeoutMs): Promise<HttpAnswer> {
      const u = new URL(url);
      const sockets: Socket[] = [];
      const done = (res: IncomingMessage): HttpAnswer => {
        res.resume();
        return { status: res.statusCode ?? 0 };
      };
      const work = new Promise<HttpAnswer>((resolve, reject) => {
        const headers = { "User-Agent": "goship-preflight", Accept: "*/*" };
        if (proxy === null) {
          const req = (u.protocol === "https:" ? httpsRequest : httpRequest)(url, { method: "GET", headers, ...caOpt, agent: false }, (res) => resolve(done(res)));
          req.on("socket", (s) => sockets.push(s));
          req.on("error", reject);
          req.end();
          return;
        }
        const p = new URL(proxy);
        const auth = p.username ? { "Proxy-Authorization": `Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString("base64")}` } : {};
        const pPort = Number(p.port || 80);
        if (u.protocol === "http:") {
          const req = httpRequest({ host: p.hostname, port: pPort, method: "GET", path: url, headers: { ...headers, Host: u.host, ...auth }, agent: false }, (res) => resolve({ ...done(res), ...(res.statusCode === 407 ? { fromProxy: true } : {}) }));
          req.on("socket", (s) => sockets.push(s));
          req.on("error", reject);
          req.end();
          return;
        }
        const target = `${u.hostname}:${u.port || 443}`;
        const c = httpRequest({ host: p.hostname, port: pPort, method: "CONNECT", path: target, headers: { Host: target, ...auth }, agent: false });
        c.on("socket", (s) => sockets.push(s));
        c.on("connect", (res, socket) => {
          sockets.push(socket);
          if (res.statusCode !== 200) {
            socket.destroy();
            resolve({ status: res.statusCode ?? 0, fromProxy: true });
            return;
          }
          const t = openTls(socket, u.hostname, Number(u.port || 443));
          t.once("secureConnect", () => {
            if (!t.authorized) {
              t.destroy();
              resolve({ status: 0, tlsError: String((t.authorizationError as Error & { code?: string })?.code ?? t.authorizationError) });
              return;
            }
            const req = httpsRequest(url, { method: "GET", headers, createConnection: () => t, agent: false }, (r) => resolve(done(r)));
            req.on("error", reject);
            req.end();
          });
          t.once("error", reject);
        });
        c.on("response", (res) => resolve({ status: res.statusCode ?? 0, fromProxy: true }));
        c.on("error", reject);
        c.end();
      });
      return withTimeout(work, timeoutMs, `GET ${url}`, () => sockets.forEach((s) => s.destroy()));
    },
  };
}
