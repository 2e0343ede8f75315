import assert from "node:assert/strict";
import { test } from "node:test";
import { parseGoMod } from "./go-mod.js";
import { parseGoWork } from "./go-work.js";
import { GoModSyntaxError } from "./modfile-error.js";

const TEXT = `// Deprecated: use example.com/v2.
module example.com/app

go 1.22
toolchain go1.22.3

require (
\tgolang.org/x/mod v0.14 // indirect
\t"example.com/quoted/v2" v2.1.0
)

replace example.com/old v1.0.0 => ../old
retract [v1.0.0, v1.0.5] // leaked secret
tool example.com/app/cmd/gen
`;

test("directives, values, comments and ranges", () => {
  const m = parseGoMod(TEXT);
  assert.equal(m.module?.path, "example.com/app");
  assert.equal(m.module?.deprecated, "use example.com/v2.");
  assert.deepEqual(m.module?.range, { start: { line: 2, column: 1 }, end: { line: 2, column: 23 } });
  assert.equal(m.go?.version, "1.22");
  assert.equal(m.toolchain?.name, "go1.22.3");
  assert.deepEqual(m.require.map((r) => [r.path, r.version, r.indirect, r.inBlock, r.range.start.line, r.range.start.column]), [
    ["golang.org/x/mod", "v0.14.0", true, true, 8, 2],
    ["example.com/quoted/v2", "v2.1.0", false, true, 9, 2],
  ]);
  assert.deepEqual(m.require[0]?.comments, ["indirect"]);
  assert.deepEqual(m.replace[0]?.old, { path: "example.com/old", version: "v1.0.0" });
  assert.equal(m.replace[0]?.local, true);
  assert.deepEqual([m.retract[0]?.low, m.retract[0]?.high, m.retract[0]?.rationale], ["v1.0.0", "v1.0.5", "leaked secret"]);
  assert.equal(m.tool[0]?.path, "example.com/app/cmd/gen");
  assert.ok(Object.isFrozen(m) && Object.isFrozen(m.require) && Object.isFrozen(m.require[0]));
});

test("errors: every problem, x/mod's text, LocatedError position of the first", () => {
  const text = "module example.com/x\n  require a.example/b latest\nfoo\n";
  assert.throws(
    () => parseGoMod(text, "dir/go.mod"),
    (e: unknown) => {
      assert.ok(e instanceof GoModSyntaxError);
      assert.equal(e.goText, 'dir/go.mod:2:3: require a.example/b: version "latest" invalid: must be of the form v1.2.3\ndir/go.mod:3: unknown directive: foo');
      assert.equal(e.message, 'require a.example/b: version "latest" invalid: must be of the form v1.2.3');
      assert.deepEqual(e.range?.start, { line: 2, column: 3 });
      assert.equal(e.format(), 'dir/go.mod:2:3: require a.example/b: version "latest" invalid: must be of the form v1.2.3');
      assert.equal(e.problems.length, 2);
      return true;
    },
  );
});

test("lax mode skips what ParseLax skips", () => {
  const text = "module example.com/x\ngo 1.21-pre\nfuture directive\nreplace a.example/b => b\n";
  assert.throws(() => parseGoMod(text), GoModSyntaxError);
  const m = parseGoMod(text, "go.mod", { lax: true });
  assert.equal(m.go?.version, "1.21");
  assert.equal(m.replace.length, 0);
});

test("UTF-16 columns after non-BMP characters", () => {
  const m = parseGoMod("module example.com/x // 🚀\n\t\t🚀x require a.example/b v1.0.0 // 🚀 indirect\n".replace("\t\t🚀x ", ""));
  assert.equal(m.require[0]?.range.start.column, 1);
  assert.equal(m.require[0]?.indirect, false);
  assert.throws(() => parseGoMod("module x\n🚀 \u000b\n"), (e: unknown) => e instanceof GoModSyntaxError && e.goText === "go.mod:2:3: unexpected input character '\\v'" && e.range?.start.column === 4);
});

test("go.work", () => {
  const w = parseGoWork("go 1.22\nuse (\n\t./a\n\t../b\n)\nreplace x.example/y => ./y\n");
  assert.deepEqual(w.use.map((u) => u.path), ["./a", "../b"]);
  assert.equal(w.replace[0]?.new.path, "./y");
  assert.throws(() => parseGoWork("module x\n"), (e: unknown) => e instanceof GoModSyntaxError && e.goText === "go.work:1: unknown directive: module");
});
