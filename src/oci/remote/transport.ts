/**
 * HTTP transport for one registry (go-containerregistry's
 * remote/transport): picks the scheme (https, or plain http only when the
 * caller marked the registry insecure AND it is a loopback address),
 * answers 401 challenges (Basic with the stored credential; Bearer by the
 * distribution token flow at the challenge's realm with service and scope,
 * tokens cached per scope), and retries with exponential backoff on 5xx,
 * 429 and network errors (connection reset, refused mid-push, timeouts).
 * Bodies are byte buffers so every retry re-sends the same bytes.
 * The fetch function and the sleep are injected for tests.
 * Leaves out: HTTP proxies, mTLS, OAuth2 POST token flow.
 */
import type { Credential } from "./docker-config.js";
import { parseChallenge } from "./challenge.js";

export class RegistryError extends Error {
  override readonly name = "RegistryError";
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface TransportOptions {
  readonly registry: string;
  readonly credential?: Credential | null;
  /** Plain HTTP; accepted only for loopback hosts. */
  readonly insecure?: boolean;
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onRetry?: (what: string, attempt: number, why: string) => void;
}

export interface Req {
  readonly method: string;
  /** Path + query on the registry (`/v2/...`) or an absolute URL (upload locations). */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Token scopes this request needs (`repository:foo:pull,push`). */
  readonly scopes: readonly string[];
  /** Statuses that are answers, not errors (no retry). */
  readonly ok: readonly number[];
}

export interface Res {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
  readonly url: string;
}

export function isLoopbackHost(registry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(registry);
  const host = bracketed ? (bracketed[1] as string) : registry.replace(/:\d+$/, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function networkCode(e: unknown): string {
  const c = (e as { cause?: { code?: string } }).cause;
  return c?.code ?? (e as { code?: string }).code ?? (e as Error).name ?? "network error";
}

export class Transport {
  readonly base: string;
  private readonly tokens = new Map<string, string>();
  private basic = false;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: TransportOptions) {
    if (opts.insecure === true && !isLoopbackHost(opts.registry)) {
      throw new RegistryError(`--insecure-registry is only allowed for a loopback registry (127.0.0.1, localhost, ::1), not ${opts.registry}`);
    }
    this.base = `${opts.insecure === true ? "http" : "https"}://${opts.registry}`;
    this.fetchFn = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private authHeader(scopes: readonly string[]): string | undefined {
    const t = this.tokens.get(scopes.join(" "));
    if (t !== undefined) return `Bearer ${t}`;
    const c = this.opts.credential;
    if (this.basic && c) return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
    return undefined;
  }

  private async fetchToken(params: Readonly<Record<string, string>>, scopes: readonly string[]): Promise<void> {
    const realm = params["realm"];
    if (!realm) throw new RegistryError(`${this.opts.registry}: bearer challenge without a realm`);
    const u = new URL(realm);
    if (params["service"]) u.searchParams.set("service", params["service"]);
    for (const s of scopes) u.searchParams.append("scope", s);
    const headers: Record<string, string> = {};
    const c = this.opts.credential;
    if (c) headers["authorization"] = `Basic ${Buffer.from(`${c.username}:${c.identityToken ?? c.password}`).toString("base64")}`;
    const r = await this.fetchFn(u, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000) });
    if (r.status === 401 || r.status === 403) {
      throw new RegistryError(`${this.opts.registry}: authentication failed (${r.status} from the token service)${c ? ": check the credentials for this registry in ~/.docker/config.json" : ": no credentials for this registry"}`, r.status, "UNAUTHORIZED");
    }
    if (!r.ok) throw new RegistryError(`${this.opts.registry}: token service answered ${r.status}`, r.status);
    const j = (await r.json()) as { token?: string; access_token?: string };
    const t = j.token ?? j.access_token;
    if (!t) throw new RegistryError(`${this.opts.registry}: token service gave no token`);
    this.tokens.set(scopes.join(" "), t);
  }

  /** Sends `req`, authenticating and retrying as needed. */
  async send(req: Req): Promise<Res> {
    const retries = this.opts.retries ?? 5;
    const backoff = this.opts.backoffMs ?? 200;
    let authTried = false;
    for (let attempt = 0; ; attempt++) {
      const url = req.url.startsWith("http://") || req.url.startsWith("https://") ? req.url : this.base + req.url;
      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      const auth = this.authHeader(req.scopes);
      if (auth) headers["authorization"] = auth;
      let res: Response;
      let why: string;
      try {
        res = await this.fetchFn(url, {
          method: req.method,
          headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          redirect: "follow",
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 120_000),
        });
        if (res.status === 401 && !authTried) {
          authTried = true;
          await res.arrayBuffer().catch(() => undefined);
          const ch = parseChallenge(res.headers.get("www-authenticate"));
          if (ch?.scheme === "bearer") await this.fetchToken(ch.params, req.scopes);
          else if (ch?.scheme === "basic" && this.opts.credential) this.basic = true;
          else throw new RegistryError(`${this.opts.registry}: unauthorized (no credentials for this registry)`, 401, "UNAUTHORIZED");
          attempt--;
          continue;
        }
        if (req.ok.includes(res.status)) {
          const body = new Uint8Array(await res.arrayBuffer());
          return { status: res.status, headers: res.headers, body, url: res.url || url };
        }
        const text = await res.text().catch(() => "");
        if (res.status === 401 || res.status === 403) {
          throw new RegistryError(`${this.opts.registry}: ${req.method} ${new URL(url).pathname}: ${res.status} ${errorText(text)} (check the credentials)`, res.status, "UNAUTHORIZED");
        }
        if (res.status < 500 && res.status !== 429 && res.status !== 408) {
          throw new RegistryError(`${this.opts.registry}: ${req.method} ${new URL(url).pathname}: ${res.status} ${errorText(text)}`, res.status, errorCode(text));
        }
        why = `HTTP ${res.status}`;
      } catch (e) {
        if (e instanceof RegistryError) throw e;
        why = networkCode(e);
      }
      if (attempt >= retries) {
        throw new RegistryError(`${this.opts.registry}: ${req.method} ${url}: gave up after ${attempt + 1} attempts (${why})`, undefined, "UNREACHABLE");
      }
      this.opts.onRetry?.(`${req.method} ${url}`, attempt + 1, why);
      await this.sleep(backoff * 2 ** attempt * (0.5 + Math.random() / 2));
    }
  }
}

function errorCode(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { errors?: { code?: string }[] }).errors?.[0]?.code;
  } catch {
    return undefined;
  }
}

function errorText(text: string): string {
  try {
    const e = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
    if (e) return `${e.code ?? ""} ${e.message ?? ""}`.trim();
  } catch {
    /* not JSON */
  }
  return text.slice(0, 200).trim();
}
