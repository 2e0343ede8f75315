import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS502.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../test/support/paths.js";

/** The ```dockerfile block under `## <heading>` of this rule's doc page (context rules check their examples here). */
function docExample(heading: "Bad" | "Good"): string {
  const doc = readFileSync(join(ROOT, "docs", "rules", "GS502.md"), "utf8");
  const m = new RegExp(`^## ${heading}\\s*\\n[\\s\\S]*?\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``, "m").exec(doc);
  if (!m) throw new Error(`docs/rules/GS502.md has no ${heading} example`);
  return m[1]!;
}


const GO_MOD = "module example.com/app\n\ngo 1.22\n";
const FILES = { "go.mod": GO_MOD, "go.sum": "", "main.go": "package main\n", "cmd/app/main.go": "package main\n" };

ruleTester(rule, {
  valid: [
    { name: "the doc's Good example", code: docExample("Good"), files: { "go.mod": "module example.com/app\n", "go.sum": "", ".dockerignore": ".git\n" } },
    { name: "nothing excluded", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\n", files: { ...FILES, ".dockerignore": ".git\n" } },
    { name: "allow-list that lets the files through", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nCOPY cmd ./cmd\n", files: { ...FILES, ".dockerignore": "*\n!go.mod\n!go.sum\n!cmd\n" } },
    { name: "excluded directory with an exception inside", code: "FROM golang:1.22\nCOPY cmd ./cmd\n", files: { ...FILES, ".dockerignore": "cmd\n!cmd/app/main.go\n" } },
    { name: "file missing from the context: not this rule's business", code: "FROM golang:1.22\nCOPY missing.txt /\n", files: { ...FILES, ".dockerignore": "*.txt\n" } },
    { name: "the Dockerfile is always sent", code: "FROM golang:1.22\nCOPY Dockerfile /\n", files: { ...FILES, ".dockerignore": "Dockerfile\n" } },
    { name: "COPY --from is not the context", code: "FROM golang:1.22 AS b\nFROM alpine\nCOPY --from=b go.sum /\n", files: { ...FILES, ".dockerignore": "*.sum\n" } },
  ],
  invalid: [
    { name: "the doc's Bad example", code: docExample("Bad"), files: { "go.mod": "module example.com/app\n", "go.sum": "", ".dockerignore": "*.sum\n" }, errors: [{ line: 4, column: 13 }] },
    {
      name: "go.sum excluded by *.sum",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\n",
      files: { ...FILES, ".dockerignore": ".git\n*.sum\n" },
      errors: [{ line: 3, column: 13, endColumn: 19, message: /line 2 of \.dockerignore excludes "go\.sum".*add `!go\.sum`/ }],
    },
    {
      name: "a file inside an excluded directory",
      code: "FROM golang:1.22\nCOPY vendor/modules.txt /tmp/\n",
      files: { ...FILES, "vendor/modules.txt": "# example.com/x v1.0.0\n", ".dockerignore": "# vendored deps\nvendor\n" },
      errors: [{ line: 2, column: 6, endColumn: 24, message: /line 2 of \.dockerignore excludes "vendor\/modules\.txt"/ }],
    },
    {
      name: "allow-list that omits a file",
      code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nCOPY ./cmd/ ./cmd/\n",
      files: { ...FILES, ".dockerignore": "*\n!go.mod\n" },
      errors: [
        { line: 2, column: 13, message: /line 1 of \.dockerignore excludes "go\.sum"/ },
        { line: 3, column: 6, endColumn: 12, message: /excludes "cmd"/ },
      ],
    },
  ],
});
