/**
 * Differential test: Dockerfiles holding runes assigned after Unicode 15.0
 * (U+10D4A GARAY, U+1FAE9, U+31350 CJK Ext H) give BuildKit's answer. BuildKit
 * is built with Go 1.26, whose tables are Unicode 15.0.0: such a rune is no
 * letter for the heredoc-word lexer and is not printable for strconv.Quote
 * (error messages write it as \U…). Node's own \p{…} classes (Unicode 17)
 * say otherwise, so these cases pin goship to src/golang's Go tables.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runOracle } from "../support/oracle.js";
import { normalize } from "./dockerfile-normalize.js";
import { compareAnswers } from "./dockerfile-compare.js";

const CASES: readonly string[] = [
  "FROM alpine AS .日\u{10D4A}\n",
  "FROM alpine AS }#'\u{1FAE9}{|\n",
  "FROM alpine AS \u{31350}\n",
  "FROM alpine\nRUN cat <<${\u{10D4A}}\nx\n${\u{10D4A}}\n",
  "FROM alpine\nRUN cat <<E${x\u{10D4A}}\nx\nE\n",
  "FROM alpine\nRUN cat <<$\u{10D4A}x\nx\n$\u{10D4A}x\n",
  "FROM alpine\nRUN cat <<${a\u{10D4A}:-b}\nx\nb\n",
];

test("runes newer than Unicode 15.0: goship agrees with BuildKit (Go 1.26 tables)", async () => {
  const files = CASES.map((content, i) => ({ name: `u15-${i}`, content }));
  const answers = await runOracle<{ name: string; content: string }, unknown>("dockerfile", "parse", files);
  const failures: string[] = [];
  files.forEach((f, i) => {
    const v = compareAnswers(answers[i], normalize(f.content));
    if (!v.ok) failures.push(`${JSON.stringify(f.content)}: ${v.why}`);
  });
  console.log(`unicode 15: ${files.length - failures.length}/${files.length} agree`);
  assert.deepEqual(failures, []);
});
