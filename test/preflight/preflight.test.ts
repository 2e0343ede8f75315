/**
 * goship preflight against servers on loopback: a name under the reserved
 * .invalid TLD, a refused port, a blackhole (accepts, never answers) with a
 * short timeout, a TLS server whose chain ends at a self-signed CA
 * (generated with openssl), an HTTP proxy that answers 407, and a healthy
 * module proxy (the lab's, over the host module cache) with a checksum
 * database; plus the GOPROXY list semantics ("," stops, "|" falls through),
 * the --try advice, --emit-sh run by /bin/sh, and the exit codes; and the
 * way to the checksum database (loopback module proxies with and without
 * `/sumdb/<name>/supported`, the database itself on a closed loopback port:
 * reached through the proxy it is fine, reached directly it is refused).
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer } from "node:tls";
import { after, before, test } from "node:test";
import { runPreflight } from "../../src/preflight/run-preflight.js";
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";
import { freePort } from "../lab/free-port.js";
import { generateNoteKey } from "../../src/sumdb/note/key.js";
import { formatPreflightJson, formatPreflightText } from "../../src/preflight/format.js";
import { startHostProxy, startSumdb, type SumdbServer } from "../sumdb/harness.js";
import type { ModuleProxy } from "../lab/proxy.js";

const GREETER = join(ROOT, "examples", "greeter");
let healthy: ModuleProxy;
let db: SumdbServer;
let refused = 0;
const closers: (() => Promise<void> | void)[] = [];
let blackhole = 0;
let tlsPort = 0;
let caSubject = "";
let proxy407 = 0;

function listen(s: Server | NetServer): Promise<number> {
  return new Promise((r) => s.listen(0, "127.0.0.1", () => r((s.address() as { port: number }).port)));
}

function env(extra: Record<string, string>): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, GOPRIVATE: "", GONOSUMDB: "", GONOPROXY: "", GOFLAGS: "", ...extra };
}

before(async () => {
  healthy = await startHostProxy();
  closers.push(() => healthy.stop());
  db = await startSumdb();
  closers.push(() => db.stop());
  refused = await freePort();
  // A socket that accepts and never answers.
  const held: Socket[] = [];
  const bh = createNetServer((s) => void held.push(s));
  blackhole = await listen(bh);
  closers.push(() => new Promise<void>((r) => (held.forEach((s) => s.destroy()), bh.close(() => r()))));
  // A TLS server whose certificate chains to a self-signed CA.
  const dir = mkdtempSync(join(tmpdir(), "goship-tls-"));
  const ssl = (...a: string[]): void => void execFileSync("openssl", a, { cwd: dir, stdio: "pipe" });
  ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Goship Test Corp CA");
  ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
  ssl("x509", "-req", "-in", "srv.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "srv.crt", "-days", "2", "-extfile", "ext.cnf");
  caSubject = "Goship Test Corp CA";
  const tlsSrv = createTlsServer({ key: readFileSync(join(dir, "srv.key")), cert: readFileSync(join(dir, "srv.crt")) + readFileSync(join(dir, "ca.crt"), "utf8") }, (s) => s.end("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
  tlsPort = await listen(tlsSrv);
  closers.push(() => new Promise<void>((r) => tlsSrv.close(() => r())));
  // An HTTP proxy that wants credentials.
  const p = createHttpServer((_req, res) => {
    res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="corp"' });
    res.end();
  });
  p.on("connect", (_req, socket: Socket) => socket.end("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n\r\n"));
  proxy407 = await listen(p);
  closers.push(() => new Promise<void>((r) => p.close(() => r())));
});

after(async () => {
  for (const c of closers.reverse()) await c();
});

test("a healthy module proxy and checksum database: ok, exit 0", async () => {
  const r = await runPreflight({ env: env({ GOPROXY: healthy.url, GOSUMDB: db.gosumdb }), moduleDir: GREETER, timeoutMs: 3000 });
  assert.equal(r.verdict.ok, true, r.verdict.advice.join("\n"));
  assert.equal(r.verdict.servedBy, healthy.url);
  assert.deepEqual(r.results.map((t) => [t.target.kind, t.outcome]), [["proxy", "ok"], ["sumdb", "ok"]]);
  assert.match(r.results[0]?.steps.at(-1)?.detail ?? "", /github\.com\/google\/uuid\/@v\/list → 200/);
  const cli = await goship(["preflight", GREETER, "--timeout", "3000"], { cwd: GREETER, env: env({ GOPROXY: healthy.url, GOSUMDB: db.gosumdb }) });
  assert.equal(cli.code, 0, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /OK: the build can fetch its modules/);
  const json = await goship(["preflight", GREETER, "-f", "json"], { cwd: GREETER, env: env({ GOPROXY: healthy.url, GOSUMDB: db.gosumdb }) });
  const doc = JSON.parse(json.stdout) as { ok: boolean; targets: { steps: { step: string; ms: number }[] }[] };
  assert.equal(doc.ok, true);
  assert.deepEqual(doc.targets[0]?.steps.map((s) => s.step), ["tcp", "http"]);
});

test("a name under .invalid does not resolve: dns step fails, exit 1", async () => {
  const r = await runPreflight({ env: env({ GOPROXY: "http://goship-preflight.invalid", GOSUMDB: "off" }), timeoutMs: 3000 });
  assert.equal(r.verdict.ok, false);
  const s = r.results[0]?.steps[0];
  assert.equal(s?.step, "dns");
  assert.equal(s?.ok, false);
  assert.match(r.verdict.advice.join("\n"), /does not resolve from here/);
  const cli = await goship(["preflight", "--goproxy", "http://goship-preflight.invalid", "--gosumdb", "off", "--timeout", "3000"], { cwd: tmpdir(), env: env({}) });
  assert.equal(cli.code, 1);
  assert.match(cli.stdout, /FAIL dns/);
});

test("a refused port: tcp step fails with ECONNREFUSED", async () => {
  const r = await runPreflight({ env: env({ GOPROXY: `http://127.0.0.1:${refused}`, GOSUMDB: "off" }), timeoutMs: 3000 });
  assert.equal(r.verdict.ok, false);
  assert.equal(r.results[0]?.steps[0]?.step, "tcp");
  assert.match(r.results[0]?.steps[0]?.error ?? "", /ECONNREFUSED/);
  assert.match(r.verdict.advice.join("\n"), /was refused/);
});

test("a blackhole times out at the HTTP step within the timeout", async () => {
  const t0 = performance.now();
  const r = await runPreflight({ env: env({ GOPROXY: `http://127.0.0.1:${blackhole}`, GOSUMDB: "off" }), timeoutMs: 400 });
  assert.ok(performance.now() - t0 < 3000, "bounded by the timeout");
  assert.equal(r.verdict.ok, false);
  const http = r.results[0]?.steps.find((s) => s.step === "http");
  assert.equal(http?.ok, false);
  assert.match(http?.error ?? "", /ETIMEDOUT|timed out/);
  assert.match(r.verdict.advice.join("\n"), /sent no answer within 400 ms/);
});

test("a TLS server with a self-signed CA: tls step fails and names the CA to add", async () => {
  const r = await runPreflight({ env: env({ GOPROXY: `https://127.0.0.1:${tlsPort}`, GOSUMDB: "off" }), timeoutMs: 3000 });
  assert.equal(r.verdict.ok, false);
  const tls = r.results[0]?.steps.find((s) => s.step === "tls");
  assert.equal(tls?.ok, false);
  assert.match(tls?.error ?? "", /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/);
  assert.match(tls?.ca ?? "", new RegExp(caSubject));
  assert.match(r.verdict.advice.join("\n"), /add that CA to the build image/);
});

test("an HTTP proxy that answers 407: http step fails with advice on credentials", async () => {
  for (const scheme of ["http", "https"]) {
    const r = await runPreflight({
      env: env({ GOPROXY: `${scheme}://modules.goship-corp.invalid`, GOSUMDB: "off", HTTP_PROXY: `http://127.0.0.1:${proxy407}`, HTTPS_PROXY: `http://127.0.0.1:${proxy407}` }),
      timeoutMs: 3000,
    });
    assert.equal(r.verdict.ok, false, scheme);
    const t = r.results[0];
    assert.equal(t?.via.proxy, `http://127.0.0.1:${proxy407}`);
    assert.equal(t?.steps.at(-1)?.error, "407 Proxy Authentication Required", scheme);
    assert.match(r.verdict.advice.join("\n"), /requires authentication \(407\)/);
  }
  // NO_PROXY takes the host out of the proxy's hands.
  const np = await runPreflight({ env: env({ GOPROXY: "http://modules.goship-corp.invalid", GOSUMDB: "off", HTTP_PROXY: `http://127.0.0.1:${proxy407}`, NO_PROXY: ".invalid" }), timeoutMs: 3000 });
  assert.equal(np.results[0]?.via.proxy, null);
  assert.match(np.results[0]?.via.reason ?? "", /NO_PROXY entry ".invalid"/);
});

test("GOPROXY list semantics: ',' stops at a failure, '|' falls through; --try recommends a working proxy", async () => {
  const bad = `http://127.0.0.1:${refused}`;
  const comma = await runPreflight({ env: env({ GOPROXY: `${bad},${healthy.url}`, GOSUMDB: "off" }), moduleDir: GREETER, timeoutMs: 3000 });
  assert.equal(comma.verdict.ok, false);
  assert.match(comma.verdict.walk[0] ?? "", /stops here/);
  const pipe = await runPreflight({ env: env({ GOPROXY: `${bad}|${healthy.url}`, GOSUMDB: "off" }), moduleDir: GREETER, timeoutMs: 3000 });
  assert.equal(pipe.verdict.ok, true);
  assert.equal(pipe.verdict.servedBy, healthy.url);
  assert.match(pipe.verdict.walk[0] ?? "", /falls through/);
  const tried = await runPreflight({ env: env({ GOPROXY: bad, GOSUMDB: "off" }), moduleDir: GREETER, timeoutMs: 3000, tryProxies: [healthy.url] });
  assert.match(tried.verdict.advice.join("\n"), new RegExp(`answers in \\d+ ms: set GOPROXY=${healthy.url.replace(/[.:/]/g, "\\$&")},direct`));
});

test("--emit-sh gives a script that reaches the same verdicts; --k8s-init-container wraps it", async () => {
  // The script is written for busybox: run it with busybox's applets first in PATH.
  const bb = ["/usr/bin/busybox", "/bin/busybox"].find((f) => existsSync(f));
  if (!bb) return console.log("no busybox on this host; script not run");
  const bin = mkdtempSync(join(tmpdir(), "goship-bb-"));
  for (const a of ["wget", "nslookup", "nc", "awk", "grep", "timeout"]) symlinkSync(bb, join(bin, a));
  const run = async (goproxy: string): Promise<{ code: number; out: string }> => {
    const cli = await goship(["preflight", "--emit-sh", "--goproxy", goproxy, "--gosumdb", db.gosumdb, "--timeout", "2000"], { cwd: tmpdir(), env: env({}) });
    assert.equal(cli.code, 0);
    const file = join(mkdtempSync(join(tmpdir(), "goship-sh-")), "preflight.sh");
    writeFileSync(file, cli.stdout);
    // Asynchronously: the lab proxy answering the script lives in this process.
    return new Promise((resolve) => {
      execFile("/bin/sh", [file], { encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH}` }, timeout: 20_000 }, (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : -1;
        resolve({ code, out: stdout + stderr });
      });
    });
  };
  const ok = await run(healthy.url);
  assert.equal(ok.code, 0, ok.out);
  const bad = await run(`http://127.0.0.1:${refused}`);
  assert.equal(bad.code, 1, bad.out);
  const yaml = await goship(["preflight", "--k8s-init-container", "--goproxy", healthy.url], { cwd: tmpdir(), env: env({ GOSUMDB: "off" }) });
  assert.match(yaml.stdout, /^initContainers:\n  - name: goship-preflight\n    image: "busybox:stable"/);
  assert.match(yaml.stdout, /- name: GOPROXY\n        value: "http:\/\/127\.0\.0\.1:\d+"/);
});

test("a bad GOPROXY value is a usage error (exit 2)", async () => {
  const cli = await goship(["preflight", "--goproxy", "ftp://x.example"], { cwd: tmpdir(), env: env({}) });
  assert.equal(cli.code, 2);
  assert.match(cli.stderr, /invalid proxy URL scheme/);
});

/**
 * A loopback module proxy: `/sumdb/<name>/supported` answers `supported`
 * (200, 404 or 500), other `/sumdb/` paths 404; module requests are passed to
 * the lab's healthy proxy (over the host module cache). Records the paths asked.
 */
async function sumdbProxy(supported: number): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  const s = createHttpServer((req, res) => {
    const path = req.url ?? "/";
    asked.push(path);
    if (/^\/sumdb\/[^]+\/supported$/.test(path)) return void res.writeHead(supported).end();
    if (path.startsWith("/sumdb/")) return void res.writeHead(404).end();
    const up = httpRequest(healthy.url + path, (r) => {
      res.writeHead(r.statusCode ?? 502, { "Content-Type": r.headers["content-type"] ?? "application/octet-stream" });
      r.pipe(res);
    });
    up.on("error", () => void res.writeHead(502).end());
    up.end();
  });
  const port = await listen(s);
  closers.push(() => new Promise<void>((r) => s.close(() => r())));
  return { url: `http://127.0.0.1:${port}`, asked };
}

test("the checksum database is reached through a proxy that supports it, else directly (here: a closed loopback port)", async () => {
  const closed = await freePort();
  const name = `127.0.0.1:${closed}`;
  const GOSUMDB = generateNoteKey(name).verifierKey; // a database named after a loopback port nothing listens on
  const yes = await sumdbProxy(200);
  const no = await sumdbProxy(404);
  const broken = await sumdbProxy(500);
  const run = (goproxy: string, gosumdb = GOSUMDB) => runPreflight({ env: env({ GOPROXY: goproxy, GOSUMDB: gosumdb }), moduleDir: GREETER, timeoutMs: 3000 });

  // Supported: the go command uses <proxy>/sumdb/<name> and never dials the database.
  const viaProxy = await run(yes.url);
  assert.equal(viaProxy.verdict.ok, true, viaProxy.verdict.advice.join("\n"));
  assert.deepEqual([viaProxy.verdict.sumdb?.reached, viaProxy.verdict.sumdb?.proxy], ["proxy", yes.url]);
  assert.ok(yes.asked.includes(`/sumdb/${name}/supported`));
  assert.deepEqual(viaProxy.results.map((r) => [r.target.kind, r.target.route ?? "", r.outcome]), [["proxy", "", "ok"], ["sumdb", "proxy", "ok"]], "the database itself is not probed");
  assert.match(formatPreflightText(viaProxy), new RegExp(`the checksum database is reached via the module proxy ${yes.url.replace(/[.:/]/g, "\\$&")}`));
  const doc = JSON.parse(formatPreflightJson(viaProxy)) as { sumdb: { reached: string; how: string; ok: boolean } };
  assert.deepEqual([doc.sumdb.reached, doc.sumdb.ok], ["proxy", true]);
  assert.match(doc.sumdb.how, /^via the module proxy /);

  // 404, then direct: the database itself decides, and it is refused.
  const direct = await run(`${no.url},direct`);
  assert.equal(direct.verdict.ok, false);
  assert.equal(direct.verdict.sumdb?.reached, "direct");
  assert.deepEqual(direct.results.filter((r) => r.target.kind === "sumdb").map((r) => [r.target.probeUrl, r.outcome]), [
    [`${no.url}/sumdb/${name}/supported`, "not-found"],
    [`https://${name}/latest`, "error"],
  ]);
  assert.match(direct.verdict.advice.join("\n"), new RegExp(`the checksum database https://127\\.0\\.0\\.1:${closed}, reached directly: the connection to 127\\.0\\.0\\.1:${closed} was refused`));
  assert.match(formatPreflightText(direct), /FAILS directly \(https:\/\/127\.0\.0\.1:\d+\)/);
  // The same through the CLI: exit 1, and the text says "directly".
  const cli = await goship(["preflight", GREETER, "--timeout", "3000"], { cwd: GREETER, env: env({ GOPROXY: `${no.url},direct`, GOSUMDB }) });
  assert.equal(cli.code, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /✗ sumdb https:\/\/127\.0\.0\.1:\d+ \(directly\)/);

  // 404 then a supporting proxy: the second serves it.
  const second = await run(`${no.url}|${yes.url}`);
  assert.deepEqual([second.verdict.ok, second.verdict.sumdb?.proxy], [true, yes.url]);

  // 500 after ",": the go command stops at that proxy, asking neither the next one nor the database.
  const before = yes.asked.length;
  const stopped = await run(`${broken.url},${yes.url}`);
  assert.equal(stopped.verdict.ok, false);
  assert.deepEqual([stopped.verdict.sumdb?.reached, stopped.verdict.sumdb?.url], [null, `${broken.url}/sumdb/${name}/supported`]);
  assert.equal(yes.asked.slice(before).some((p) => p.startsWith("/sumdb/")), false);
  assert.equal(stopped.results.some((r) => r.target.route === "direct"), false);
  assert.match(stopped.verdict.advice.join("\n"), new RegExp(`${broken.url.replace(/[.:/]/g, "\\$&")}/sumdb/.*/supported failed \\(HTTP 500\\)`));

  // GOSUMDB with a URL: no proxy is asked, even one that supports the database.
  const asked = yes.asked.length;
  const named = await run(yes.url, `${GOSUMDB} http://127.0.0.1:${closed}`);
  assert.equal(named.verdict.ok, false);
  assert.equal(named.verdict.sumdb?.reached, "direct");
  assert.equal(yes.asked.slice(asked).some((p) => p.startsWith("/sumdb/")), false);
  assert.match(named.verdict.advice.join("\n"), /was refused/);
});

test("differential: the go command reaches the checksum database the way preflight says (proxy, directly, or stopped)", async () => {
  const closed = await freePort();
  const name = `127.0.0.1:${closed}`;
  const GOSUMDB = generateNoteKey(name).verifierKey;
  const yes = await sumdbProxy(200);
  const no = await sumdbProxy(404);
  const broken = await sumdbProxy(500);
  const work = mkdtempSync(join(tmpdir(), "goship-sumdb-route-"));
  writeFileSync(join(work, "go.mod"), "module example.com/route\n\ngo 1.21\n");
  // The go command, with empty caches, downloading a module go.sum does not list: it must consult the database.
  const goDownload = (goproxy: string, gopath: string): Promise<string> =>
    new Promise((resolve) => {
      const e = { ...env({ GOPROXY: goproxy, GOSUMDB, GOPATH: join(work, gopath), GOMODCACHE: join(work, gopath, "mod"), GOCACHE: join(work, gopath, "cache"), GOTOOLCHAIN: "local", GOINSECURE: "" }) };
      execFile("go", ["mod", "download", "github.com/google/uuid@v1.6.0"], { cwd: work, env: e as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 }, (_err, stdout, stderr) => resolve(stdout + stderr));
    });
  // Includes the subtle one: after "|" a failure stands over a later 404 (TryProxies ranks errors). ("<broken>|direct" is left to
  // the pure tests: there the go command's module fetch itself falls through to git, which cannot run here.)
  const cases: [string, { asked: string[] }][] = [[yes.url, yes], [`${no.url},direct`, no], [broken.url, broken], [`${broken.url}|${no.url}`, broken]];
  for (const [i, [goproxy, server]] of cases.entries()) {
    const pre = await runPreflight({ env: env({ GOPROXY: goproxy, GOSUMDB }), moduleDir: GREETER, timeoutMs: 3000 });
    const from = server.asked.length;
    const out = await goDownload(goproxy, `gopath${i}`);
    const dbPaths = server.asked.slice(from).filter((p) => p.startsWith(`/sumdb/${name}/`) && !p.endsWith("/supported"));
    const go = dbPaths.length > 0 ? "proxy" : out.includes(`https://${name}/`) && /connection refused/.test(out) ? "direct" : /\/supported: 500 Internal Server Error/.test(out) ? null : "unknown";
    assert.equal(pre.verdict.sumdb?.reached, go, `${goproxy}: the go command said:\n${out}`);
    assert.ok(server.asked.slice(from).includes(`/sumdb/${name}/supported`), "the go command asked the proxy first");
  }
});

test("--emit-sh finds the checksum database the same way: through a supporting proxy, else directly", async () => {
  const bb = ["/usr/bin/busybox", "/bin/busybox"].find((f) => existsSync(f));
  if (!bb) return console.log("no busybox on this host; script not run");
  const bin = mkdtempSync(join(tmpdir(), "goship-bb-"));
  for (const a of ["wget", "nslookup", "nc", "awk", "grep", "timeout"]) symlinkSync(bb, join(bin, a));
  const closed = await freePort();
  const GOSUMDB = generateNoteKey(`127.0.0.1:${closed}`).verifierKey;
  const yes = await sumdbProxy(200);
  const no = await sumdbProxy(404);
  const run = async (goproxy: string): Promise<{ code: number; out: string }> => {
    const cli = await goship(["preflight", "--emit-sh", "--goproxy", goproxy, "--gosumdb", GOSUMDB, "--timeout", "2000"], { cwd: tmpdir(), env: env({}) });
    assert.equal(cli.code, 0, cli.stderr);
    const file = join(mkdtempSync(join(tmpdir(), "goship-sh-")), "preflight.sh");
    writeFileSync(file, cli.stdout);
    return new Promise((resolve) => {
      execFile("/bin/sh", [file], { encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH}` }, timeout: 20_000 }, (err, stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1, out: stdout + stderr });
      });
    });
  };
  const via = await run(yes.url);
  assert.equal(via.code, 0, via.out);
  assert.match(via.out, new RegExp(`checksum database 127\\.0\\.0\\.1:${closed}: via the module proxy ${yes.url.replace(/[.:/]/g, "\\$&")}`));
  const direct = await run(`${no.url},direct`);
  assert.equal(direct.code, 1, direct.out);
  assert.match(direct.out, /checksum database https:\/\/127\.0\.0\.1:\d+ \(directly\) -> 000/);
});
