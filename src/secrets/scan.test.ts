import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowList, parseAllowList } from "./allow-list.js";
import { scanDockerfile } from "./dockerfile.js";
import { isHighEntropy, shannonEntropy } from "./entropy.js";
import { fingerprint } from "./fingerprint.js";
import { credentialKind, scanText, secretToFinding } from "./scan.js";

const TOKEN = "ghp_Q8vXr2LmN4pZ6tY0wK3jH5gF7dS9aB1cE2uI";

describe("scanText", () => {
  it("keeps the most specific of overlapping hits and reports the value's position", () => {
    const f = scanText(`x\nexport GITHUB_TOKEN=${TOKEN}\n`, { file: "a.sh" });
    assert.equal(f.length, 1);
    assert.equal(f[0]!.detector, "github-token");
    assert.deepEqual([f[0]!.line, f[0]!.column, f[0]!.endColumn], [2, 21, 21 + TOKEN.length]);
    assert.equal(f[0]!.preview, "ghp_****");
    assert.equal(f[0]!.fingerprint, fingerprint(TOKEN));
  });

  it("never puts more than 4 characters of a secret in a finding", () => {
    const f = secretToFinding(scanText(`token=${TOKEN}`)[0]!);
    assert.ok(!JSON.stringify(f).includes(TOKEN.slice(0, 5)));
  });

  it("drops documented examples unless asked", () => {
    assert.equal(scanText("AKIAIOSFODNN7EXAMPLE").length, 0);
    assert.equal(scanText("AKIAIOSFODNN7EXAMPLE", { includeExamples: true }).length, 1);
    assert.equal(credentialKind("AKIAIOSFODNN7EXAMPLE"), "an AWS access key ID");
    assert.equal(credentialKind("https://bob:s3cretpass@proxy.example.com"), "a URL with a password");
    assert.equal(credentialKind("hello world"), null);
  });

  it("honours goship:allow-secret on the line and the line above", () => {
    const f = scanText(`a=${TOKEN} # goship:allow-secret\n# goship:allow-secret\nb=${TOKEN}\nc=${TOKEN}\n`);
    assert.deepEqual(f.map((x) => x.allowed), ["inline", "inline", null]);
  });

  it("applies the allow-list by path, fingerprint and detector", () => {
    const text = `t=${TOKEN}\n`;
    assert.equal(scanText(text, { file: "internal/x/testdata/a.env", allow: allowList([{ path: "**/testdata" }]) })[0]!.allowed, "allow-list");
    assert.equal(scanText(text, { file: "cmd/a.env", allow: allowList([{ path: "**/testdata" }]) })[0]!.allowed, null);
    assert.equal(scanText(text, { allow: allowList([{ fingerprint: fingerprint(TOKEN) }]) })[0]!.allowed, "allow-list");
    assert.equal(scanText(text, { allow: allowList([{ fingerprint: fingerprint(TOKEN), detector: "jwt" }]) })[0]!.allowed, null);
    const parsed = parseAllowList(`secrets:\n  allow:\n    - detector: github-token\n`, ".goship.yaml");
    assert.equal(scanText(text, { allow: parsed })[0]!.allowed, "allow-list");
    assert.throws(() => parseAllowList("secrets:\n  allow:\n    - colour: red\n", ".goship.yaml"), /unknown key/);
  });
});

describe("entropy thresholds", () => {
  it("separates generated values from words", () => {
    assert.ok(shannonEntropy("aaaa") === 0);
    for (const v of ["Xq7#mP2!vL9zR4kT", "9f86d081884c7d659a2feaa0c55ad015", "k3J9x!2q"]) assert.ok(isHighEntropy(v), v);
    for (const v of ["correcthorsebattery", "my-application-name", "password123", "deadbeefdeadbeef", "abcdefgh"]) assert.ok(!isHighEntropy(v), v);
  });
});

describe("scanDockerfile", () => {
  it("reports literal ENV/ARG secrets whatever their entropy, and formats in RUN", () => {
    const df = `FROM alpine\nARG NPM_TOKEN\nENV DB_PASSWORD=hunter22 APP=x\nENV API_KEY=\${API_KEY}\nRUN GOPROXY=https://u:p4ssw0rd-Xy7@proxy.corp go mod download\n`;
    const f = scanDockerfile(df, { file: "Dockerfile" });
    assert.deepEqual(f.map((x) => [x.line, x.detector]), [[3, "dockerfile-secret"], [5, "url-credentials"]]);
    assert.equal(f[0]!.preview, "hu****");
  });
});
