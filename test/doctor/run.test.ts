/**
 * `goship run` end to end, as a child process: exit codes (0, 1, 137, any
 * other code kept, 127 when the command cannot start), SIGTERM/SIGINT
 * forwarding, 100 MB of output passed through with nothing lost or reordered,
 * and a masked failure (exit 0 with GD2xx) turned into exit 1 unless
 * --no-fail-on-masked.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "../support/paths.js";

const BIN = join(ROOT, "bin", "goship.js");

interface Ran {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function goshipRun(args: readonly string[], onStdout?: (chunk: Buffer, child: ReturnType<typeof spawn>) => void): Promise<Ran> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [BIN, "run", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out.push(c);
      onStdout?.(c, child);
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("close", (code) => res({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

const node = (script: string): string[] => ["--", process.execPath, "-e", script];

const MASKED = [
  "#5 [build 3/5] RUN go mod download || true",
  '#5 0.210 go: github.com/google/uuid@v1.6.0: Get \\"http://goproxy.corp.invalid/github.com/google/uuid/@v/v1.6.0.mod\\": dial tcp: lookup goproxy.corp.invalid: no such host',
  "#5 DONE 0.3s",
].join("\\n");

describe("goship run", () => {
  it("passes output through and keeps exit codes 0, 1, 3 and 137", async () => {
    const ok = await goshipRun(node("process.stdout.write('hello\\n'); process.stderr.write('progress\\n')"));
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout.toString(), "hello\n");
    assert.match(ok.stderr, /^progress\n/);
    assert.equal((await goshipRun(node("process.exit(1)"))).code, 1);
    assert.equal((await goshipRun(node("process.exit(3)"))).code, 3);
    const killed = await goshipRun(node("process.kill(process.pid, 'SIGKILL')"));
    assert.equal(killed.code, 137);
    const missing = await goshipRun(["--", "/nonexistent/goship-test-command"]);
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /cannot start/);
  });

  it("forwards SIGTERM and SIGINT to the command", async () => {
    const term = await goshipRun(node("process.on('SIGTERM', () => { console.log('got TERM'); process.exit(42) }); console.log('ready'); setInterval(() => {}, 1000)"), (c, child) => {
      if (c.toString().includes("ready")) child.kill("SIGTERM");
    });
    assert.equal(term.code, 42);
    assert.match(term.stdout.toString(), /got TERM/);
    // No newline: the partial line must reach us while the command runs (no line buffering).
    const int = await goshipRun(node("process.stdout.write('ready'); setInterval(() => {}, 1000)"), (c, child) => {
      if (c.toString().includes("ready")) child.kill("SIGINT");
    });
    assert.equal(int.code, 130, "killed by SIGINT: 128 + 2");
  });

  it("passes 100 MB through byte for byte, in order", async () => {
    // 100 MiB of numbered lines, written in uneven chunks; some stderr too.
    const script = `
      const total = 100 * 1024 * 1024; let n = 0, sent = 0;
      function more() {
        while (sent < total) {
          let s = ""; while (s.length < 65000 + (n % 7) * 1000) s += "line " + (n++) + " go: downloading example.com/m" + n + " v1.0.0\\n";
          if (sent + s.length > total) s = s.slice(0, total - sent);
          sent += s.length;
          if (n % 500 === 0) process.stderr.write("progress " + n + "\\n");
          if (!process.stdout.write(s)) { process.stdout.once("drain", more); return; }
        }
      }
      more();`;
    const expected = createHash("sha256");
    {
      const total = 100 * 1024 * 1024;
      let n = 0;
      let sent = 0;
      while (sent < total) {
        let s = "";
        while (s.length < 65000 + (n % 7) * 1000) s += "line " + n++ + " go: downloading example.com/m" + n + " v1.0.0\n";
        if (sent + s.length > total) s = s.slice(0, total - sent);
        sent += s.length;
        expected.update(s);
      }
    }
    const t0 = Date.now();
    const r = await goshipRun(node(script));
    console.log(`100 MiB through goship run in ${Date.now() - t0} ms`);
    assert.equal(r.code, 0, r.stderr.slice(-500));
    assert.equal(r.stdout.length, 100 * 1024 * 1024);
    assert.equal(createHash("sha256").update(r.stdout).digest("hex"), expected.digest("hex"));
  });

  it("turns a masked failure into exit 1, unless --no-fail-on-masked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-run-"));
    const json = join(dir, "doctor.json");
    const masked = await goshipRun(["--json", json, ...node(`process.stderr.write("${MASKED}\\n")`)]);
    assert.equal(masked.code, 1);
    assert.match(masked.stderr, /GD201/);
    assert.match(masked.stderr, /exited 0 but masked a failure/);
    const doc = JSON.parse(readFileSync(json, "utf8")) as { exitCode: number; findings: { id: string }[] };
    assert.equal(doc.exitCode, 0);
    assert.deepEqual(doc.findings.map((f) => f.id), ["GD101", "GD201", "GD202"]);
    const allowed = await goshipRun(["--no-fail-on-masked", ...node(`process.stderr.write("${MASKED}\\n")`)]);
    assert.equal(allowed.code, 0);
    // A failing command keeps its own code even with findings.
    assert.equal((await goshipRun(node(`process.stderr.write("${MASKED}\\n"); process.exit(5)`))).code, 5);
  });
});
