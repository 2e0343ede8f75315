/**
 * goship preflight against servers on loopback: a name under the reserved
 * .invalid TLD, a refused port, a blackhole (accepts, never answers) with a
 * short timeout, a TLS server whose chain ends at a self-signed CA
 * (generated with openssl), an HTTP proxy that answers 407, and a healthy
 * module proxy (the lab's, over the host module cache) with a checksum
 * database; plus the GOPROXY list semantics ("," stops, "|" falls through),
 * the --try advice, --emit-sh run by /bin/sh, and the exit codes.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer } from "node:tls";
import { after, before, test } from "node:test";
import { runPreflight } from "../../src/preflight/run-preflight.js";
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";
import { freePort } from "../lab/free-port.js";
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
