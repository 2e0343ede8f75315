/**
 * Loopback pieces for goship verify's end-to-end tests: a checksum database
 * served by x/mod's sumdb.NewTestServer (`oracle-sumdb serve`, over the host
 * module cache), a man-in-the-middle that can rewrite its answers (to forge
 * records, signatures, tiles), the lab's module proxy over the host module
 * cache (with its "tamper" fault), and go.sum text for the modules of the
 * host cache.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { goModHash } from "../../src/sumdb/dirhash/hash1.js";
import { ensureOracle } from "../support/oracle.js";
import { startModuleProxy, type ModuleProxy } from "../lab/proxy.js";
import { buildLabModules } from "../lab/lab-modules.js";
import { LAB_MODULE_SOURCES, labBin } from "../lab/paths.js";

export const GOMODCACHE = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
export const DOWNLOAD = join(GOMODCACHE, "cache", "download");
export const DB_NAME = "goship.test/sumdb";

export interface SumdbServer {
  readonly url: string;
  readonly vkey: string;
  readonly skey: string;
  /** GOSUMDB value for this server. */
  readonly gosumdb: string;
  stop(): Promise<void>;
}

export async function startSumdb(opts: { skey?: string; prefill?: number; lie?: readonly string[]; modcache?: string } = {}): Promise<SumdbServer> {
  const bin = ensureOracle("sumdb");
  const args = ["serve", "-name", DB_NAME, "-modcache", opts.modcache ?? DOWNLOAD];
  if (opts.skey) args.push("-skey", opts.skey);
  if (opts.prefill) args.push("-prefill", String(opts.prefill));
  if (opts.lie?.length) args.push("-lie", opts.lie.join(","));
  const child = spawn(bin, args, { stdio: ["pipe", "pipe", "pipe"] });
  const stderr: string[] = [];
  child.stderr.on("data", (b: Buffer) => stderr.push(b.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once("line", (l) => resolve(l));
    child.once("exit", (code) => reject(new Error(`oracle-sumdb serve exited ${code}: ${stderr.join("")}`)));
  });
  const info = JSON.parse(first) as { url: string; vkey: string; skey: string };
  return {
    ...info,
    gosumdb: `${info.vkey} ${info.url}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
  };
}

/** What the man-in-the-middle does to one answer: return new bytes, or undefined to pass it on. */
export type Rewrite = (path: string, body: Buffer) => Buffer | undefined;

export interface Mitm {
  readonly url: string;
  /** Paths requested through it. */
  readonly paths: string[];
  setRewrite(r: Rewrite | undefined): void;
  stop(): Promise<void>;
}

export async function startMitm(upstream: string): Promise<Mitm> {
  let rewrite: Rewrite | undefined;
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    paths.push(path);
    const up = request(upstream + path, { method: req.method }, (r: IncomingMessage) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => {
        let body: Buffer = Buffer.concat(chunks);
        if (r.statusCode === 200 && rewrite) body = rewrite(path, body) ?? body;
        res.writeHead(r.statusCode ?? 502, { "Content-Type": r.headers["content-type"] ?? "application/octet-stream", "Content-Length": body.length });
        res.end(body);
      });
    });
    up.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    up.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    setRewrite: (r) => {
      rewrite = r;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The lab's module proxy over the host module cache (and, with `labModules`, the lab's private modules first). */
export async function startHostProxy(labModules = false): Promise<ModuleProxy> {
  const dir = mkdtempSync(join(tmpdir(), "goship-verify-proxy-"));
  const roots = [DOWNLOAD];
  if (labModules) {
    await buildLabModules(labBin("labtools"), LAB_MODULE_SOURCES, join(dir, "modules"));
    roots.unshift(join(dir, "modules"));
  }
  return startModuleProxy({ roots, labtools: labBin("labtools"), tamperDir: join(dir, "tampered") });
}

export interface CachedModule {
  readonly path: string;
  readonly version: string;
  /** go.sum lines (zip, go.mod) with the hashes the go command recorded. */
  readonly lines: readonly string[];
}

function unescape(s: string): string {
  return s.replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Every module version of the host cache with a .zip, .ziphash, .mod and .info: the modules a proxy over it can serve. */
export async function hostCacheModules(): Promise<CachedModule[]> {
  const out: CachedModule[] = [];
  const walk = (dir: string, rel: string[]): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (!statSync(p).isDirectory()) continue;
      if (name === "@v") {
        for (const f of readdirSync(p).sort()) {
          if (!f.endsWith(".ziphash")) continue;
          const v = f.slice(0, -".ziphash".length);
          if (![".zip", ".mod", ".info"].every((ext) => existsSync(join(p, v + ext)))) continue;
          out.push({ path: unescape(rel.join("/")), version: unescape(v), lines: [] });
        }
      } else if (!(rel.length === 0 && name === "sumdb")) walk(p, [...rel, name]);
    }
  };
  walk(DOWNLOAD, []);
  const withLines: CachedModule[] = [];
  for (const m of out) {
    const ep = m.path.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase());
    const ev = m.version.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase());
    const base = join(DOWNLOAD, ep, "@v", ev);
    const zh = readFileSync(base + ".ziphash", "utf8").trim();
    const mh = await goModHash(readFileSync(base + ".mod"));
    withLines.push({ ...m, lines: [`${m.path} ${m.version} ${zh}`, `${m.path} ${m.version}/go.mod ${mh}`] });
  }
  return withLines;
}

export function goSumText(mods: readonly CachedModule[]): string {
  return mods.flatMap((m) => m.lines).join("\n") + "\n";
}
