import { test } from "node:test";
import assert from "node:assert/strict";
import { BAD_PATTERN, filepathMatch, pathMatch } from "./path-match.js";
import { toBytes } from "./utf8.js";

test("path.Match checks the rest of the pattern after a mismatch; filepath.Match does not", () => {
  assert.deepEqual(pathMatch("a*[", "."), { matched: false, error: BAD_PATTERN });
  assert.deepEqual(filepathMatch("a*[", "."), { matched: false });
  for (const m of [pathMatch, filepathMatch]) {
    assert.deepEqual(m("[", "."), { matched: false, error: BAD_PATTERN });
    assert.deepEqual(m("*[", "."), { matched: false, error: BAD_PATTERN });
    assert.deepEqual(m("a\\", "a"), { matched: false, error: BAD_PATTERN });
  }
});

test("stars stay inside one element; ranges compare runes", () => {
  for (const m of [pathMatch, filepathMatch]) {
    assert.equal(m("a/*", "a/b").matched, true);
    assert.equal(m("*", "a/b").matched, false);
    assert.equal(m("a*b*c", "axxbyyc").matched, true);
    assert.equal(m("?", "/").matched, false);
    assert.equal(m(toBytes("[à-é]"), toBytes("ä")).matched, true);
    assert.equal(m(toBytes("[^à-é]?"), toBytes("äx")).matched, false);
    assert.deepEqual(m("[\xff]", "x"), { matched: false, error: BAD_PATTERN }, "invalid UTF-8 in a range");
  }
});
