/**
 * `goship context` and `goship secrets` end to end, in-process: totals and
 * flags, --json, --fix --dry-run (diff, nothing written), --fix (atomic write,
 * then nothing left to add), --check, and secrets exit codes and redaction.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { goship } from "../support/cli.js";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "goship-ctxcli-"));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const TOKEN = "ghp_Q8vXr2LmN4pZ6tY0wK3jH5gF7dS9aB1cE2uI";

test("goship context lists, flags and fixes", async () => {
  const root = project({ "Dockerfile": "FROM scratch\nCOPY go.mod cmd/ /src/\n", "go.mod": "module x\n", "cmd/main.go": "package main\n", ".git/HEAD": "ref\n", ".env": `T=${TOKEN}\n`, "docs/a.md": "x", ".dockerignore": "docs\n" });
  const text = await goship(["context"], { cwd: root });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /sends 6 files/);
  assert.match(text.stdout, /VCS metadata: \.git/);
  assert.match(text.stdout, /files no COPY\/ADD reaches: \.env, \.git/);
  assert.ok(!text.stdout.includes(TOKEN.slice(0, 5)));

  const json = JSON.parse((await goship(["context", "--json"], { cwd: root })).stdout) as { files: { path: string; sha256?: string }[] };
  assert.deepEqual(json.files.map((f) => f.path), [".dockerignore", ".env", ".git", ".git/HEAD", "Dockerfile", "cmd", "cmd/main.go", "go.mod"]);
  assert.match(json.files.find((f) => f.path === "go.mod")!.sha256!, /^[0-9a-f]{64}$/);

  assert.equal((await goship(["context", "--check"], { cwd: root })).code, 1);
  const dry = await goship(["context", "--fix", "--dry-run"], { cwd: root });
  assert.match(dry.stdout, /^\+\.git$/m);
  assert.match(dry.stdout, /^\+\.env\*$/m);
  assert.equal(readFileSync(join(root, ".dockerignore"), "utf8"), "docs\n");
  assert.equal((await goship(["context", "--fix"], { cwd: root })).code, 0);
  assert.match(readFileSync(join(root, ".dockerignore"), "utf8"), /^docs\n\n# added by goship context --fix\n\.git\n\.env\*\n$/);
  assert.deepEqual(readdirSync(root).filter((n) => n.includes(".tmp")), []);
  assert.match((await goship(["context", "--fix"], { cwd: root })).stderr, /nothing to add/);
  assert.equal((await goship(["context", "--check"], { cwd: root })).code, 0);
  assert.equal((await goship(["context", "--depth", "x"], { cwd: root })).code, 2);
});

test("goship secrets: exit 1 on a secret, never prints it, honours the allow-list", async () => {
  const root = project({ "app.env": `GITHUB_TOKEN=${TOKEN}\n`, "testdata/fixture.env": `T=${TOKEN}\n`, "README.md": "nothing here\n" });
  const r = await goship(["secrets", "--format", "json"], { cwd: root });
  assert.equal(r.code, 1);
  assert.ok(!r.stdout.includes(TOKEN.slice(0, 5)));
  const found = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
  assert.deepEqual(found.findings.map((f) => [f.file, f.ruleId]), [["app.env", "secrets/github-token"], ["testdata/fixture.env", "secrets/github-token"]]);
  writeFileSync(join(root, ".goship.yaml"), "secrets:\n  allow:\n    - path: testdata\n");
  const allowed = await goship(["secrets", "--format", "json"], { cwd: root });
  assert.deepEqual((JSON.parse(allowed.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file), ["app.env"]);
  writeFileSync(join(root, "app.env"), `GITHUB_TOKEN=${TOKEN} # goship:allow-secret\n`);
  assert.equal((await goship(["secrets"], { cwd: root })).code, 0);
  // --context scans only what the build sends.
  writeFileSync(join(root, ".dockerignore"), "*.env\ntestdata\n.goship.yaml\n");
  writeFileSync(join(root, "leak.txt"), `token=${TOKEN}\n`);
  const ctx = await goship(["secrets", "--context", ".", "--format", "json", "-c", "/dev/null"], { cwd: root });
  assert.deepEqual((JSON.parse(ctx.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file), ["leak.txt"]);
});
