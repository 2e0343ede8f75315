/**
 * `goship audit` end to end through the CLI (in-process) on real
 * repositories made at test time: examples/greeter audits clean offline
 * (concrete statuses per area); a bad repository (root user, token in ENV,
 * .env in the context, no .dockerignore, a goship Dockerfile edited by hand)
 * gets exactly the expected findings and exit 1; policy gates fail by name;
 * the JSON round-trips; the SARIF is valid against the SARIF 2.1.0 schema;
 * planted secrets never reach any output; a bad config is exit 2 with
 * file:line and writes nothing; --history keeps points oldest first;
 * --log and --image (an OCI layout) fill the doctor and image areas.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { goship } from "../support/cli.js";
import { freePort } from "../lab/free-port.js";
import { createServer } from "node:http";
import { MemoryRegistry } from "../oci/memory-registry.js";
import { RegistryClient } from "../../src/oci/remote/registry-client.js";
import { push } from "../../src/oci/remote/push.js";
import { ROOT } from "../support/paths.js";
import { runAudit } from "../../src/audit/index.js";
import type { AuditReport } from "../../src/audit/types.js";
import { badRepo, goodRepo, PLANTED_AWS_KEY, PLANTED_TOKEN, tempDir } from "./fixtures.js";
import { buildTinyGoBinary, testImage, writeTestLayout } from "./image-fixture.js";

const ENV = { SOURCE_DATE_EPOCH: "1700000000", PATH: process.env.PATH, HOME: process.env.HOME };
const t = tempDir("goship-audit-test-");
after(t.cleanup);
let good = "";
let bad = "";
before(() => {
  good = goodRepo(t.dir);
  bad = badRepo(t.dir);
});

function area(r: AuditReport, name: string): AuditReport["areas"][number] {
  const a = r.areas.find((x) => x.area === name);
  assert.ok(a, `no area ${name}`);
  return a;
}

async function sarifValidator(): Promise<((d: unknown) => boolean) & { errors?: unknown }> {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const { default: Ajv04 } = (await import("ajv-draft-04")) as unknown as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } };
  return new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
}

describe("goship audit on examples/greeter, offline", () => {
  it("is clean: exit 0, concrete statuses per area, score ≥ 90", async () => {
    const res = await goship(["audit", good, "--offline", "--json"], { cwd: ROOT, env: ENV });
    assert.equal(res.code, 0, res.stderr);
    const r = JSON.parse(res.stdout) as AuditReport;
    assert.equal(r.version, 1);
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.areas.map((a) => a.area), ["lint", "context", "init", "verify", "preflight", "doctor", "image", "policy"]);
    assert.equal(area(r, "lint").status, "ok");
    assert.equal(area(r, "lint").summary, "1 Dockerfile: 2 info");
    assert.deepEqual(area(r, "lint").findings.map((f) => f.ruleId), ["GS204", "GS204"]);
    assert.equal(area(r, "context").status, "ok");
    assert.equal(area(r, "context").findings.length, 0);
    assert.equal(area(r, "init").status, "ok");
    assert.deepEqual(area(r, "init").findings.map((f) => `${f.ruleId} ${f.file}`), ["init/hand-written .dockerignore", "init/hand-written Dockerfile"]);
    // go.sum is answered from the checksum-database caches when they hold it, else not checked.
    assert.ok(["ok", "skipped"].includes(area(r, "verify").status), area(r, "verify").status);
    assert.match(area(r, "verify").note ?? "", /--offline/);
    assert.equal(area(r, "preflight").status, "skipped");
    assert.match(area(r, "preflight").note ?? "", /--offline/);
    assert.equal(area(r, "doctor").status, "skipped");
    assert.equal(area(r, "image").status, "skipped");
    assert.equal(area(r, "policy").status, "skipped");
    assert.ok(r.score >= 90, String(r.score));
    assert.deepEqual(r.counts, { error: 0, warning: 0, info: 4 });
    assert.equal(r.createdAt, "2023-11-14T22:13:20.000Z");
    assert.equal(r.context?.files, 5);
    assert.equal(r.context?.ignoreFile, ".dockerignore");
    assert.equal(r.context?.tree.bytes, r.context?.bytes);
    assert.deepEqual(r.options, { offline: true, preflight: false, log: null, image: null });
  });

  it("text: a score table, top fixes before the findings, no colour off a TTY", async () => {
    const res = await goship(["audit", good, "--offline"], { cwd: ROOT, env: ENV });
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^goship audit .* score \d+\/100/);
    assert.match(res.stdout, /^lint +96 +ok +1 Dockerfile: 2 info$/m);
    assert.match(res.stdout, /^preflight +- +skipped +--offline: no network probes$/m);
    assert.ok(res.stdout.indexOf("top fixes") < res.stdout.indexOf("\nlint (2)"));
    assert.doesNotMatch(res.stdout, /\x1b\[/);
    const tty = await goship(["audit", good, "--offline"], { cwd: ROOT, env: ENV, tty: true });
    assert.match(tty.stdout, /\x1b\[/);
  });

  it("the JSON round-trips: the CLI prints what runAudit returns", async () => {
    const res = await goship(["audit", good, "--offline", "--json"], { cwd: ROOT, env: ENV });
    const lib = await runAudit({ dir: good, cwd: ROOT, env: ENV, offline: true });
    assert.deepEqual(JSON.parse(res.stdout), JSON.parse(JSON.stringify(lib)));
    assert.equal(JSON.stringify(JSON.parse(res.stdout), null, 2) + "\n", res.stdout);
  });
});

describe("goship audit on a bad repository", () => {
  let r: AuditReport;
  let text = "";
  let code = -1;
  const sarifFile = (): string => join(t.dir, "bad.sarif");
  const htmlFile = (): string => join(t.dir, "bad.html");
  before(async () => {
    const res = await goship(["audit", bad, "--offline", "--json", "--sarif", sarifFile()], { cwd: ROOT, env: ENV });
    code = res.code;
    r = JSON.parse(res.stdout) as AuditReport;
    text = (await goship(["audit", bad, "--offline"], { cwd: ROOT, env: ENV })).stdout;
  });

  it("exits 1 with the expected findings per area", () => {
    assert.equal(code, 1);
    assert.equal(r.exitCode, 1);
    const ids = (name: string): string[] => [...new Set(area(r, name).findings.map((f) => f.ruleId))].sort();
    for (const id of ["GS401", "GS402", "GS407", "GS501", "GS503"]) assert.ok(ids("lint").includes(id), `lint lacks ${id}: ${ids("lint").join(", ")}`);
    assert.deepEqual(ids("context"), ["context/env", "context/no-dockerignore", "secrets/aws-access-key-id", "secrets/generic-secret"]);
    assert.deepEqual(area(r, "init").findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}`), ["info init/missing .dockerignore", "warning init/drift Dockerfile"]);
    assert.match(area(r, "init").findings[1]!.message, /edited by hand/);
    assert.equal(area(r, "verify").status, "skipped");
    assert.equal(area(r, "lint").status, "findings");
    assert.equal(area(r, "lint").score, 0);
    assert.ok(r.score < 60, String(r.score));
  });

  it("top fixes: errors before warnings, secrets first, each with an action", () => {
    const sev = r.topFixes.map((x) => x.severity);
    assert.deepEqual(sev, [...sev].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
    assert.equal(r.topFixes[0]!.severity, "error");
    assert.ok(r.topFixes.length <= 10);
    assert.ok(r.topFixes.some((x) => x.ruleId === "GS402"));
    for (const x of r.topFixes) assert.match(x.action, /^[A-Z`].*[.)]$/, x.action);
  });

  it("redacts the planted secrets in text, JSON and SARIF", () => {
    const sarif = readFileSync(sarifFile(), "utf8");
    for (const out of [text, JSON.stringify(r), sarif]) {
      assert.ok(!out.includes(PLANTED_TOKEN), "token leaked");
      assert.ok(!out.includes(PLANTED_AWS_KEY), "AWS key leaked");
    }
    assert.match(text, /ghp_\*\*\*\*/);
  });

  it("SARIF merges every area's findings and is valid SARIF 2.1.0", async () => {
    const validate = await sarifValidator();
    const doc = JSON.parse(readFileSync(sarifFile(), "utf8")) as { runs: { results: { ruleId: string; properties: { area: string } }[] }[] };
    assert.equal(validate(doc), true, JSON.stringify(validate.errors));
    const results = doc.runs[0]!.results;
    const total = r.areas.reduce((n, a) => n + a.findings.length, 0);
    assert.equal(results.length, total);
    assert.deepEqual([...new Set(results.map((x) => x.properties.area))].sort(), ["context", "init", "lint"]);
    assert.equal(validate({ version: "2.1.0", runs: [{ results: [] }] }), false);
  });

  it("--html writes the report (when the HTML module is present) without the secrets", async () => {
    const res = await goship(["audit", bad, "--offline", "--html", htmlFile()], { cwd: ROOT, env: ENV });
    if (res.code === 2 && /no HTML report/.test(res.stderr)) return; // module not built yet
    assert.equal(res.code, 1, res.stderr);
    const html = readFileSync(htmlFile(), "utf8");
    assert.match(html, /<html/i);
    assert.ok(!html.includes(PLANTED_TOKEN) && !html.includes(PLANTED_AWS_KEY));
  });

  it("--failure-threshold none: exit 0 (no gates)", async () => {
    const res = await goship(["audit", bad, "--offline", "--failure-threshold", "none"], { cwd: ROOT, env: ENV });
    assert.equal(res.code, 0, res.stderr);
  });
});

describe("policy gates", () => {
  it("fail by name on the bad repository: exit 1, stderr names each failed gate", async () => {
    writeFileSync(
      join(bad, ".goship.yaml"),
      [
        "policy:",
        "  errorRules: [GS204]",
        "  allowedRegistries: [docker.io]",
        "  forbiddenInstructions: [\"USER root\", \"RUN apt-get\"]",
        "  requiredLabels: [org.opencontainers.image.source, com.example.team]",
        "  requireNonRoot: true",
        "  maxImageSize: 50MB",
        "",
      ].join("\n"),
    );
    try {
      const res = await goship(["audit", bad, "--offline", "--json"], { cwd: ROOT, env: ENV });
      assert.equal(res.code, 1);
      const r = JSON.parse(res.stdout) as AuditReport;
      const byGate = Object.fromEntries(r.gates.map((g) => [g.gate, g]));
      assert.deepEqual(Object.keys(byGate).sort(), ["policy.allowedRegistries", "policy.errorRules", "policy.forbiddenInstructions", "policy.maxImageSize", "policy.requireNonRoot", "policy.requiredLabels"]);
      assert.equal(byGate["policy.errorRules"]!.passed, false);
      assert.match(byGate["policy.allowedRegistries"]!.message, /gcr\.io/);
      assert.equal(byGate["policy.forbiddenInstructions"]!.passed, false);
      assert.match(byGate["policy.forbiddenInstructions"]!.message, /`USER root` in the final stage/);
      assert.match(byGate["policy.requiredLabels"]!.message, /com\.example\.team/);
      assert.doesNotMatch(byGate["policy.requiredLabels"]!.message, /image\.source/);
      assert.equal(byGate["policy.requireNonRoot"]!.passed, false);
      assert.deepEqual(byGate["policy.maxImageSize"], { gate: "policy.maxImageSize", passed: true, message: "not evaluated: no --image" });
      // GS204 escalated to error everywhere.
      assert.ok(area(r, "lint").findings.filter((f) => f.ruleId === "GS204").every((f) => f.severity === "error"));
      assert.equal(area(r, "policy").status, "findings");
      assert.match(area(r, "policy").summary, /^1 of 6 gates passed$/);
      const text = await goship(["audit", bad, "--offline"], { cwd: ROOT, env: ENV });
      for (const g of ["policy.errorRules", "policy.allowedRegistries", "policy.forbiddenInstructions", "policy.requiredLabels", "policy.requireNonRoot"]) {
        assert.match(text.stderr, new RegExp(`gate failed: ${g.replace(".", "\\.")}:`));
      }
      assert.match(text.stdout, /FAIL policy\.requireNonRoot/);
    } finally {
      rmSync(join(bad, ".goship.yaml"));
    }
  });

  it("pass on greeter with a policy it meets; a gate alone fails the audit at threshold none", async () => {
    writeFileSync(join(good, ".goship.yaml"), "policy:\n  requireNonRoot: true\n  allowedRegistries: [docker.io, gcr.io]\n  forbiddenInstructions: [\"RUN apt-get\", ADD]\n");
    try {
      const res = await goship(["audit", good, "--offline", "--json"], { cwd: ROOT, env: ENV });
      assert.equal(res.code, 0, res.stderr);
      const r = JSON.parse(res.stdout) as AuditReport;
      assert.ok(r.gates.length === 3 && r.gates.every((g) => g.passed), JSON.stringify(r.gates));
      writeFileSync(join(good, ".goship.yaml"), "policy:\n  allowedRegistries: [docker.io]\n");
      const failing = await goship(["audit", good, "--offline", "--failure-threshold", "none"], { cwd: ROOT, env: ENV });
      assert.equal(failing.code, 1);
      assert.match(failing.stderr, /gate failed: policy\.allowedRegistries: Dockerfile:29: FROM gcr\.io\/distroless\/static-debian12 comes from gcr\.io/);
    } finally {
      rmSync(join(good, ".goship.yaml"));
    }
  });

  it("a bad policy config is exit 2 naming file:line, and writes nothing", async () => {
    const cfg = join(t.dir, "bad-config.yaml");
    writeFileSync(cfg, "policy:\n  requireNonRoot: true\n  maxImageSizee: 5MB\n");
    const sarif = join(t.dir, "never.sarif");
    const res = await goship(["audit", good, "--offline", "--config", cfg, "--sarif", sarif], { cwd: ROOT, env: ENV });
    assert.equal(res.code, 2);
    assert.equal(res.stdout, "");
    assert.match(res.stderr, /bad-config\.yaml:3:3: unknown key "maxImageSizee" in policy \(did you mean "maxImageSize"\?\)/);
    assert.doesNotMatch(res.stderr, /at .*\.js/);
    assert.equal(existsSync(sarif), false);
    writeFileSync(cfg, "policy:\n  maxImageSize: huge\n");
    const res2 = await goship(["audit", good, "--offline", "--config", cfg], { cwd: ROOT, env: ENV });
    assert.equal(res2.code, 2);
    assert.match(res2.stderr, /bad-config\.yaml:2:17: policy\.maxImageSize/);
  });
});

describe("online areas against module sources that refuse connections", () => {
  it("verify fails with the reason, preflight names each unreachable target; --no-preflight skips it", async () => {
    const port = await freePort();
    const caches = join(t.dir, "empty-caches");
    mkdirSync(caches, { recursive: true });
    const env = {
      ...ENV,
      GOPROXY: `http://127.0.0.1:${port}`,
      GOSUMDB: `sum.golang.org http://127.0.0.1:${port}`,
      GOSHIP_CACHE_DIR: join(caches, "goship"),
      GOPATH: join(caches, "gopath"),
      GOMODCACHE: join(caches, "gopath", "pkg", "mod"),
    };
    const res = await goship(["audit", good, "--json"], { cwd: ROOT, env });
    assert.equal(res.code, 1, res.stderr);
    const r = JSON.parse(res.stdout) as AuditReport;
    assert.deepEqual(r.options, { offline: false, preflight: true, log: null, image: null });
    assert.equal(area(r, "verify").status, "failed");
    assert.match(area(r, "verify").note ?? "", /^cannot read the checksum database sum\.golang\.org: .*\(use --offline/);
    assert.equal(area(r, "verify").score, null);
    const pre = area(r, "preflight");
    assert.equal(pre.status, "findings");
    assert.deepEqual(pre.findings.map((f) => `${f.severity} ${f.ruleId}`), ["error preflight/proxy", "error preflight/sumdb"]);
    assert.ok(pre.findings.every((f) => f.message.includes(`127.0.0.1:${port}`) && /refused/.test(f.message)));
    assert.ok(r.topFixes.some((x) => x.ruleId === "preflight/proxy" && /GOPROXY/.test(x.action)));
    const skip = JSON.parse((await goship(["audit", good, "--json", "--no-preflight"], { cwd: ROOT, env })).stdout) as AuditReport;
    assert.equal(area(skip, "preflight").status, "skipped");
    assert.equal(area(skip, "preflight").note, "--no-preflight");
    assert.equal(skip.options.preflight, false);
  });
});

describe("usage and input errors are exit 2", () => {
  it("a missing folder, an unreadable log, a folder that is not an OCI layout", async () => {
    const a = await goship(["audit", join(t.dir, "nope"), "--offline"], { cwd: ROOT, env: ENV });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /not a folder/);
    const b = await goship(["audit", good, "--offline", "--log", join(t.dir, "nope.log")], { cwd: ROOT, env: ENV });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /--log .*nope\.log: no such file or directory/);
    const c = await goship(["audit", good, "--offline", "--image", good], { cwd: ROOT, env: ENV });
    assert.equal(c.code, 2);
    assert.match(c.stderr, /not an OCI layout/);
    const d = await goship(["audit", good, "--failure-threshold", "fatal"], { cwd: ROOT, env: ENV });
    assert.equal(d.code, 2);
  });
});

describe("--history", () => {
  it("appends one file per audit and reads the points oldest first", async () => {
    const hist = join(t.dir, "history");
    mkdirSync(hist, { recursive: true });
    writeFileSync(join(hist, "notes.txt"), "not a point\n");
    writeFileSync(join(hist, "garbage.json"), "{");
    const r1 = JSON.parse((await goship(["audit", bad, "--offline", "--json", "--history", hist], { cwd: ROOT, env: { ...ENV, SOURCE_DATE_EPOCH: "1700000100" } })).stdout) as AuditReport;
    assert.equal(r1.history?.length, 1);
    const r2 = JSON.parse((await goship(["audit", good, "--offline", "--json", "--history", hist], { cwd: ROOT, env: { ...ENV, SOURCE_DATE_EPOCH: "1700000200" } })).stdout) as AuditReport;
    // An older point written later still sorts first.
    const r0 = JSON.parse((await goship(["audit", good, "--offline", "--json", "--history", hist], { cwd: ROOT, env: { ...ENV, SOURCE_DATE_EPOCH: "1700000000" } })).stdout) as AuditReport;
    assert.deepEqual(r2.history?.map((h) => h.createdAt), ["2023-11-14T22:15:00.000Z", "2023-11-14T22:16:40.000Z"]);
    assert.deepEqual(r0.history?.map((h) => h.createdAt), ["2023-11-14T22:13:20.000Z", "2023-11-14T22:15:00.000Z", "2023-11-14T22:16:40.000Z"]);
    assert.deepEqual(r2.history?.[0]?.counts, r1.counts);
    assert.equal(r2.history?.[1]?.score, r2.score);
    assert.equal(r2.history?.[1]?.contextBytes, r2.context?.bytes);
    assert.deepEqual(readdirSync(hist).filter((n) => n.startsWith("2023")).sort(), ["2023-11-14T22-13-20.000Z.json", "2023-11-14T22-15-00.000Z.json", "2023-11-14T22-16-40.000Z.json"]);
  });
});

describe("--log and --image", () => {
  it("--log diagnoses a real build log in the doctor area", async () => {
    const log = join(ROOT, "test", "fixtures", "logs", "hand", "x509.buildkit-plain.log");
    const r = JSON.parse((await goship(["audit", good, "--offline", "--json", "--log", log], { cwd: ROOT, env: ENV })).stdout) as AuditReport;
    const d = area(r, "doctor");
    assert.equal(d.status, "findings");
    assert.ok(d.findings.some((f) => /^GD1\d\d$/.test(f.ruleId) && f.severity === "error"), JSON.stringify(d.findings.map((f) => f.ruleId)));
    assert.equal(r.exitCode, 1);
  });

  it("--image of an OCI layout: summary, root user and secrets found and redacted, SBOM gate", async () => {
    const layout = join(t.dir, "layout-bad");
    await writeTestLayout(layout, testImage({ secretEnv: true }), false);
    writeFileSync(join(good, ".goship.yaml"), "policy:\n  maxImageSize: 100B\n  requireSbom: true\n  requireNonRoot: true\n  requiredLabels: [org.opencontainers.image.source]\n");
    try {
      const res = await goship(["audit", good, "--offline", "--json", "--image", layout], { cwd: ROOT, env: ENV });
      assert.equal(res.code, 1, res.stderr);
      assert.ok(!res.stdout.includes(PLANTED_TOKEN));
      const r = JSON.parse(res.stdout) as AuditReport;
      assert.equal(r.image?.platform, "linux/amd64");
      assert.equal(r.image?.layers.length, 1);
      assert.equal(r.image?.layers[0]?.createdBy, "COPY /out/server /app/server # buildkit");
      assert.equal(r.image?.user, "");
      const ids = area(r, "image").findings.map((f) => `${f.ruleId} ${f.file}`).sort();
      assert.deepEqual(ids, [`image/root-user ${layout} (config)`, `image/secret ${layout}:/etc/app.conf`, `image/secret-config ${layout} (config)`, `image/secret-file ${layout}:/root/.ssh/id_rsa`]);
      const gates = Object.fromEntries(r.gates.map((g) => [g.gate, g.passed]));
      assert.deepEqual(gates, { "policy.requiredLabels": false, "policy.maxImageSize": false, "policy.requireNonRoot": false, "policy.requireSbom": false });

      const okLayout = join(t.dir, "layout-good");
      await writeTestLayout(okLayout, testImage({ user: "65532:65532", labels: { "org.opencontainers.image.source": "https://example.com/greeter" } }), true);
      writeFileSync(join(good, ".goship.yaml"), "policy:\n  maxImageSize: 1MB\n  requireSbom: true\n  requireNonRoot: true\n");
      const ok = await goship(["audit", good, "--offline", "--json", "--image", okLayout], { cwd: ROOT, env: ENV });
      const r2 = JSON.parse(ok.stdout) as AuditReport;
      assert.deepEqual(r2.gates.map((g) => [g.gate, g.passed]), [["policy.maxImageSize", true], ["policy.requireNonRoot", true], ["policy.requireSbom", true]]);
      assert.equal(area(r2, "image").status, "ok");
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(r2.dependencies, undefined, "no Go binary, no dependencies");
      assert.match(area(r2, "image").note ?? "", /no Go binary/);
    } finally {
      rmSync(join(good, ".goship.yaml"));
    }
  });

  it("--image with a real Go binary lists its modules from the SBOM (src/sbom)", async () => {
    const bin = buildTinyGoBinary(join(t.dir, "tiny-src"));
    const layout = join(t.dir, "layout-go");
    await writeTestLayout(layout, testImage({ user: "65532", binary: bin }), false);
    const res = await goship(["audit", good, "--offline", "--json", "--image", layout], { cwd: ROOT, env: ENV });
    const r = JSON.parse(res.stdout) as AuditReport;
    const goVersion = execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim();
    assert.deepEqual(r.dependencies, [
      { path: "example.com/tiny", version: "(devel)", kind: "main" },
      { path: "stdlib", version: goVersion, kind: "stdlib" },
    ]);
  });

  it("--image from a registry (loopback): pulled, summarised; no referrers API means the SBOM gate cannot tell", async () => {
    const reg = new MemoryRegistry();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string"));
        void reg
          .fetch(`http://${req.headers.host}${req.url}`, { method: req.method, headers, ...(body.length > 0 ? { body } : {}) })
          .then(async (r) => {
            res.writeHead(r.status, Object.fromEntries(r.headers.entries()));
            res.end(Buffer.from(await r.arrayBuffer()));
          });
      });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    try {
      const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
      const img = testImage({ user: "65532:65532" });
      await push(new RegistryClient({ registry: host, insecure: true, fetch: reg.fetch }), "team/app", img, { tags: ["1.0"] });
      writeFileSync(join(good, ".goship.yaml"), "policy:\n  requireSbom: true\n  allowedRegistries: [docker.io]\n");
      const res = await goship(["audit", good, "--json", "--no-preflight", "--image", `${host}/team/app:1.0`], { cwd: ROOT, env: { ...ENV, DOCKER_CONFIG: join(t.dir, "no-docker-config"), GOSUMDB: "off" } });
      const r = JSON.parse(res.stdout) as AuditReport;
      assert.equal(r.image?.digest, img.digest.text);
      assert.equal(r.image?.size, img.manifest.layers[0]!.size + img.manifest.config.size);
      assert.equal(r.image?.user, "65532:65532");
      const gates = Object.fromEntries(r.gates.map((g) => [g.gate, g]));
      assert.equal(gates["policy.requireSbom"]!.passed, false);
      assert.match(gates["policy.requireSbom"]!.message, /cannot tell whether .* has SBOM/);
      assert.match(gates["policy.allowedRegistries"]!.message, new RegExp(`--image ${host}/team/app:1\\.0 is on ${host.replace(/\./g, "\\.")}`));
      assert.equal(res.code, 1);
      const missing = await goship(["audit", good, "--no-preflight", "--image", `${host}/team/app:2.0`], { cwd: ROOT, env: { ...ENV, DOCKER_CONFIG: join(t.dir, "no-docker-config"), GOSUMDB: "off" } });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^error: --image .*\/team\/app:2\.0: cannot pull: .*manifest not found\n$/);
      assert.equal(missing.stdout, "");
    } finally {
      rmSync(join(good, ".goship.yaml"), { force: true });
      server.close();
    }
  });

  it("a Dockerfile that does not parse is a lint finding, not an input error", async () => {
    const dir = join(t.dir, "broken");
    mkdirSync(join(dir, "svc"), { recursive: true });
    writeFileSync(join(dir, "svc", "Dockerfile"), "FROM golang:1.26\nCOPY\n");
    const res = await goship(["audit", dir, "--offline", "--json"], { cwd: ROOT, env: ENV });
    assert.equal(res.code, 1, res.stderr);
    const r = JSON.parse(res.stdout) as AuditReport;
    const f = area(r, "lint").findings;
    assert.deepEqual(f.map((x) => `${x.ruleId} ${x.file}:${x.line}`), ["lint/parse-error svc/Dockerfile:2"]);
    assert.equal(area(r, "init").status, "skipped");
  });

  it("no Dockerfile: init shows what goship would write", async () => {
    const dir = join(t.dir, "bare");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "go.mod"), "module example.com/bare\n\ngo 1.26\n");
    writeFileSync(join(dir, "main.go"), "package main\n\nfunc main() {}\n");
    const res = await goship(["audit", dir, "--offline", "--json"], { cwd: ROOT, env: ENV });
    const r = JSON.parse(res.stdout) as AuditReport;
    assert.equal(area(r, "lint").status, "skipped");
    assert.deepEqual(area(r, "init").findings.map((f) => f.ruleId), ["init/no-dockerfile"]);
    assert.deepEqual(r.generated?.map((g) => g.path), ["Dockerfile", ".dockerignore"]);
    assert.match(r.generated![0]!.content, /^# Generated by goship/);
    const text = await goship(["audit", dir, "--offline"], { cwd: ROOT, env: ENV });
    assert.match(text.stdout, /no Dockerfile: here is what goship init would write\n==> Dockerfile <==\n# Generated by goship/);
  });
});
