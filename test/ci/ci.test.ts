import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { PINS } from "../../src/ci/index.js";
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";
import { goshipCalls, unknownGoshipUses } from "./goship-calls.js";
import { compileSchema, schemaErrors, SCHEMAS } from "./schemas.js";

type Job = { permissions?: Record<string, string>; steps?: Record<string, unknown>[]; "timeout-minutes"?: number; needs?: string; if?: string };
type Workflow = { permissions: Record<string, string>; concurrency?: unknown; jobs: Record<string, Job> };

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm;

async function generate(target: string, dir: string): Promise<string> {
  const r = await goship(["ci", target, "--stdout", "--dir", dir], { cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "goship-ci-"));
  cpSync(join(ROOT, "examples", name), dir, { recursive: true });
  return dir;
}

for (const example of ["greeter", "multi"]) {
  test(`ci github: the workflow for examples/${example} is valid, pinned and least-privilege`, async () => {
    const text = await generate("github", join("examples", example));
    const wf = parse(text) as Workflow;
    assert.deepEqual(schemaErrors(SCHEMAS.githubWorkflow, wf), []);

    // Every uses: is owner/repo[/path]@<40 hex> # vX.Y.Z, and the SHA is the pinned one of that tag.
    const uses = [...text.matchAll(USES_LINE)];
    assert.ok(uses.length >= 8, `only ${uses.length} uses:`);
    for (const [, ref, rest] of uses) {
      assert.match(ref!, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `unpinned: ${ref}`);
      const pin = Object.values(PINS).find((p) => ref === `${p.uses}@${p.sha}`);
      assert.ok(pin, `not one of the pins: ${ref}`);
      assert.equal(rest!.trim(), `# ${pin.version}`);
      assert.match(pin.version, /^v\d+\.\d+\.\d+$/);
    }

    assert.deepEqual(wf.permissions, { contents: "read" });
    assert.ok(wf.concurrency, "concurrency group");
    const jobs = Object.entries(wf.jobs);
    const audits = jobs.filter(([id]) => id.startsWith("audit"));
    const builds = jobs.filter(([id]) => id.startsWith("build"));
    assert.equal(audits.length, 1);
    assert.equal(builds.length, 1);
    for (const [id, job] of jobs) {
      assert.ok(typeof job["timeout-minutes"] === "number" && job["timeout-minutes"] <= 60, `${id}: timeout-minutes`);
      const perms = job.permissions ?? {};
      assert.equal(perms.contents, "read", `${id}: contents read`);
      for (const step of job.steps ?? []) {
        if (String(step.uses ?? "").startsWith("actions/checkout@")) assert.deepEqual(step.with, { "persist-credentials": false }, `${id}: checkout`);
        // No workflow expression is expanded inside a shell script.
        if (typeof step.run === "string") assert.doesNotMatch(step.run, /\$\{\{/, `${id}: expression in run`);
      }
    }
    for (const [id, job] of audits) {
      assert.deepEqual(job.permissions, { contents: "read", "security-events": "write" }, id);
      const runs = (job.steps ?? []).map((s) => String(s.run ?? "")).join("\n");
      assert.match(runs, /goship@\$\{GOSHIP_VERSION\}" secrets /);
      assert.match(runs, /goship@\$\{GOSHIP_VERSION\}" audit .* --sarif goship-audit\.sarif/);
      assert.equal((job.steps ?? []).find((s) => s.id === "audit")?.if, "${{ !cancelled() }}", "audit runs after a failed secret scan");
      const uploads = (job.steps ?? []).filter((s) => String(s.uses ?? "").startsWith("github/codeql-action/upload-sarif@"));
      assert.deepEqual(uploads.map((s) => (s.with as Record<string, string>).sarif_file), ["goship-secrets.sarif", "goship-audit.sarif"]);
      assert.ok((job.steps ?? []).some((s) => String(s.uses ?? "").startsWith("actions/cache@")), "npm cache");
      assert.ok((job.steps ?? []).some((s) => String(s.uses ?? "").startsWith("actions/setup-go@") && (s.with as Record<string, unknown>).cache === true), "go cache");
    }
    for (const [id, job] of builds) {
      assert.deepEqual(job.permissions, { contents: "read", packages: "write", "id-token": "write" }, id);
      assert.equal(job.if, "github.event_name == 'push'");
      assert.match(String(job.needs), /^audit/);
    }
    // The Go version comes from go.mod.
    const goMod = readFileSync(join(ROOT, "examples", example, "go.mod"), "utf8");
    const goVersion = /^go (\S+)$/m.exec(goMod)![1]!;
    assert.ok(jobs.every(([, j]) => (j.steps ?? []).some((s) => (s.with as Record<string, unknown> | undefined)?.["go-version"] === goVersion)));
    // The build job builds every main package.
    const buildRun = (builds[0]![1].steps ?? []).map((s) => String(s.run ?? "")).find((r) => r.includes(" build "))!;
    const mains = example === "multi" ? ["./cmd/api", "./cmd/worker"] : ["."];
    assert.ok(buildRun.trimEnd().endsWith(mains.join(" ")), buildRun);
  });

  test(`ci gitlab: the pipeline for examples/${example} validates against GitLab's CI schema`, async () => {
    const text = await generate("gitlab", join("examples", example));
    const pipeline = parse(text) as Record<string, Record<string, unknown>>;
    assert.deepEqual(schemaErrors(SCHEMAS.gitlabCi, pipeline), []);
    const audit = pipeline["goship-audit"]!;
    assert.deepEqual((audit.artifacts as Record<string, unknown>).reports, { codequality: "gl-code-quality-report.json" });
    assert.ok(pipeline["goship-build"], "build job");
  });
}

test("ci: only sub-commands and flags goship has are used by the generated files", async () => {
  const scripts: string[] = [];
  for (const target of ["github", "gitlab"]) {
    const doc = parse(await generate(target, "examples/multi")) as unknown;
    JSON.stringify(doc, (k, v: unknown) => {
      if ((k === "run" || k === "script" || k === "before_script") && v) scripts.push(Array.isArray(v) ? v.join("\n") : String(v));
      return v;
    });
  }
  const calls = goshipCalls(scripts.join("\n"));
  assert.deepEqual([...new Set(calls.map((c) => c.command))].sort(), ["audit", "build", "ci", "secrets"]);
  assert.deepEqual(await unknownGoshipUses(calls), []);
});

test("ci github: the schema rejects a broken workflow (the validation can fail)", async () => {
  const wf = parse(await generate("github", "examples/greeter")) as Workflow;
  (wf.jobs.audit as Record<string, unknown>)["runs-on"] = undefined;
  delete (wf.jobs.audit as Record<string, unknown>)["runs-on"];
  (wf.jobs.audit as Record<string, unknown>).permissions = { "security-events": "admin" };
  assert.ok(schemaErrors(SCHEMAS.githubWorkflow, wf).length > 0);
  for (const f of [SCHEMAS.githubWorkflow, SCHEMAS.githubAction, SCHEMAS.preCommitHooks]) assert.deepEqual(compileSchema(f).ignoredFormats, [], f);
  const { ignoredFormats } = compileSchema(SCHEMAS.gitlabCi);
  assert.ok(ignoredFormats.every((w) => /unknown format "(uri|uri-reference|date-time|regex)" ignored/.test(w)), ignoredFormats.join("\n"));
});

test("ci github: writes atomically, refuses to overwrite without --force, --check exits 1 on drift", async () => {
  const dir = copyExample("greeter");
  try {
    const wfPath = join(dir, ".github", "workflows", "goship.yml");
    let r = await goship(["ci", "github", "--check"], { cwd: dir });
    assert.equal(r.code, 1, "missing file is drift");
    assert.match(r.stderr, /does not exist/);
    r = await goship(["ci", "github"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const first = readFileSync(wfPath, "utf8");
    assert.equal(first, await generate("github", dir));
    r = await goship(["ci", "github", "--check"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    r = await goship(["ci", "github"], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /unchanged/);

    writeFileSync(wfPath, first.replace("timeout-minutes: 15", "timeout-minutes: 90"));
    r = await goship(["ci", "github", "--check"], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^-\s+timeout-minutes: 90$/m);
    assert.match(r.stdout, /^\+\s+timeout-minutes: 15$/m);
    r = await goship(["ci", "github"], { cwd: dir });
    assert.equal(r.code, 1, "refuses");
    assert.match(r.stderr, /use --force/);
    assert.match(readFileSync(wfPath, "utf8"), /timeout-minutes: 90/);
    r = await goship(["ci", "github", "--force"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(wfPath, "utf8"), first);
    assert.deepEqual(readdirSync(join(dir, ".github", "workflows")), ["goship.yml"], "no temporary file left behind");

    // go.mod drives the Go version: a bump is drift.
    writeFileSync(join(dir, "go.mod"), readFileSync(join(dir, "go.mod"), "utf8").replace(/^go .*$/m, "go 1.26.0\n\ntoolchain go1.26.3"));
    r = await goship(["ci", "github", "--check"], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^\+\s+go-version: "?1\.26\.3"?$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ci: bad input exits 2 and writes nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-ci-empty-"));
  try {
    let r = await goship(["ci", "github"], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no go\.mod/);
    r = await goship(["ci", "jenkins"], { cwd: dir });
    assert.equal(r.code, 2);
    writeFileSync(join(dir, "go.mod"), "module x\n\ngo 1.26\nrequire (\n");
    r = await goship(["ci", "github"], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /go\.mod:\d+/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    r = await goship(["ci", "codequality"], { cwd: dir });
    assert.equal(r.code, 2);
    assert.deepEqual(readdirSync(dir), ["go.mod"], "nothing written");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ci github: one audit job per module of a go.work, no build job for a cgo module", async () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-ci-work-"));
  try {
    cpSync(join(ROOT, "examples", "multi"), join(dir, "services", "multi"), { recursive: true });
    cpSync(join(ROOT, "examples", "cgo"), join(dir, "tools", "cgo"), { recursive: true });
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", "go.mod"), "module example.com/lib\n\ngo 1.25\n");
    writeFileSync(join(dir, "lib", "lib.go"), "package lib\n");
    writeFileSync(join(dir, "go.work"), "go 1.26\n\nuse (\n\t./services/multi\n\t./tools/cgo\n\t./lib\n)\n");
    const wf = parse(await generate("github", dir)) as Workflow;
    assert.deepEqual(schemaErrors(SCHEMAS.githubWorkflow, wf), []);
    assert.deepEqual(Object.keys(wf.jobs), ["audit-lib", "audit-services-multi", "build-services-multi", "audit-tools-cgo"]);
    const lib = wf.jobs["audit-lib"]!.steps!.find((s) => String(s.uses).startsWith("actions/setup-go@"))!;
    assert.deepEqual(lib.with, { "go-version": "1.25", cache: false });
    const gl = parse(await generate("gitlab", dir)) as Record<string, unknown>;
    assert.deepEqual(schemaErrors(SCHEMAS.gitlabCi, gl), []);
    assert.deepEqual(Object.keys(gl).filter((k) => k.startsWith("goship-")), ["goship-audit-lib", "goship-audit-services-multi", "goship-build-services-multi", "goship-audit-tools-cgo"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ci codequality: goship lint's SARIF becomes a GitLab Code Quality report", async () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-ci-cq-"));
  try {
    writeFileSync(join(dir, "Dockerfile"), "FROM golang:latest\nRUN go build -o /app . || true\nCMD [\"/app\"]\n");
    let r = await goship(["lint", "--format", "sarif", "-o", "lint.sarif", "Dockerfile"], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(readFileSync(join(dir, "lint.sarif"), "utf8")) as { runs: { results: { ruleId: string; level: string }[] }[] };
    const results = sarif.runs[0]!.results;
    assert.ok(results.length >= 2);
    r = await goship(["ci", "codequality", "lint.sarif", "-o", "cq.json"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const issues = JSON.parse(readFileSync(join(dir, "cq.json"), "utf8")) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    assert.equal(issues.length, results.length);
    assert.deepEqual(issues.map((i) => i.check_name), results.map((x) => x.ruleId));
    const sev: Record<string, string> = { error: "critical", warning: "major", note: "minor", none: "info" };
    assert.deepEqual(issues.map((i) => i.severity), results.map((x) => sev[x.level]));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.ok(issues.every((i) => i.location.path.endsWith("Dockerfile") && i.location.lines.begin >= 1));
    assert.ok(issues.some((i) => i.check_name === "GS301" && i.location.lines.begin === 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
