import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import type { Finding } from "../finding/finding.js";
import { FORMATS } from "./index.js";
import type { ReportInput } from "./report.js";

const findings: Finding[] = [
  { ruleId: "GS301", severity: "error", message: 'masked failure: "|| true"', file: "svc/Dockerfile", line: 4, column: 5, endLine: 4, endColumn: 20 },
  { ruleId: "GS204", severity: "info", message: "base image not pinned, by digest", file: "svc/Dockerfile", line: 1, column: 1 },
  { ruleId: "GS401", severity: "warning", message: "runs as root <root> & 'x'", file: "a b/Dockerfile", line: 0, column: 0 },
];
const input: ReportInput = {
  findings,
  files: ["svc/Dockerfile", "a b/Dockerfile", "clean/Dockerfile"],
  sources: new Map([["svc/Dockerfile", "FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build || true\n"]]),
  rules: [{ id: "GS301", title: "masked exit code", severity: "error", docs: "docs/rules/GS301.md" }],
  toolVersion: "9.9.9",
};

test("SARIF output validates against the official SARIF 2.1.0 schema", async () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const { default: Ajv04 } = (await import("ajv-draft-04")) as unknown as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } };
  const validate = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
  const doc = JSON.parse(FORMATS.sarif(input, { color: false })) as { runs: { results: { ruleId: string; level: string; ruleIndex: number }[]; tool: { driver: { rules: { id: string }[] } } }[] };
  assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  const run = doc.runs[0]!;
  assert.deepEqual(run.results.map((r) => [r.ruleId, r.level]), [["GS301", "error"], ["GS204", "note"], ["GS401", "warning"]]);
  for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  // An invalid document must fail the same validator (the check can fail).
  assert.equal(validate({ version: "2.1.0", runs: [{ results: [] }] }), false);
});

test("JSON output is versioned, keeps order and counts severities", () => {
  const doc = JSON.parse(FORMATS.json(input, { color: false })) as { version: number; findings: Finding[]; summary: Record<string, number> };
  assert.equal(doc.version, 1);
  assert.deepEqual(doc.findings.map((f) => f.ruleId), ["GS301", "GS204", "GS401"]);
  assert.deepEqual(doc.summary, { error: 1, warning: 1, info: 1 });
  assert.equal(doc.findings[0]!.endColumn, 20);
  assert.equal("endLine" in doc.findings[1]!, false);
});

test("github annotations escape properties and data", () => {
  const out = FORMATS.github(input, { color: false }).split("\n");
  assert.equal(out[0], "::error file=svc/Dockerfile,line=4,col=5,endLine=4,endColumn=20,title=GS301::GS301 masked failure: \"|| true\"");
  assert.equal(out[1], "::notice file=svc/Dockerfile,line=1,col=1,title=GS204::GS204 base image not pinned, by digest");
  assert.match(out[2]!, /^::warning file=a b\/Dockerfile,title=GS401::/);
});

test("checkstyle lists clean files and escapes XML", () => {
  const out = FORMATS.checkstyle(input, { color: false });
  assert.match(out, /<file name="clean\/Dockerfile"\/>/);
  assert.match(out, /message="runs as root &lt;root&gt; &amp; &apos;x&apos;"/);
  assert.match(out, /source="goship.GS301"/);
});

test("text output groups by file, shows a code frame with a caret, and no colour unless asked", () => {
  const out = FORMATS.text(input, { color: false });
  assert.doesNotMatch(out, /\u001b\[/);
  assert.match(out, /svc\/Dockerfile\n {2}4:5 {5}error GS301 masked failure/);
  assert.match(out, / {4}4 \| RUN go build \|\| true\n {6}\| {5}\^{15}/);
  assert.match(out, /3 findings in 2 files: 1 error, 1 warning, 1 info/);
  assert.match(FORMATS.text(input, { color: true }), /\u001b\[31merror/);
  assert.match(FORMATS.text({ ...input, findings: [] }, { color: false }), /no findings in 3 files/);
});
