import assert from "node:assert/strict";
import { test } from "node:test";
import * as goship from "../../src/index.js";

test("the library entry exposes the reading core and lint", () => {
  const df = goship.parseDockerfile("FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n", { file: "Dockerfile" });
  assert.deepEqual(df.stages.map((s) => s.name), ["build", ""]);
  const res = goship.lintText("FROM golang:1.22\nRUN go build || true\n");
  assert.ok(res.findings.some((f) => f.ruleId === "GS301"));
  assert.equal(goship.parseGoMod("module example.com/x\n\ngo 1.22\n").go?.version, "1.22");
  assert.equal(goship.parseImageRef("golang:1.22-alpine")?.path, "library/golang");
  assert.equal(goship.compilePatterns(["*.md", "!README.md"]).matches("README.md"), false);
  assert.throws(() => goship.parseDockerfile("FROM\n", { file: "x/Dockerfile" }), (e: unknown) => e instanceof goship.LocatedError && /x\/Dockerfile:1/.test(e.format()));
});
