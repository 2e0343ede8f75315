import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keptPrefix, mask, mayHoldSecret, redact } from "./redact.js";

describe("redact", () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ["URL password", "Get https://ci-bot:s3cr3tpassw0rd@git.corp.example/x.git", "Get https://ci-bot:s3cr****@git.corp.example/x.git"],
    ["URL token userinfo", "fetching https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r", "fetching https://x-access-token:ghs_****@github.com/o/r"],
    ["token-only userinfo", "git clone https://abcdefghijklmnopqrstuvwxyz012345@gitlab.example/g/p.git", "git clone https://abcd****@gitlab.example/g/p.git"],
    ["Authorization Bearer", "> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "> Authorization: Bearer eyJh****"],
    ["Authorization Basic", "Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==", "Proxy-Authorization: Basic dXNl****"],
    ["bare Bearer", 'curl -H "Bearer abcdef0123456789"', 'curl -H "Bearer abcd****"'],
    ["bearer in prose stays", "# security: bearer authentication (JWT)", "# security: bearer authentication (JWT)"],
    ["Authorization placeholder stays", "Authorization: Bearer <token>.", "Authorization: Bearer <token>."],
    ["PRIVATE-TOKEN header", "--header PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx", "--header PRIVATE-TOKEN: glpa****"],
    ["netrc one line", "machine github.com login ci password hunter2hunter2", "machine github.com login ci password hunt****"],
    ["netrc password line", "  password  tops3cretvalue", "  password  tops****"],
    ["env assignment", "GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345 go mod download", "GITHUB_TOKEN=ghp_****** go mod download".replace("******", "****")],
    ["npm authToken", "//npm.corp.example/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789", "//npm.corp.example/:_authToken=npm_****"],
    ["GitHub PAT shape alone", "token is github_pat_11ABCDEFG0123456789_abcdefghijklmnop here", "token is gith**** here"],
    ["GitLab token shape", "using glpat-ABCDEFGHIJKLMNOPQRST", "using glpa****"],
    ["AWS key id", "aws s3 cp --key AKIAIOSFODNN7EXAMPLE x", "aws s3 cp --key AKIA**** x"],
    ["AWS secret assignment", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = wJal****"],
    ["Slack token", "SLACK=xoxb-123456789012-abcdefABCDEF", "SLACK=xoxb****"],
    ["Slack webhook", "post https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "post https://hooks.slack.com/services/T000****"],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => assert.equal(redact(input), want));
  }

  it("leaves ordinary build output alone", () => {
    for (const line of [
      "#7 [builder 4/6] RUN go mod download",
      'go: github.com/google/uuid@v1.6.0: Get "https://proxy.example/github.com/google/uuid/@v/v1.6.0.mod": dial tcp: lookup proxy.example: no such host',
      "fatal: could not read Password for 'https://github.com': terminal prompts disabled",
      "ssh://git@github.com/corp/private.git",
      "remote: HTTP Basic: Access denied",
      "password authentication failed for user",
      "ARG GOPROXY=${GOPROXY}",
      "token=${CI_JOB_TOKEN}",
    ]) {
      assert.equal(redact(line), line, line);
    }
  });

  it("never leaks more than 4 characters and never re-masks", () => {
    const secret = "A1b2C3d4E5f6G7h8I9j0";
    const out = redact(`https://u:${secret}@h/`);
    assert.ok(!out.includes(secret.slice(0, 5)));
    assert.equal(redact(out), out);
    assert.equal(keptPrefix("abc"), "a");
    assert.equal(keptPrefix("ab"), "");
    assert.equal(mask("hunter2hunter2"), "hunt****");
  });

  it("the pre-check is true whenever something is redacted", () => {
    assert.equal(mayHoldSecret("Step 4/10 : RUN go build"), false);
    assert.equal(mayHoldSecret("Authorization: x"), true);
  });
});
