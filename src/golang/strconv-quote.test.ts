import { test } from "node:test";
import assert from "node:assert/strict";
import { goQuote, goQuoteBytes, goQuoteRuneBytes } from "./strconv-quote.js";
import { fromBytes, toBytes } from "./utf8.js";

test("goQuote matches strconv.Quote", () => {
  assert.equal(goQuote(""), '""');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote("\t\n\r\u0007\u0000\u007f"), '"\\t\\n\\r\\a\\x00\\x7f"');
  assert.equal(goQuote("é한👽 "), '"é한👽 "');
  assert.equal(goQuote("\u00a0\u200b\ufeff"), '"\\u00a0\\u200b\\ufeff"');
  assert.equal(goQuote("\u{e0001}"), '"\\U000e0001"');
  assert.equal(goQuote("\u{10d4a}"), '"\\U00010d4a"', "unassigned in Go's Unicode 15 tables");
  assert.equal(goQuote("a\ud800b"), '"a\ufffdb"', "a lone surrogate is the U+FFFD Go would see");
});

test("goQuoteBytes writes invalid UTF-8 as \\x, like strconv.Quote on Go bytes", () => {
  assert.equal(fromBytes(goQuoteBytes(toBytes("é\u{10d4a}\t"))), '"é\\U00010d4a\\t"');
  assert.equal(goQuoteBytes("a\xffb\xc3"), '"a\\xffb\\xc3"');
  assert.equal(goQuoteBytes(toBytes("\ufffd")), toBytes('"\ufffd"'), "a real U+FFFD is printable");
});

test("goQuoteRuneBytes matches strconv.QuoteRune", () => {
  assert.equal(goQuoteRuneBytes(0x27), "'\\''");
  assert.equal(goQuoteRuneBytes(0x22), "'\"'");
  assert.equal(goQuoteRuneBytes(0x0a), "'\\n'");
  assert.equal(fromBytes(goQuoteRuneBytes(0xe9)), "'é'");
  assert.equal(fromBytes(goQuoteRuneBytes(0xd800)), "'\ufffd'", "an invalid rune is RuneError");
  assert.equal(goQuoteRuneBytes(0x110000), toBytes("'\ufffd'"));
});
