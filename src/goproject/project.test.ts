import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocatedError } from "../diagnostic/located-error.js";
import { ROOT } from "../../test/support/paths.js";
import { binaryName } from "./project.js";
import { scanProject } from "./scan-project.js";

const FIX = join(ROOT, "test", "fixtures", "goproject");
const linux = { goos: "linux", goarch: "amd64" } as const;

async function rejectsLocated(p: Promise<unknown>): Promise<LocatedError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LocatedError, `LocatedError expected, got ${String(e)}`);
    return e;
  }
  assert.fail("no error");
}

function withCopy<T>(fixture: string, edit: (dir: string) => void, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "goship-goproject-unit-"));
  cpSync(join(FIX, fixture), dir, { recursive: true });
  edit(dir);
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test("cmd/ layout: main packages, binary names, version symbols, go.mod ignore", async () => {
  const p = await scanProject(join(FIX, "cmdlayout"), { ...linux, strict: false });
  assert.equal(p.modulePath, "example.test/cmdlayout/v3");
  assert.deepEqual(
    p.mainPackages.map((m) => [m.importPath, m.dir, m.binaryName, m.underCmd, m.versionSymbol]),
    [
      ["example.test/cmdlayout/v3", ".", "cmdlayout", false, null],
      ["example.test/cmdlayout/v3/cmd/cli", "cmd/cli", "cli", true, null],
      ["example.test/cmdlayout/v3/cmd/server", "cmd/server", "server", true, "main.Version"],
      ["example.test/cmdlayout/v3/cmd/tool/v2", "cmd/tool/v2", "tool", true, "main.version"],
    ],
  );
  assert.deepEqual(p.versionVariable, {
    symbol: "main.Version", importPath: "example.test/cmdlayout/v3/cmd/server", file: "cmd/server/main.go", line: 11, value: "1.0.0",
  });
  const paths = p.packages.map((x) => x.importPath);
  assert.ok(!paths.some((x) => x.includes("generated") || x.includes("bower_components")), "ignore directive honoured");
  assert.equal(p.problems.length, 2, "mixed package names and cgo in a test");
  await rejectsLocated(scanProject(join(FIX, "cmdlayout"), linux));
  assert.equal(binaryName("example.com/x/v2"), "x");
  assert.equal(binaryName("example.com/v2"), "example.com");
  assert.equal(binaryName("example.com/v0"), "v0");
});

test("local replace, requirements, toolchain, private modules", async () => {
  const p = await scanProject(join(FIX, "replace"), linux);
  assert.equal(p.go?.version, "1.26");
  assert.equal(p.toolchain?.name, "go1.26.8");
  assert.equal(p.toolchain?.range.start.line, 5);
  assert.deepEqual(p.localReplaces.map((r) => [r.old.path, r.dir, r.range.start.line]), [["example.test/util", "third_party/lib", 13]]);
  assert.deepEqual(p.privateModules("corp.example,*.corp.example").map((r) => r.path), ["corp.example/secret", "git.corp.example/team/x"]);
  assert.deepEqual(p.privateModules("").map((r) => r.path), []);
  assert.deepEqual(p.versionVariables.map((v) => [v.symbol, v.value]), [["main.Version", "v0.0.0"]]);
  const e = await withCopy(
    "replace",
    (d) => writeFileSync(join(d, "go.mod"), "module example.test/replace\n\ngo 1.26\n\nreplace example.test/util => ../nowhere\n"),
    (d) => rejectsLocated(scanProject(d, linux)),
  );
  assert.match(e.message, /replacement directory \.\.\/nowhere does not exist/);
  assert.match(e.file, /go\.mod$/);
  assert.equal(e.range?.start.line, 5);
});

test("cgo: own import \"C\" and a known cgo module", async () => {
  const p = await scanProject(join(FIX, "cgo"), linux);
  assert.equal(p.usesCgo, true);
  assert.deepEqual(p.cgoReasons.map((r) => r.source), ["example.test/cgo/native", "example.test/cgo/onlycgo", "github.com/mattn/go-sqlite3"]);
  const nocgo = await scanProject(join(FIX, "cgo"), { ...linux, cgo: false });
  assert.deepEqual(nocgo.packages.find((x) => x.dir === "native")?.goFiles, ["common.go", "fallback.go"]);
  assert.equal(nocgo.packages.some((x) => x.dir === "onlycgo"), false);
  const greeter = await scanProject(join(ROOT, "examples", "greeter"), linux);
  assert.equal(greeter.usesCgo, false);
});

test("embed: project-level file list; a pattern matching nothing is an error at its line", async () => {
  const p = await scanProject(join(FIX, "embed"), linux);
  assert.ok(p.embedFiles.includes("web/.well-known"), "all: keeps dot files");
  assert.ok(p.embedFiles.includes("tmpl/.c.tmpl"), "a glob (tmpl/*.tmpl) matches dot files, as filepath.Glob does");
  assert.ok(!p.embedFiles.includes("assets/.env.sample") && !p.embedFiles.includes("assets/nested/n.txt"));
  assert.ok(p.embedFiles.includes("inner/files/.j"), "a glob matches dot files");
  assert.ok(!p.embedFiles.includes("testonly.txt"), "test-only embeds do not count");
  const e = await rejectsLocated(scanProject(join(FIX, "embederr"), linux));
  assert.match(e.file, /embederr\/badname\/b\.go$/);
  assert.equal(e.message, "pattern *.txt: no matching files found");
  assert.deepEqual(e.range?.start, { line: 5, column: 12 });
});

test("workspace, vendor, nested modules, testdata", async () => {
  const w = await scanProject(join(FIX, "workspace"), linux);
  assert.deepEqual(w.workspace?.use.map((u) => [u.path, u.dir, u.exists]), [[".", ".", true], ["./lib", "lib", true]]);
  assert.deepEqual(w.packages.map((x) => x.importPath), ["example.test/workspace/cmd/app"]);
  const v = await scanProject(join(FIX, "vendored"), linux);
  assert.equal(v.vendor?.consistent, true);
  assert.deepEqual(v.versionVariable?.symbol, "main.Version");
  const s = await scanProject(join(FIX, "vendorstale"), linux);
  assert.equal(s.vendor?.consistent, false);
  const l = await scanProject(join(FIX, "layout"), linux);
  assert.deepEqual(l.packages.map((x) => x.dir), [".", "empty-sub/deeper", "internal/vendor", "onlytests", "pkg", "pkg/sub"]);
  const none = await rejectsLocated(scanProject(join(FIX), linux));
  assert.match(none.message, /no go\.mod/);
});
