/**
 * `goship doctor` end to end, in-process: exit codes (0 green, 1 error found,
 * 2 unreadable input), the JSON schema, SARIF and GitHub annotations,
 * redaction in every format, gzip input, --dockerfile linking, --format-in,
 * --failure-threshold and --explain.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

const LOGS = join(ROOT, "test", "fixtures", "logs");
const cwd = LOGS;

describe("goship doctor", () => {
  it("exits 1 and names the root cause for a failed build", async () => {
    const r = await goship(["doctor", "lab/dns.buildkit-plain.log"], { cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /error GD101 host not resolvable/);
    assert.match(r.stdout, /\[builder 4\/6\] RUN go mod download/);
    assert.match(r.stdout, /^\s+47 \| #10 0\.\d+ go: github\.com\/google\/uuid@v1\.6\.0: Get/m);
    assert.match(r.stdout, /fix: /);
  });

  it("exits 0 for a green build", async () => {
    const r = await goship(["doctor", "lab/green.buildkit-plain.log", "lab/green.legacy.log"], { cwd });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /no problem found/);
  });

  it("exits 2 for unreadable input, after reporting the readable ones", async () => {
    const r = await goship(["doctor", "no-such.log", "lab/green.buildkit-plain.log"], { cwd });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such\.log: no such file or directory/);
    assert.match(r.stdout, /green\.buildkit-plain\.log/);
    const bad = join(mkdtempSync(join(tmpdir(), "goship-doctor-")), "bad.gz");
    writeFileSync(bad, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not gzip at all")]));
    assert.equal((await goship(["doctor", bad], { cwd })).code, 2);
  });

  it("prints the documented JSON schema", async () => {
    const r = await goship(["doctor", "-f", "json", "hand/gitlab-legacy-407-pipe.log"], { cwd });
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout) as {
      version: number;
      builder: string;
      ci: string;
      exitCode: number;
      steps: { key: string; status: string }[];
      findings: { id: string; severity: string; step: { instruction: string } | null; evidence: { line: number; text: string }[]; cause: string; fix: string; causedBy?: string }[];
    };
    assert.equal(doc.version, 1);
    assert.equal(doc.builder, "legacy");
    assert.equal(doc.ci, "gitlab");
    assert.equal(doc.exitCode, 1);
    assert.ok(doc.steps.length >= 6);
    assert.deepEqual(doc.findings.map((f) => [f.id, f.causedBy ?? null]), [["GD105", null], ["GD201", "GD105"], ["GD110", "GD105"]]);
    const first = doc.findings[0];
    assert.ok(first !== undefined && first.step !== null);
    assert.match(first.step.instruction, /go mod download 2>&1 \| tee/);
    assert.equal(first.evidence[0]?.line, 17);
    assert.match(first.cause, /407/);
  });

  it("redacts credentials in every output format", async () => {
    for (const f of ["text", "json", "sarif", "github"]) {
      const r = await goship(["doctor", "-f", f, "hand/github-buildx-dns.log"], { cwd });
      assert.equal(r.code, 1);
      assert.ok(!r.stdout.includes("hunter2hunter2"), `${f} leaks the password`);
      if (f === "text" || f === "json") assert.match(r.stdout, /ci-bot:hunt\*\*\*\*@/);
    }
  });

  it("SARIF and GitHub annotations point at the Dockerfile line with --dockerfile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-doctor-"));
    const df = join(dir, "Dockerfile");
    // The Dockerfile of the lab scenarios (scripts/gen-doctor-logs.mjs).
    writeFileSync(df, "FROM golang:1.26 AS builder\nWORKDIR /src\nARG GOPROXY\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY *.go ./\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=builder /out/app /app\n");
    for (const log of ["lab/dns.buildkit-plain.log", "lab/dns.legacy.log", "lab/dns.buildah.log", "lab/dns.buildkit-rawjson.log"]) {
      const gh = await goship(["doctor", "-f", "github", "--dockerfile", df, log], { cwd });
      assert.match(gh.stdout, new RegExp(`^::error file=${df.replace(/[/.]/g, "\\$&")},line=5,title=GD101::GD101 `, "m"), `${log}: ${gh.stdout}`);
    }
    const sarif = JSON.parse((await goship(["doctor", "-f", "sarif", "lab/dns.legacy.log"], { cwd })).stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.runs[0]?.results[0]?.ruleId, "GD101");
  });

  it("reads gzip and honours --format-in and --failure-threshold", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-doctor-"));
    const gz = join(dir, "build.log.gz");
    writeFileSync(gz, gzipSync(readFileSync(join(LOGS, "hand/cache-rerun.buildkit-plain.log"))));
    const info = await goship(["doctor", gz], { cwd });
    assert.equal(info.code, 0, "GD302 is info: below the default threshold");
    assert.match(info.stdout, /GD302/);
    assert.equal((await goship(["doctor", "--failure-threshold", "info", gz], { cwd })).code, 1);
    const forced = await goship(["doctor", "-f", "json", "--format-in", "legacy", "lab/dns.buildkit-plain.log"], { cwd });
    assert.equal((JSON.parse(forced.stdout) as { builder: string }).builder, "legacy");
  });

  it("reads stdin and explains diagnoses", async () => {
    const r = await goship(["doctor"], { cwd, stdin: readFileSync(join(LOGS, "lab/dns.legacy.log"), "utf8") });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /<stdin>: docker legacy builder/);
    const ex = await goship(["doctor", "--explain", "gd109"], { cwd });
    assert.equal(ex.code, 0);
    assert.match(ex.stdout, /^# GD109/);
    assert.equal((await goship(["doctor", "--explain", "GD999"], { cwd })).code, 2);
    const list = await goship(["doctor", "--list-diagnoses"], { cwd });
    assert.equal(list.stdout.trim().split("\n").length, 23);
  });
});
