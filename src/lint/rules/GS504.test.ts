import assert from "node:assert/strict";
import { test } from "node:test";
import { ruleTester } from "../../../test/support/lint-tester.js";
import { contextSize, formatBytes } from "../facts/context-size.js";
import rule from "./GS504.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../test/support/paths.js";

/** The ```dockerfile block under `## <heading>` of this rule's doc page (context rules check their examples here). */
function docExample(heading: "Bad" | "Good"): string {
  const doc = readFileSync(join(ROOT, "docs", "rules", "GS504.md"), "utf8");
  const m = new RegExp(`^## ${heading}\\s*\\n[\\s\\S]*?\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``, "m").exec(doc);
  if (!m) throw new Error(`docs/rules/GS504.md has no ${heading} example`);
  return m[1]!;
}


const big = "x".repeat(101 * 1000 * 1000);

ruleTester(rule, {
  valid: [
    { name: "the doc's Good example", code: docExample("Good"), files: { "data/dump.bin": big, "go.mod": "module a\n", ".dockerignore": "data\n" } },
    "FROM golang:1.22\nCOPY . .\n",
    { name: "small context", code: "FROM golang:1.22\nCOPY . .\n", files: { "go.mod": "module a\n", "main.go": "package main\n" } },
    { name: "the big file is excluded", code: "FROM golang:1.22\nCOPY . .\n", files: { "data/dump.bin": big, ".dockerignore": "data\n" } },
  ],
  invalid: [
    {
      name: "lint.contextSizeLimit from .goship.yaml",
      code: "FROM golang:1.22\nCOPY . .\n",
      files: { "main.go": "package main\n".repeat(200) },
      config: { contextSizeLimit: 1000 },
      errors: [{ line: 0, message: /\(limit 1\.0 kB\)/ }],
    },
    { name: "the doc's Bad example", code: docExample("Bad"), files: { "data/dump.bin": big, "go.mod": "module a\n" }, errors: [{ line: 0 }] },
    {
      name: "over 100 MB, largest entries named",
      code: "FROM golang:1.22\nCOPY . .\n",
      files: { "data/dump.bin": big, "main.go": "package main\n" },
      errors: [{ line: 0, message: /build context is 101\.0 MB \(limit 100\.0 MB\).*largest: data\/ 101\.0 MB, Dockerfile/ }],
    },
  ],
});

test("contextSize sums files per top-level entry", () => {
  const e = (path: string, size: number, dir = false) => ({ path, size, dir, symlink: false });
  const s = contextSize([e("a", 0, true), e("a/x", 5), e("a/y", 7), e("b", 3)]);
  assert.equal(s.total, 15);
  assert.deepEqual(s.largest, [{ path: "a", dir: true, bytes: 12 }, { path: "b", dir: false, bytes: 3 }]);
  assert.equal(formatBytes(999), "999 B");
  assert.equal(formatBytes(1_500_000), "1.5 MB");
});
