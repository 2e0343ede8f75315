/**
 * `goship init` end to end through the CLI (in-process): bad inputs give one
 * error naming file and line, exit 2 and write nothing; --check tells
 * equal (0) from drift (1) and says why (hand edit, stale inputs); a
 * hand-written Dockerfile is not overwritten without --force (diff shown);
 * --stdout prints; .goship.yaml's init section is read and its unknown
 * keys are errors. Also the allow-list .dockerignore keeps exactly what the
 * build needs (checked with the BuildKit-faithful matcher of src/ignore).
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { goship } from "../support/cli.js";
import { compilePatterns, parseIgnoreFile } from "../../src/ignore/index.js";
import { parseConfig } from "../../src/config/load.js";
import { LocatedError } from "../../src/diagnostic/located-error.js";
import { EXAMPLES_DIR } from "./cases.js";

const tmp = mkdtempSync(join(tmpdir(), "goship-init-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

function project(files: Record<string, string>): string {
  const dir = join(tmp, `p${n++}`);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function copyExample(name: string): string {
  const dir = join(tmp, `${name}-${n++}`);
  cpSync(join(EXAMPLES_DIR, name), dir, { recursive: true });
  return dir;
}

const GOMOD = "module example.com/svc\n\ngo 1.26\n";
const MAIN = "package main\n\nfunc main() {}\n";
const API = (extra: string): string => `openapi: 3.0.3\ninfo:\n  title: svc\n  version: "1"\n${extra}paths: {}\n`;

describe("goship init: bad inputs exit 2, name file and line, write nothing", () => {
  const cases: { name: string; files: Record<string, string>; args?: string[]; want: RegExp }[] = [
    { name: "no go.mod", files: { "main.go": MAIN }, want: /go\.mod: no go\.mod/ },
    { name: "no main package", files: { "go.mod": GOMOD, "lib/lib.go": "package lib\n" }, want: /go\.mod:1:1: module example\.com\/svc has no main package/ },
    {
      name: "unparsable OpenAPI",
      files: { "go.mod": GOMOD, "main.go": MAIN, "api/openapi.yaml": "openapi: 3.0.3\ninfo: [unclosed\n" },
      want: /api\/openapi\.yaml:\d+:\d+: invalid YAML/,
    },
    {
      name: "two server ports in OpenAPI",
      files: { "go.mod": GOMOD, "main.go": MAIN, "api/openapi.yaml": API("servers:\n  - url: http://localhost:8080\n  - url: http://localhost:9090\n") },
      want: /^error: api\/openapi\.yaml:7:1: conflicting server ports: 9090 here, 8080 at line 6/,
    },
    {
      name: "--port against the OpenAPI port",
      files: { "go.mod": GOMOD, "main.go": MAIN, "api/openapi.yaml": API("servers:\n  - url: http://localhost:8080\n") },
      args: ["--port", "9090"],
      want: /api\/openapi\.yaml:6:1: port 9090 from --port conflicts with port 8080/,
    },
    {
      name: "x-go-package not in the module",
      files: { "go.mod": GOMOD, "main.go": MAIN, "api/openapi.yaml": API("x-go-package: example.com/other/api\n") },
      want: /api\/openapi\.yaml:5:1: x-go-package example\.com\/other\/api is not in module example\.com\/svc/,
    },
    {
      name: "x-go-package naming no package",
      files: { "go.mod": GOMOD, "main.go": MAIN, "api/openapi.yaml": API("x-go-package: example.com/svc/internal/api\n") },
      want: /api\/openapi\.yaml:5:1: x-go-package example\.com\/svc\/internal\/api names no package/,
    },
    {
      name: "replace outside the context",
      files: { "go.mod": `${GOMOD}\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n`, "main.go": MAIN, "../lib/go.mod": "module example.com/lib\n" },
      want: /go\.mod:7:1: replacement directory \.\.\/lib is outside the module folder/,
    },
    { name: "go.mod without go line", files: { "go.mod": "module example.com/svc\n", "main.go": MAIN }, want: /go\.mod:1:1: go\.mod has no go directive/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const dir = project(c.files);
      const before = readdirSync(dir).sort();
      const r = await goship(["init", ...(c.args ?? [])], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, c.want);
      assert.equal(r.stderr.trim().split("\n").length, 1, `one error line, got:\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
      assert.deepEqual(readdirSync(dir).sort(), before, "nothing written");
    });
  }
  it("unknown target and profile are usage errors", async () => {
    const dir = copyExample("multi");
    const r = await goship(["init", "--target", "nope"], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown target "nope": the main packages build api, worker/);
    const p = await goship(["init", "--target-profile", "api=tiny"], { cwd: dir });
    assert.equal(p.code, 2);
  });
});

describe("goship init --check and overwrite protection", () => {
  it("a hand-written Dockerfile is not overwritten without --force: diff, exit 1, nothing written", async () => {
    const dir = copyExample("greeter");
    const hand = readFileSync(join(dir, "Dockerfile"), "utf8");
    const handIgnore = readFileSync(join(dir, ".dockerignore"), "utf8");
    const r = await goship(["init"], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /refused: Dockerfile was not generated by goship \(no goship header\): hand-written/);
    assert.match(r.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n/m);
    assert.equal(readFileSync(join(dir, "Dockerfile"), "utf8"), hand);
    assert.equal(readFileSync(join(dir, ".dockerignore"), "utf8"), handIgnore, "nothing at all written");
    const f = await goship(["init", "--force"], { cwd: dir });
    assert.equal(f.code, 0, f.stderr);
    assert.match(readFileSync(join(dir, "Dockerfile"), "utf8"), /^# Generated by goship /);
  });

  it("--check: 0 when equal; 1 naming a hand edit; 1 naming the stale input", async () => {
    const dir = copyExample("greeter");
    for (const f of ["Dockerfile", ".dockerignore"]) rmSync(join(dir, f));
    const missing = await goship(["init", "--check"], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Dockerfile does not exist/);
    assert.equal((await goship(["init"], { cwd: dir })).code, 0);
    const ok = await goship(["init", "--check"], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr + ok.stdout);
    assert.equal(ok.stdout, "");

    // Hand edit: the body no longer matches its content hash.
    const df = join(dir, "Dockerfile");
    const generated = readFileSync(df, "utf8");
    writeFileSync(df, generated.replace("USER 65532:65532", "USER root"));
    const edited = await goship(["init", "--check"], { cwd: dir });
    assert.equal(edited.code, 1);
    assert.match(edited.stderr, /Dockerfile: edited by hand since goship generated it/);
    assert.doesNotMatch(edited.stderr, /stale/);
    assert.match(edited.stdout, /^-USER root$/m);
    assert.match(edited.stdout, /^\+USER 65532:65532$/m);
    // init refuses to overwrite the hand edit, --force does.
    assert.equal((await goship(["init"], { cwd: dir })).code, 1);
    assert.equal((await goship(["init", "--force"], { cwd: dir })).code, 0);

    // Stale input: the OpenAPI port changed; the files were not touched by hand.
    const api = join(dir, "api/openapi.yaml");
    writeFileSync(api, readFileSync(api, "utf8").replace("http://localhost:8080", "http://localhost:9000"));
    const stale = await goship(["init", "--check"], { cwd: dir });
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /Dockerfile: stale: openapi changed since it was generated/);
    assert.doesNotMatch(stale.stderr, /by hand/);
    assert.match(stale.stdout, /^\+EXPOSE 9000$/m);
    // A code change that does not change what is generated is not drift.
    const main = join(dir, "main.go");
    writeFileSync(main, readFileSync(main, "utf8") + "\n// a comment\n");
    assert.equal((await goship(["init"], { cwd: dir })).code, 0);
    assert.equal((await goship(["init", "--check"], { cwd: dir })).code, 0);
  });

  it("--stdout prints and writes nothing", async () => {
    const dir = project({ "go.mod": GOMOD, "main.go": MAIN });
    const r = await goship(["init", "--stdout", "--port", "8080"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /==> Dockerfile <==\n# Generated by goship/);
    assert.match(r.stdout, /^EXPOSE 8080$/m);
    assert.doesNotMatch(r.stdout, /^# syntax=/m);
    assert.match(r.stdout, /^ARG GOPROXY$/m);
    assert.doesNotMatch(r.stdout, /GOSUMDB=/);
    assert.deepEqual(readdirSync(dir).sort(), ["go.mod", "main.go"]);
  });

  it("reads .goship.yaml's init section (profile matrix, port, syntax) and rejects unknown keys", async () => {
    const dir = copyExample("multi");
    writeFileSync(join(dir, ".goship.yaml"), "init:\n  profiles:\n    worker: debian-slim\n  port:\n    api: 8081\n  syntax: true\n");
    const r = await goship(["init", "--stdout"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^==> Dockerfile <==\n# syntax=docker\/dockerfile:1\n# Generated by goship/);
    assert.match(r.stdout, /^FROM debian:bookworm-slim AS worker$/m);
    assert.match(r.stdout, /^FROM gcr\.io\/distroless\/static-debian12:nonroot AS api$/m);
    assert.match(r.stdout, /^EXPOSE 8081$/m);
    writeFileSync(join(dir, ".goship.yaml"), "init:\n  profle: alpine\n");
    const bad = await goship(["init", "--stdout"], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.goship\.yaml:2:3: unknown key "profle" in init \(did you mean "profile"\?\)/);
  });

  it("parseConfig fills the init defaults and validates profiles", () => {
    const c = parseConfig("init:\n  profile: debug\n  withTests: true\n  port: 8080\n", ".goship.yaml");
    assert.equal(c.init.profile, "debug");
    assert.equal(c.init.withTests, true);
    assert.equal(c.init.port, 8080);
    assert.equal(c.init.syntax, null);
    assert.throws(() => parseConfig("init:\n  profile: scratch\n", ".goship.yaml"), (e: unknown) => e instanceof LocatedError && /init\.profile/.test(e.message));
  });

  it("private modules: GOPRIVATE from the environment, netrc only as a secret mount", async () => {
    const dir = copyExample("private");
    const r = await goship(["init", "--stdout"], { cwd: dir, env: { GOPRIVATE: "corp.example" } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ARG GOPRIVATE=corp\.example$/m);
    assert.match(r.stdout, /--mount=type=secret,id=netrc,target=\/root\/\.netrc/);
    assert.doesNotMatch(r.stdout, /^(ENV|ARG) .*NETRC|^ENV GOPRIVATE/im);
    const none = await goship(["init", "--stdout"], { cwd: dir });
    assert.doesNotMatch(none.stdout, /netrc|GOPRIVATE/);
  });
});

describe("the generated .dockerignore keeps exactly what the build needs", () => {
  it("greeter: sources and embedded files in; tests, .git, .env, keys, build output out", async () => {
    const dir = copyExample("greeter");
    const r = await goship(["init", "--stdout"], { cwd: dir });
    const ignore = r.stdout.split("==> .dockerignore <==\n")[1] as string;
    const m = compilePatterns(parseIgnoreFile(ignore, ".dockerignore"));
    for (const p of ["go.mod", "go.sum", "main.go", "internal/greeting/greeting.go", "static/index.html", "static"]) {
      assert.equal(m.excludedFromContext(p), false, `${p} must be in the context`);
    }
    for (const p of ["internal/greeting/greeting_test.go", ".git/config", ".git/hooks/x.go", ".env", "config/.env", "id_rsa", "server.key", "app.local.yaml", "bin/greeter", "Dockerfile", "api/openapi.yaml", "README.md"]) {
      assert.equal(m.excludedFromContext(p), true, `${p} must stay out of the context`);
    }
  });
  it("--with-tests keeps the tests and testdata", async () => {
    const dir = copyExample("greeter");
    const r = await goship(["init", "--stdout", "--with-tests"], { cwd: dir });
    const m = compilePatterns(parseIgnoreFile(r.stdout.split("==> .dockerignore <==\n")[1] as string));
    assert.equal(m.excludedFromContext("internal/greeting/greeting_test.go"), false);
    assert.equal(m.excludedFromContext("internal/greeting/testdata/in.txt"), false);
    assert.ok(existsSync(join(dir, "Dockerfile")));
  });
});
