import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocatedError } from "../diagnostic/located-error.js";
import { ROOT } from "../../test/support/paths.js";
import { parseOpenApi } from "./openapi.js";
import { findOpenApi, readOpenApi } from "./openapi-file.js";

function located(fn: () => unknown): LocatedError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LocatedError, `LocatedError expected, got ${String(e)}`);
    return e;
  }
  assert.fail("no error");
}

test("the greeter example: port 8080, x-go-package, bearer scheme, all with lines", () => {
  const info = readOpenApi(join(ROOT, "examples", "greeter", "api", "openapi.yaml"));
  assert.equal(info.kind, "openapi3");
  assert.equal(info.port, 8080);
  assert.deepEqual(info.servers.map((s) => [s.scheme, s.host, s.port, s.line]), [["http", "localhost", 8080, 8]]);
  assert.deepEqual(info.goPackage, { value: "example.com/goship/greeter", line: 6 });
  assert.deepEqual(info.securitySchemes.map((s) => [s.name, s.type, s.scheme, s.line]), [["bearerAuth", "http", "bearer", 60]]);
});

test("server variables take their defaults; servers without a port do not count", () => {
  const info = parseOpenApi(
    [
      "openapi: 3.1.0",
      "info: {title: t, version: '1', x-go-package: example.com/svc/cmd/api}",
      "servers:",
      "  - url: https://api.example.com/v1",
      "  - url: '{scheme}://localhost:{port}/v1'",
      "    variables:",
      "      scheme: {default: http}",
      "      port: {default: '9090', enum: ['9090']}",
      "  - url: /relative",
    ].join("\n"),
    "spec.yaml",
  );
  assert.equal(info.port, 9090);
  assert.deepEqual(info.servers.map((s) => [s.resolved, s.port, s.line]), [
    ["https://api.example.com/v1", null, 4],
    ["http://localhost:9090/v1", 9090, 5],
    ["/relative", null, 9],
  ]);
  assert.deepEqual(info.goPackage, { value: "example.com/svc/cmd/api", line: 2 });
});

test("conflicting ports are an error naming the file and the line", () => {
  const e = located(() =>
    parseOpenApi("openapi: 3.0.0\nservers:\n  - url: http://localhost:8080\n  - url: http://localhost:9090\n", "api/openapi.yaml"),
  );
  assert.equal(e.file, "api/openapi.yaml");
  assert.equal(e.range?.start.line, 4);
  assert.match(e.message, /conflicting server ports: 9090 here, 8080 at line 3/);
});

test("Swagger 2: host port, schemes, securityDefinitions; JSON input", () => {
  const json = JSON.stringify(
    {
      swagger: "2.0",
      info: { title: "legacy", version: "1" },
      host: "localhost:3000",
      schemes: ["http", "https"],
      "x-go-package": "example.com/legacy",
      securityDefinitions: { key: { type: "apiKey", in: "header", name: "X-API-Key" }, basic: { type: "basic" } },
    },
    null,
    2,
  );
  const info = parseOpenApi(json, "swagger.json");
  assert.equal(info.kind, "swagger2");
  assert.equal(info.port, 3000);
  assert.deepEqual(info.servers.map((s) => s.url), ["http://localhost:3000", "https://localhost:3000"]);
  assert.deepEqual(info.goPackage?.value, "example.com/legacy");
  assert.deepEqual(
    info.securitySchemes.map((s) => [s.name, s.type, s.in, s.paramName]),
    [["key", "apiKey", "header", "X-API-Key"], ["basic", "basic", null, null]],
  );
});

test("bad input: YAML syntax, duplicate keys, not OpenAPI, variable without default, bad port", () => {
  let e = located(() => parseOpenApi("openapi: 3.0.0\nservers: [\n  {url: x}\ninfo: {", "o.yaml"));
  assert.match(e.message, /^invalid YAML/);
  assert.ok((e.range?.start.line ?? 0) >= 2);
  e = located(() => parseOpenApi("openapi: 3.0.0\ninfo: {}\ninfo: {}\n", "o.yaml"));
  assert.equal(e.range?.start.line, 3);
  e = located(() => parseOpenApi("name: not a spec\n", "o.yaml"));
  assert.match(e.message, /not an OpenAPI document/);
  e = located(() => parseOpenApi("openapi: 2.5\n", "o.yaml"));
  assert.match(e.message, /unsupported OpenAPI version 2.5/);
  e = located(() => parseOpenApi("openapi: 3.0.0\nservers:\n  - url: http://h:{port}\n", "o.yaml"));
  assert.match(e.message, /variable \{port\} has no default/);
  assert.equal(e.range?.start.line, 3);
  e = located(() => parseOpenApi("openapi: 3.0.0\nservers:\n  - url: http://h:99999\n", "o.yaml"));
  assert.match(e.message, /invalid port 99999/);
  e = located(() => parseOpenApi("- a\n- b\n", "o.yaml"));
  assert.match(e.message, /must be a map/);
});

test("findOpenApi looks in the usual places, api/ first", () => {
  assert.equal(findOpenApi(join(ROOT, "examples", "greeter")), "api/openapi.yaml");
  assert.equal(findOpenApi(join(ROOT, "examples", "multi")), null);
  const dir = mkdtempSync(join(tmpdir(), "goship-openapi-"));
  try {
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "swagger.json"), "{}");
    assert.equal(findOpenApi(dir), "docs/swagger.json");
    writeFileSync(join(dir, "openapi.json"), "{}");
    assert.equal(findOpenApi(dir), "openapi.json");
    const e = located(() => readOpenApi(join(dir, "missing.yaml")));
    assert.match(e.message, /cannot read OpenAPI file: ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
