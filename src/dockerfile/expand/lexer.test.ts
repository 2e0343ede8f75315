import { test } from "node:test";
import assert from "node:assert/strict";
import { ExpandError, expandWord, expandWords } from "./index.js";
import { TOO_DEEP } from "./lexer.js";

const env = (o: Record<string, string>) => new Map(Object.entries(o));

test("matched and unmatched variables (BuildKit TestProcessWithMatches)", () => {
  const r = expandWord("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", env({ FOO: "xxx", BAR: "" }));
  assert.equal(r.value, "xxx  ccc");
  assert.deepEqual([...r.matched], ["BAR", "FOO"]);
  assert.deepEqual([...r.unmatched], ["BAZ"]);
  assert.equal(expandWord("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", env({ FOO: "xxx", BAR: "" })).value, "xxx bbb ccc");
  assert.equal(expandWord("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", env({ FOO: "xxx", BAR: "" })).value, "aaa  ");
  assert.equal(expandWord("${FOO/$N/.} - ${FOO//$N/.}", env({ FOO: "/foo*/*/*.txt", N: "\\*/" })).value, "/foo.*/*.txt - /foo..*.txt");
});

test("a function lookup works like a map and names are case-sensitive", () => {
  const look = (n: string) => (n === "Path" ? "p" : undefined);
  const r = expandWord("$Path:$PATH", look);
  assert.equal(r.value, "p:");
  assert.deepEqual([...r.unmatched], ["PATH"]);
});

test("required variables fail with BuildKit's message", () => {
  const vars = env({ VAR: "", ARG: "x" });
  assert.throws(() => expandWord("${VAR:?message here$ARG}", vars), (e: unknown) => {
    assert.ok(e instanceof ExpandError);
    assert.equal(e.reason, "VAR: message herex");
    assert.equal(e.message, 'failed to process "${VAR:?message here$ARG}": VAR: message herex');
    return true;
  });
  assert.equal(expandWord("${VAR?message}", vars).value, "");
  assert.throws(() => expandWord("${NOPE?}", vars), { message: /NOPE: is not allowed to be unset$/ });
  assert.throws(() => expandWord("${VAR:?}", vars), { message: /VAR: is not allowed to be empty$/ });
});

test("syntax errors", () => {
  const cases: [string, string][] = [
    ["${}", "syntax error: bad substitution"],
    ["${V", "unsupported modifier (\ufffd) in substitution"],
    ["${V:-x", "syntax error: missing '}'"],
    ["${V/x", "syntax error: missing '/' in ${}"],
    ["${V:=x}", "unsupported modifier (:=) in substitution"],
    ["${V:#x}", "unsupported modifier (:#) in substitution"],
    ["'open", "unexpected end of statement while looking for matching single-quote"],
    ["\"open", "unexpected end of statement while looking for matching double-quote"],
    ["${V#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'"],
  ];
  for (const [word, reason] of cases) {
    assert.throws(() => expandWord(word, env({ V: "v" })), (e: unknown) => e instanceof ExpandError && e.reason === reason, word);
  }
});

test("escape token: backslash or backtick", () => {
  assert.equal(expandWord("C:\\dir \\$V", env({ V: "v" })).value, "C:dir $V");
  assert.equal(expandWord("C:\\dir `$V", env({ V: "v" }), { escapeToken: "`" }).value, "C:\\dir $V");
  assert.equal(expandWord('"a`"b"', env({}), { escapeToken: "`" }).value, 'a"b');
});

test("options: skipUnsetEnv, skipProcessQuotes, raw quotes and escapes", () => {
  assert.equal(expandWord("$A ${B} ${C:-d} ${D/x/y}", env({ A: "a" }), { skipUnsetEnv: true }).value, "a ${B} ${C:-d} ${D/x/y}");
  assert.equal(expandWord("'$A' \"$A\"", env({ A: "a" }), { skipProcessQuotes: true }).value, "'a' \"a\"");
  const raw = { rawQuotes: true, rawEscapes: true } as const;
  assert.equal(expandWord('"a\\"b" "a\\\\b" "\\$FOO"', env({ FOO: "bar" }), raw).value, '"a\\"b" "a\\\\b" "\\$FOO"');
  assert.equal(expandWord("\\$FOO $FOO a\\ b 'x\\y'", env({ FOO: "bar" }), raw).value, "\\$FOO bar a\\ b 'x\\y'");
  assert.equal(expandWord("$BAR ${FOO#\"a\\b\"}", env({ FOO: "a\\bc", BAR: "ok" }), raw).value, "ok a\\bc");
});

test("expandWords splits on unquoted whitespace, including whitespace from values", () => {
  const vars = env({ space: "abc  def", leading: "  ab c" });
  assert.deepEqual(expandWords('hello${space}bye "${space}" x\\ y', vars), ["helloabc", "defbye", "abc  def", "x y"]);
  assert.deepEqual(expandWords("hello${leading}def", vars), ["hello", "ab", "cdef"]);
  assert.deepEqual(expandWords('""', vars), []);
  assert.deepEqual(expandWords("a << b", vars), ["a", "<< b"]);
});

test("BuildKit quirks are kept", () => {
  // A nested operand resets the shared split buffer: the text before it is lost.
  assert.deepEqual(expandWords("hello${X:-a b}c", env({})), ["a", "bc"]);
  assert.equal(expandWord("hello${X:-a b}c", env({})).value, "helloa bc");
  // A byte order mark opening the word is skipped, elsewhere kept.
  assert.equal(expandWord("\ufeffa\ufeff", env({})).value, "a\ufeff");
  // ${V//p/r} expands $0 and $$ in r like Go's ReplaceAllString; ${V/p/r} does not.
  assert.equal(expandWord("${V//x/<$R>}", env({ V: "axb", R: "$0$$" })).value, "a<x$>b");
  assert.equal(expandWord("${V/x/<$R>}", env({ V: "axb", R: "$0$$" })).value, "a<$0$$>b");
  // Special and positional parameters are plain names.
  assert.equal(expandWord("$@@ $12x ${#}", env({ "@": "at", "12": "tw" })).value, "at@ twx ");
});

test("absurd nesting is an ExpandError, not a stack overflow", () => {
  const deep = "${A:-".repeat(20000) + "x" + "}".repeat(20000);
  assert.throws(() => expandWord(deep, env({})), (e: unknown) => e instanceof ExpandError && e.reason === TOO_DEEP);
  const fine = "${A:-".repeat(500) + "x" + "}".repeat(500);
  assert.equal(expandWord(fine, env({})).value, "x");
});
