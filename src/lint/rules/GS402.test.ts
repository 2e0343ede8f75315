import assert from "node:assert/strict";
import { test } from "node:test";
import { ruleTester } from "../../../test/support/lint-tester.js";
import { lintText } from "../engine.js";
import rule from "./GS402.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nENV CGO_ENABLED=0 GOFLAGS=-trimpath\n",
    // names that point at a secret, or say whether auth is on
    "FROM alpine:3.20\nENV MINIO_ROOT_PASSWORD_FILE=secret_key DB_PASSWORD_PATH=/run/secrets/db AUTH_ENABLED=true\n",
    "FROM alpine:3.20\nENV DATABASE_PASSWORD=\n",
    "FROM alpine:3.20\nENV SECRET_KEY=/run/secrets/app_key\n",
    "FROM alpine:3.20\nENV AUTHOR=me KEYBOARD=us TOKENIZER=bpe GPG_KEY=0123456789ABCDEF\n",
    "FROM alpine:3.20\nARG VERSION\nARG GIT_TOKEN_URL=https://example.com/token\n",
  ],
  invalid: [
    {
      name: "literal password in ENV, redacted",
      code: "FROM alpine:3.20\nENV APP=x DB_PASSWORD=hunter2-is-long\n",
      errors: [{ line: 2, column: 11, endLine: 2, endColumn: 38, message: /^ENV DB_PASSWORD sets a literal secret \(hunt\*\*\*\*\)/, severity: "error" }],
    },
    {
      name: "ARG without default is a warning, once per name",
      code: "ARG GITHUB_TOKEN\nFROM golang:1.22\nARG GITHUB_TOKEN\nRUN go mod download\n",
      errors: [{ line: 1, column: 5, endColumn: 17, message: /ARG GITHUB_TOKEN looks like a secret.*--mount=type=secret,id=github_token/, severity: "warning" }],
    },
    {
      name: "ENV copied from a build arg",
      code: "FROM golang:1.22\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\n",
      errors: [{ line: 2, severity: "warning" }, { line: 3, column: 5, message: /ENV NPM_TOKEN copies a variable into the image's environment/, severity: "warning" }],
    },
    {
      name: "known credential formats under any name, quoted or legacy form",
      code: 'FROM alpine:3.20\nENV GH="ghp_abcdefghijklmnopqrstuvwxyz0123456789"\nARG AWS_ID=AKIAIOSFODNN7EXAMPLE\nENV PROXY https://bob:s3cretpass@proxy.example.com\n',
      errors: [
        { line: 2, message: /^ENV GH holds a GitHub token \(ghp_\*\*\*\*\)/ },
        { line: 3, message: /holds an AWS access key ID \(AKIA\*\*\*\*\)/ },
        { line: 4, message: /holds a URL with a password \(http\*\*\*\*\)/ },
      ],
    },
    {
      name: "camelCase and api key names, short values fully hidden",
      code: "FROM alpine:3.20\nENV apiKey=abc123 STRIPE_SECRET_KEY=xyz\n",
      errors: [{ line: 2, column: 5, message: /apiKey sets a literal secret \(\*\*\*\*\)/ }, { line: 2, column: 19, message: /\(\*\*\*\*\)/ }],
    },
  ],
});

test("GS402 never prints a secret value", () => {
  const secret = "glpat-AbCdEfGhIjKlMnOpQrSt";
  const { findings } = lintText(`FROM alpine:3.20\nENV GITLAB_TOKEN=${secret}\nARG K="${secret}"\n`, { rules: [rule] });
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.ok(!f.message.includes(secret.slice(0, 6)), f.message);
    assert.match(f.message, /glpa\*\*\*\*/);
  }
});

test("GS402 reads names as words", async () => {
  const { isSecretName } = await import("../facts/secret-facts.js");
  for (const n of ["DB_PASSWORD", "GITHUB_TOKEN", "apiKey", "AWS_SECRET_ACCESS_KEY", "OAUTH_CLIENT_SECRET", "NPM_AUTH", "PRIVATE_KEY", "x-api-key"]) assert.ok(isSecretName(n), n);
  for (const n of ["AUTHOR", "TOKENIZER", "GPG_KEY", "KEY_ID", "JWT_SECRET_ALGORITHM", "TOKEN_EXPIRE_HOURS", "PASSWORD_MIN_LENGTH", "MINIO_ROOT_PASSWORD_FILE", "AUTH_SERVER"]) assert.ok(!isSecretName(n), n);
});
