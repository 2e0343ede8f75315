/**
 * The example Rego policy (docs/policy/examples/goship.rego) run by the
 * real conftest, installed with the host's go command at a pinned version
 * into .cache/bin, on real `goship audit --json` output: the greeter
 * example passes, the bad repository fails with the policy's deny messages
 * (GS4xx error, secret) and conftest's exit code 1.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { goship } from "../support/cli.js";
import { GO_TOOLS, ensureGoTool } from "../support/go-tools.js";
import { ROOT } from "../support/paths.js";
import { badRepo, goodRepo, PLANTED_TOKEN, tempDir } from "./fixtures.js";

const CONFTEST_VERSION = GO_TOOLS.conftest.version;
const POLICY = join(ROOT, "docs", "policy", "examples");
const ENV = { SOURCE_DATE_EPOCH: "1700000000", PATH: process.env.PATH, HOME: process.env.HOME };

function ensureConftest(): string {
  return ensureGoTool(GO_TOOLS.conftest);
}

describe(`conftest ${CONFTEST_VERSION} with docs/policy/examples/goship.rego on goship audit --json`, () => {
  const t = tempDir("goship-conftest-test-");
  after(t.cleanup);
  let conftest = "";
  before(() => {
    conftest = ensureConftest();
  });

  async function auditJson(dir: string, name: string): Promise<string> {
    const res = await goship(["audit", dir, "--offline", "--json"], { cwd: ROOT, env: ENV });
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const file = join(t.dir, name);
    writeFileSync(file, res.stdout);
    return file;
  }

  function run(file: string): { code: number; out: string } {
    const r = spawnSync(conftest, ["test", "--no-color", "--policy", POLICY, file], { encoding: "utf8" });
    return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }

  it("passes the greeter example", async () => {
    const file = await auditJson(goodRepo(t.dir), "good.json");
    const r = run(file);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /\d+ tests?, \d+ passed, 0 warnings?, 0 failures?/);
  });

  it("fails the bad repository with the policy's deny messages", async () => {
    const file = await auditJson(badRepo(t.dir), "bad.json");
    const r = run(file);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /FAIL - .*bad\.json - main - GS402 at Dockerfile:\d+: ENV GITHUB_TOKEN sets a literal secret \(ghp_\*\*\*\*\)/);
    assert.match(r.out, /FAIL - .*bad\.json - main - secret in \.env:1 \(secrets\/aws-access-key-id\)/);
    assert.match(r.out, /WARN - .*bad\.json - main - audit score \d+ is under 80/);
    assert.ok(!r.out.includes(PLANTED_TOKEN));
  });

  it("a deny on image size reads image.size", () => {
    const file = join(t.dir, "big.json");
    writeFileSync(file, JSON.stringify({ version: 1, score: 100, areas: [], gates: [], image: { ref: "r/x:1", size: 60000000 } }));
    const r = run(file);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /image r\/x:1 is 60000000 bytes, over the limit of 50000000/);
  });
});
