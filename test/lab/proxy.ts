/**
 * The lab's Go module proxy: an HTTP server on 127.0.0.1 speaking the GOPROXY
 * protocol (GET <module>/@v/list, <module>/@v/<version>.info|.mod|.zip,
 * <module>/@latest; module paths and versions case-encoded with "!") over
 * folders laid out like $GOMODCACHE/cache/download: the lab's own
 * private/synthetic modules first, then the host's module cache. Switches make
 * it fail on demand (404, 410, 500, slow, timeout, connection close, tampered
 * zip), optionally only for some modules or request kinds. Leaves out the
 * sumdb endpoints (<proxy>/sumdb/...: answered 404, so the go command talks to
 * GOSUMDB itself, which in the lab only happens when go.sum lacks a line) and
 * fetching anything from upstream.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { join } from "node:path";
import { parseProxyPath, type ProxyRequest } from "./module-path.js";
import { compare, isPrerelease, isPseudoVersion, isValid } from "./semver.js";

export type FaultMode = "404" | "410" | "500" | "slow" | "timeout" | "close" | "tamper";
export type ProxyRequestKind = ProxyRequest["kind"];

export interface FaultOptions {
  /** Only requests for modules whose path contains this string (default: all). */
  readonly module?: string;
  /** Only these request kinds (default: all; "tamper" only ever touches zips). */
  readonly kinds?: readonly ProxyRequestKind[];
  /** Delay for "slow" (default 5000 ms). */
  readonly delayMs?: number;
}

export interface ProxyLogEntry {
  readonly time: string;
  readonly url: string;
  readonly kind?: ProxyRequestKind;
  readonly module?: string;
  readonly version?: string;
  /** HTTP status sent, or "closed" / "held" for the connection faults. */
  readonly status: number | "closed" | "held";
  readonly fault?: FaultMode;
}

export interface ModuleProxy {
  /** "http://127.0.0.1:<port>", the value for GOPROXY. */
  readonly url: string;
  readonly port: number;
  readonly roots: readonly string[];
  /** Makes matching requests fail in the given way until heal(). */
  fail(mode: FaultMode, opts?: FaultOptions): void;
  /** Back to normal service; held ("timeout") connections are dropped. */
  heal(): void;
  /** Every request served so far (oldest first). */
  requests(): readonly ProxyLogEntry[];
  stop(): Promise<void>;
}

export interface ProxyOptions {
  /** Folders in $GOMODCACHE/cache/download layout, searched in order. */
  readonly roots: readonly string[];
  /** labtools binary (for tampered zips) and a folder for its output. */
  readonly labtools: string;
  readonly tamperDir: string;
  /** Request log, one JSON line per request. */
  readonly logFile?: string;
}

interface Fault {
  readonly mode: FaultMode;
  readonly opts: FaultOptions;
}

const CONTENT_TYPES: Record<ProxyRequestKind, string> = {
  list: "text/plain; charset=utf-8",
  latest: "application/json",
  info: "application/json",
  mod: "text/plain; charset=utf-8",
  zip: "application/zip",
};

export async function startModuleProxy(opts: ProxyOptions): Promise<ModuleProxy> {
  let fault: Fault | undefined;
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const record = (e: Omit<ProxyLogEntry, "time">): void => {
    const entry = { time: new Date().toISOString(), ...e };
    log.push(entry);
    if (opts.logFile !== undefined) appendFileSync(opts.logFile, JSON.stringify(entry) + "\n");
  };

  const findFile = (escapedPath: string, name: string): string | undefined => {
    for (const root of opts.roots) {
      const f = join(root, escapedPath, "@v", name);
      if (existsSync(f)) return f;
    }
    return undefined;
  };

  const versions = (escapedPath: string): string[] => {
    const vs = new Set<string>();
    for (const root of opts.roots) {
      const dir = join(root, escapedPath, "@v");
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith(".mod")) continue;
        const v = f.slice(0, -4).replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
        if (isValid(v)) vs.add(v);
      }
    }
    return [...vs].sort(compare);
  };

  const notFound = (res: ServerResponse, what: string): number => {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(`not found: ${what}\n`);
    return 404;
  };

  const serve = (req: ProxyRequest, res: ServerResponse, tamper: boolean): number => {
    const send = (body: Buffer | string): number => {
      res.writeHead(200, { "Content-Type": CONTENT_TYPES[req.kind], "Content-Length": Buffer.byteLength(body) });
      res.end(body);
      return 200;
    };
    switch (req.kind) {
      case "list":
        return send(versions(req.escapedPath).filter((v) => !isPseudoVersion(v)).map((v) => v + "\n").join(""));
      case "latest": {
        const all = versions(req.escapedPath);
        const pick = all.filter((v) => !isPrerelease(v)).at(-1) ?? all.filter((v) => !isPseudoVersion(v)).at(-1) ?? all.at(-1);
        if (pick === undefined) return notFound(res, `${req.path}@latest`);
        const info = findFile(req.escapedPath, `${pick.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase())}.info`);
        return send(info !== undefined ? readFileSync(info) : JSON.stringify({ Version: pick }));
      }
      default: {
        const file = findFile(req.escapedPath, `${req.escapedVersion}.${req.kind}`);
        if (file === undefined) return notFound(res, `${req.path}@${req.version}`);
        if (req.kind === "zip" && tamper) return send(readFileSync(tampered(file, req)));
        return send(readFileSync(file));
      }
    }
  };

  const tampered = (file: string, req: ProxyRequest & { escapedVersion: string }): string => {
    mkdirSync(opts.tamperDir, { recursive: true });
    const out = join(opts.tamperDir, `${req.escapedPath.replace(/\//g, "_")}@${req.escapedVersion}.zip`);
    if (!existsSync(out)) execFileSync(opts.labtools, ["tamper", file, out]);
    return out;
  };

  const applies = (f: Fault, req: ProxyRequest): boolean =>
    (f.opts.module === undefined || req.path.includes(f.opts.module)) &&
    (f.opts.kinds === undefined || f.opts.kinds.includes(req.kind)) &&
    (f.mode !== "tamper" || req.kind === "zip");

  const handle = (msg: IncomingMessage, res: ServerResponse): void => {
    const url = msg.url ?? "/";
    if (msg.method !== "GET" && msg.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      res.end();
      record({ url, status: 405 });
      return;
    }
    const req = parseProxyPath(url);
    if (req === undefined) {
      record({ url, status: notFound(res, url) });
      return;
    }
    const base = { url, kind: req.kind, module: req.path, ...("version" in req ? { version: req.version } : {}) };
    const f = fault !== undefined && applies(fault, req) ? fault : undefined;
    if (f === undefined) {
      record({ ...base, status: serve(req, res, false) });
      return;
    }
    const what = "version" in req ? `${req.path}@${req.version}` : req.path;
    switch (f.mode) {
      case "404":
      case "410":
      case "500": {
        const status = Number(f.mode);
        const text = status === 500 ? "internal error" : status === 410 ? "gone" : "not found";
        res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`${text}: ${what} (goship-lab fault ${f.mode})\n`);
        record({ ...base, status, fault: f.mode });
        return;
      }
      case "close":
        msg.socket.destroy();
        record({ ...base, status: "closed", fault: f.mode });
        return;
      case "timeout":
        held.add(res);
        record({ ...base, status: "held", fault: f.mode });
        return;
      case "slow": {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.destroyed) record({ ...base, status: serve(req, res, false), fault: f.mode });
        }, f.opts.delayMs ?? 5000);
        timers.add(t);
        return;
      }
      case "tamper":
        record({ ...base, status: serve(req, res, true), fault: f.mode });
        return;
    }
  };

  const server = createServer((msg, res) => {
    try {
      handle(msg, res);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`goship-lab proxy error: ${String(e)}\n`);
      record({ url: msg.url ?? "/", status: 500 });
    }
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr !== null ? addr.port : 0;
  const dropHeld = (): void => {
    for (const r of held) r.socket?.destroy();
    held.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    roots: opts.roots,
    fail(mode, o = {}) {
      fault = { mode, opts: o };
    },
    heal() {
      fault = undefined;
      dropHeld();
    },
    requests: () => [...log],
    async stop() {
      fault = undefined;
      dropHeld();
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
