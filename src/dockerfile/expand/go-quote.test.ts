import { test } from "node:test";
import assert from "node:assert/strict";
import { goQuote } from "./go-quote.js";

test("goQuote matches strconv.Quote", () => {
  assert.equal(goQuote(""), '""');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote("\t\n\r\u0007\u0000\u007f"), '"\\t\\n\\r\\a\\x00\\x7f"');
  assert.equal(goQuote("é한👽 "), '"é한👽 "');
  assert.equal(goQuote("\u00a0\u200b\ufeff"), '"\\u00a0\\u200b\\ufeff"');
  assert.equal(goQuote("\u{e0001}"), '"\\U000e0001"');
  assert.equal(goQuote("\u{10d4a}"), '"\\U00010d4a"', "unassigned in Go's Unicode 15 tables");
});
