import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "goship-cli-"));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const MASKED = "FROM golang:1.22 AS build\nRUN go mod download || true\nFROM scratch\nUSER 65532\n";

async function ruleIds(args: string[], cwd: string): Promise<string[]> {
  const r = await goship([...args, "-f", "json"], { cwd });
  return (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
}

test("exit 1 with findings at or above the threshold, 0 below it", async () => {
  const cwd = project({ Dockerfile: MASKED });
  const r = await goship(["lint"], { cwd });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /2:21 +error GS301/);
  assert.equal((await goship(["lint", "--failure-threshold", "none"], { cwd })).code, 0);
  const clean = project({ Dockerfile: "FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT [\"/app\"]\n" });
  assert.equal((await goship(["lint", "--failure-threshold", "warning"], { cwd: clean })).code, 0);
});

test("discovers Dockerfiles below the folder and skips vendor/ and node_modules/", async () => {
  const cwd = project({
    "svc/a/Dockerfile": MASKED,
    "svc/b/build.Dockerfile": MASKED,
    "Dockerfile.dev": MASKED,
    "vendor/x/Dockerfile": MASKED,
    "node_modules/y/Dockerfile": MASKED,
    "svc/a/Dockerfile.dockerignore": "*\n",
  });
  const r = await goship(["lint", "-f", "json"], { cwd });
  const doc = JSON.parse(r.stdout) as { files: string[] };
  assert.deepEqual(doc.files, ["Dockerfile.dev", "svc/a/Dockerfile", "svc/b/build.Dockerfile"]);
});

test("a syntax error names file:line:col and exits 2 without a report of that file", async () => {
  const cwd = project({ Dockerfile: "FROM golang:1.22\nCOPY onlyone\n" });
  const r = await goship(["lint"], { cwd });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: Dockerfile:2:1: .*COPY requires at least two arguments/m);
  assert.doesNotMatch(r.stdout, /no findings/);
});

test("stdin input, a missing path and a bad flag are usage errors with clear messages", async () => {
  const cwd = project({});
  const s = await goship(["lint", "-", "--stdin-filename", "svc.Dockerfile"], { cwd, stdin: MASKED });
  assert.equal(s.code, 1);
  assert.match(s.stdout, /^svc\.Dockerfile$/m);
  const missing = await goship(["lint", "nope/Dockerfile"], { cwd });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\/Dockerfile: no such file or directory/);
  const bad = await goship(["lint", "--format", "xml"], { cwd });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /argument 'xml' is invalid/);
  const none = await goship(["lint"], { cwd });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no Dockerfile found/);
});

test("pragmas and .goship.yaml silence rules; a bad config key is reported at its line", async () => {
  assert.ok((await ruleIds(["lint"], project({ Dockerfile: MASKED }))).includes("GS301"));
  const cwd = project({
    Dockerfile: "FROM golang:1.22 AS build\n# goship ignore=GS301\nRUN go mod download || true\nFROM scratch\nUSER 65532\n",
  });
  assert.ok(!(await ruleIds(["lint"], cwd)).includes("GS301"));
  const cfg = project({ Dockerfile: MASKED, ".goship.yaml": "lint:\n  ignore: [GS301]\n" });
  assert.ok(!(await ruleIds(["lint"], cfg)).includes("GS301"));
  const sev = project({ Dockerfile: MASKED, ".goship.yaml": "lint:\n  severity:\n    GS301: off\n  failureThreshold: error\n" });
  assert.ok(!(await ruleIds(["lint"], sev)).includes("GS301"));
  const info = project({ Dockerfile: MASKED, ".goship.yaml": "lint:\n  severity:\n    GS301: info\n" });
  const ri = await goship(["lint", "-f", "json"], { cwd: info });
  assert.equal((JSON.parse(ri.stdout) as { findings: { ruleId: string; severity: string }[] }).findings.find((f) => f.ruleId === "GS301")?.severity, "info");
  const bad = project({ Dockerfile: MASKED, ".goship.yaml": "lint:\n  ignore: [GS301]\n  failure_threshold: error\n" });
  const r = await goship(["lint"], { cwd: bad });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.goship\.yaml:3:3: unknown key "failure_threshold" in lint \(did you mean "failureThreshold"\?\)/);
});

test("hadolint pragmas silence the GS rule that covers the DL code", async () => {
  const cwd = project({ Dockerfile: "# hadolint ignore=DL3002\nFROM alpine:3.20\nUSER root\n" });
  const r = await goship(["lint", "-f", "json"], { cwd });
  const doc = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
  assert.equal(doc.findings.filter((f) => f.ruleId === "GS401").length, 1, "a pragma covers only the next instruction");
  const g = project({ Dockerfile: "# hadolint global ignore=DL3002\nFROM alpine:3.20\nUSER root\n" });
  const doc2 = JSON.parse((await goship(["lint", "-f", "json"], { cwd: g })).stdout) as { findings: { ruleId: string }[] };
  assert.equal(doc2.findings.filter((f) => f.ruleId === "GS401").length, 0);
});

test("--output writes the report atomically and --explain prints the doc page", async () => {
  const cwd = project({ Dockerfile: MASKED });
  const r = await goship(["lint", "-f", "sarif", "-o", "out.sarif"], { cwd });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  assert.equal((JSON.parse(readFileSync(join(cwd, "out.sarif"), "utf8")) as { version: string }).version, "2.1.0");
  assert.deepEqual(readdirSync(cwd).filter((f) => f.endsWith(".tmp")), []);
  const e = await goship(["lint", "--explain", "gs301"], { cwd });
  assert.equal(e.code, 0);
  assert.match(e.stdout, /^# GS301: /);
  assert.equal((await goship(["lint", "--explain", "GS999"], { cwd })).code, 2);
});

test("colour only on a TTY and never with NO_COLOR", async () => {
  const cwd = project({ Dockerfile: MASKED });
  assert.doesNotMatch((await goship(["lint"], { cwd })).stdout, /\u001b\[/);
  assert.match((await goship(["lint"], { cwd, tty: true })).stdout, /\u001b\[/);
  assert.doesNotMatch((await goship(["lint"], { cwd, tty: true, env: { NO_COLOR: "1" } })).stdout, /\u001b\[/);
});

test("the installed binary: --help, --version, and no stack trace on bad input", () => {
  const bin = join(ROOT, "bin", "goship.js");
  const help = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  assert.match(help, /Usage: goship/);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  assert.equal(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim(), pkg.version);
  const cwd = project({ Dockerfile: "FROM\n" });
  const r = spawnSync(process.execPath, [bin, "lint"], { cwd, encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.ok(existsSync(join(cwd, "Dockerfile")));
});

test("--fix applies safe fixes atomically and the file re-lints clean of them; --dry-run only prints the diff", async () => {
  const before = "FROM golang:1.22 as build\nrun go build -o /app .\nFROM scratch\nMAINTAINER dev@example.com\nCOPY --from=build /app /app\nUSER 65532\nENTRYPOINT /app\n";
  const cwd = project({ Dockerfile: before });
  const fixable = ["GS604", "GS605", "GS609", "GS612"];
  const ids = await ruleIds(["lint"], cwd);
  for (const id of fixable) assert.ok(ids.includes(id), `${id} fires before fixing`);

  const dry = await goship(["lint", "--fix", "--dry-run"], { cwd });
  assert.match(dry.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ /m);
  assert.match(dry.stdout, /^-FROM golang:1\.22 as build\n-run go build -o \/app \.\n\+FROM golang:1\.22 AS build\n\+RUN go build -o \/app \.$/m);
  assert.match(dry.stdout, /^\+ENTRYPOINT \["\/app"\]$/m);
  assert.equal(readFileSync(join(cwd, "Dockerfile"), "utf8"), before, "--dry-run writes nothing");

  const fixed = await goship(["lint", "--fix"], { cwd });
  assert.match(fixed.stderr, /fixed \d+ findings/);
  const after = readFileSync(join(cwd, "Dockerfile"), "utf8");
  assert.match(after, /^FROM golang:1\.22 AS build$/m);
  assert.match(after, /^LABEL org\.opencontainers\.image\.authors="dev@example\.com"$/m);
  assert.deepEqual(readdirSync(cwd).filter((f) => f.endsWith(".tmp")), []);
  const left = await ruleIds(["lint"], cwd);
  for (const id of fixable) assert.ok(!left.includes(id), `${id} still fires after --fix`);
});
