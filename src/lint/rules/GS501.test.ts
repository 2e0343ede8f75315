import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS501.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../test/support/paths.js";

/** The ```dockerfile block under `## <heading>` of this rule's doc page (context rules check their examples here). */
function docExample(heading: "Bad" | "Good"): string {
  const doc = readFileSync(join(ROOT, "docs", "rules", "GS501.md"), "utf8");
  const m = new RegExp(`^## ${heading}\\s*\\n[\\s\\S]*?\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``, "m").exec(doc);
  if (!m) throw new Error(`docs/rules/GS501.md has no ${heading} example`);
  return m[1]!;
}


const GO_MOD = "module example.com/app\n\ngo 1.22\n";

ruleTester(rule, {
  valid: [
    { name: "the doc's Good example", code: docExample("Good"), files: { "go.mod": GO_MOD, "main.go": "package main\n" } },
    // no project facts (stdin): quiet
    "FROM golang:1.22\nCOPY . .\n",
    { name: "a .dockerignore exists", code: "FROM golang:1.22\nCOPY . .\n", files: { ".dockerignore": ".git\n", "go.mod": GO_MOD } },
    { name: "a <Dockerfile>.dockerignore counts", code: "FROM golang:1.22\nCOPY . .\n", files: { "Dockerfile.dockerignore": ".git\n", "go.mod": GO_MOD } },
    { name: "only named files are copied", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nCOPY cmd ./cmd\n", files: { "go.mod": GO_MOD } },
    { name: "COPY --from a stage", code: "FROM golang:1.22 AS b\nFROM alpine:3.20\nCOPY --from=b . /x\n", files: { "go.mod": GO_MOD } },
  ],
  invalid: [
    { name: "the doc's Bad example", code: docExample("Bad"), files: { "go.mod": GO_MOD, "main.go": "package main\n" }, errors: [{ line: 3, column: 6 }] },
    {
      name: "COPY . . without .dockerignore (the doc's Bad example)",
      code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
      files: { "go.mod": GO_MOD, "main.go": "package main\n" },
      errors: [{ line: 3, column: 6, endColumn: 7, message: /whole build context.*no \.dockerignore/ }],
    },
    {
      name: "ADD ./ and COPY / too",
      code: "FROM golang:1.22\nADD ./ /src\nCOPY / /src\n",
      files: { "go.mod": GO_MOD },
      errors: [{ line: 2, column: 5, message: /^ADD \.\// }, { line: 3, column: 6 }],
    },
  ],
});
