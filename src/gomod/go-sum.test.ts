import assert from "node:assert/strict";
import { test } from "node:test";
import { EMPTY_GO_MOD_HASH, parseGoSum } from "./go-sum.js";

test("entries keep line numbers; /go.mod lines are marked", () => {
  const s = parseGoSum("a.example/x v1.0.0 h1:AAA=\na.example/x v1.0.0/go.mod h1:BBB=\n\n\tb.example/y  v2.0.0+incompatible   h1:CCC=  \n");
  assert.equal(s.fatal, null);
  assert.deepEqual(
    s.entries.map((e) => [e.path, e.version, e.moduleVersion, e.goMod, e.hash, e.line]),
    [
      ["a.example/x", "v1.0.0", "v1.0.0", false, "h1:AAA=", 1],
      ["a.example/x", "v1.0.0/go.mod", "v1.0.0", true, "h1:BBB=", 2],
      ["b.example/y", "v2.0.0+incompatible", "v2.0.0+incompatible", false, "h1:CCC=", 4],
    ],
  );
  assert.deepEqual(s.problems, []);
  assert.ok(Object.isFrozen(s.entries) && Object.isFrozen(s.entries[0]));
});

test("wrong number of fields is fatal with readGoSum's message and line", () => {
  const s = parseGoSum("a.example/x v1.0.0 h1:A=\n\na.example/x v1.0.0/go.mod\nc d e f\n", "/m/go.sum");
  assert.deepEqual(
    s.problems.map((p) => [p.kind, p.line, p.message]),
    [
      ["wrong-number-of-fields", 3, "/m/go.sum:3: wrong number of fields 2"],
      ["wrong-number-of-fields", 4, "/m/go.sum:4: wrong number of fields 4"],
    ],
  );
  assert.equal(s.fatal?.range?.start.line, 3);
  assert.equal(s.fatal?.file, "/m/go.sum");
  assert.equal(s.entries.length, 1);
});

test("empty-go.mod hashes are dropped; duplicates and unknown algorithms are kept and reported", () => {
  const s = parseGoSum(`a.example/x v1.0.0/go.mod ${EMPTY_GO_MOD_HASH}\nb.example/y v1.0.0 h1:A=\nb.example/y v1.0.0 h1:A=\nb.example/y v1.0.0 h2:Z=\n`);
  assert.deepEqual(s.entries.map((e) => [e.line, e.algorithm]), [[2, "h1"], [3, "h1"], [4, "h2"]]);
  assert.deepEqual(s.problems.map((p) => [p.kind, p.line]), [["empty-go-mod-hash", 1], ["duplicate", 3], ["unknown-algorithm", 4]]);
});

test("CRLF and a missing final newline read like the go command", () => {
  const s = parseGoSum("a.example/x v1.0.0 h1:A=\r\nb.example/y v1.0.0 h1:B=");
  assert.deepEqual(s.entries.map((e) => [e.hash, e.line]), [["h1:A=", 1], ["h1:B=", 2]]);
  assert.equal(parseGoSum("").entries.length, 0);
});
