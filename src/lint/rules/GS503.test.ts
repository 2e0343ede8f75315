import assert from "node:assert/strict";
import { test } from "node:test";
import { ruleTester } from "../../../test/support/lint-tester.js";
import { findJunk } from "../facts/context-junk.js";
import rule from "./GS503.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../test/support/paths.js";

/** The ```dockerfile block under `## <heading>` of this rule's doc page (context rules check their examples here). */
function docExample(heading: "Bad" | "Good"): string {
  const doc = readFileSync(join(ROOT, "docs", "rules", "GS503.md"), "utf8");
  const m = new RegExp(`^## ${heading}\\s*\\n[\\s\\S]*?\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``, "m").exec(doc);
  if (!m) throw new Error(`docs/rules/GS503.md has no ${heading} example`);
  return m[1]!;
}


const GO_MOD = "module example.com/app\n\ngo 1.22\n";

ruleTester(rule, {
  valid: [
    { name: "the doc's Good example", code: docExample("Good"), files: { "go.mod": "module example.com/app\n", ".git/HEAD": "ref\n", ".env": "TOKEN=x\n", ".dockerignore": ".git\n.env*\n" } },
    "FROM golang:1.22\nCOPY . .\n",
    {
      name: "everything excluded",
      code: "FROM golang:1.22\nCOPY . .\n",
      files: { "go.mod": GO_MOD, ".git/HEAD": "ref\n", ".env": "A=1\n", "bin/app": "x", ".dockerignore": ".git\n.env*\nbin\n" },
    },
    {
      name: "example env files, test keys and a cmd/bin package are fine",
      code: "FROM golang:1.22\nCOPY . .\n",
      files: { "go.mod": GO_MOD, ".env.example": "A=\n", "internal/tls/testdata/server.key": "k", "cmd/bin/main.go": "package main\n", ".dockerignore": "# none\n" },
    },
  ],
  invalid: [
    { name: "the doc's Bad example", code: docExample("Bad"), files: { "go.mod": "module example.com/app\n", ".git/HEAD": "ref\n", ".env": "TOKEN=x\n" }, errors: [{ line: 4, message: /VCS/ }, { line: 4, message: /dotenv/ }] },
    {
      name: "one finding per kind, at the COPY . line",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build\n",
      files: {
        "go.mod": GO_MOD,
        ".git/HEAD": "ref\n",
        ".git/config": "[core]\n",
        ".env": "TOKEN=x\n",
        ".env.production": "TOKEN=y\n",
        "config.local.yaml": "a: 1\n",
        "deploy/id_rsa": "key",
        "certs/server-key.pem": "pem", "certs/server-cert.pem": "pem",
        "web/node_modules/x/index.js": "",
        "bin/app": "ELF",
        "dist/app_linux_amd64/app": "ELF",
      },
      errors: [
        { line: 3, column: 6, message: /VCS metadata \(\.git\).*add `\.git` to \.dockerignore/ },
        { line: 3, message: /build output \(bin\/app, dist\/app_linux_amd64\/app\).*`bin` and `dist`/ },
        { line: 3, message: /dotenv files \(\.env, \.env\.production\).*`\.env\*`/ },
        { line: 3, message: /local override files \(config\.local\.yaml\).*`\*\.local\.\*`/ },
        { line: 3, message: /node_modules \(web\/node_modules\).*`\*\*\/node_modules`/ },
        { line: 3, message: /private keys \(certs\/server-key\.pem, deploy\/id_rsa\).*`\*\*\/\*\.pem` and `\*\*\/id_rsa`/ },
      ],
    },
    {
      name: "file-level when nothing copies the whole context",
      code: "FROM golang:1.22\nCOPY go.mod ./\n",
      files: { "go.mod": GO_MOD, ".git/HEAD": "ref\n", ".dockerignore": "node_modules\n" },
      errors: [{ line: 0, message: /VCS metadata/ }],
    },
  ],
});

test("findJunk lists nested .git once and does not look inside it", () => {
  const e = (path: string, dir = false) => ({ path, size: 1, dir, symlink: false });
  const got = findJunk([e(".git", true), e(".git/objects", true), e(".git/objects/ab", false), e("vendor/x/.git", false)]);
  assert.deepEqual(got, [{ kind: "git", examples: [".git", "vendor/x/.git"], count: 2, ignoreLines: ["**/.git"] }]);
});
