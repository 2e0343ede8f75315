import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanPath, dirPath } from "./clean-path.js";

// Go's own table (path/path_test.go cleantests).
const CLEAN: ReadonlyArray<readonly [string, string]> = [
  ["", "."], ["abc", "abc"], ["abc/def", "abc/def"], ["a/b/c", "a/b/c"], [".", "."], ["..", ".."],
  ["../..", "../.."], ["../../abc", "../../abc"], ["/abc", "/abc"], ["/", "/"], ["abc/", "abc"],
  ["abc/def/", "abc/def"], ["a/b/c/", "a/b/c"], ["./", "."], ["../", ".."], ["../../", "../.."],
  ["/abc/", "/abc"], ["abc//def//ghi", "abc/def/ghi"], ["//abc", "/abc"], ["///abc", "/abc"],
  ["//abc//", "/abc"], ["abc//", "abc"], ["abc/./def", "abc/def"], ["/./abc/def", "/abc/def"],
  ["abc/.", "abc"], ["abc/def/ghi/../jkl", "abc/def/jkl"], ["abc/def/../ghi/../jkl", "abc/jkl"],
  ["abc/def/..", "abc"], ["abc/def/../..", "."], ["/abc/def/../..", "/"], ["abc/def/../../..", ".."],
  ["/abc/def/../../..", "/"], ["abc/def/../../../ghi/jkl/../../../mno", "../../mno"],
  ["abc/./../def", "def"], ["abc//./../def", "def"], ["abc/../../././../def", "../../def"],
];

test("cleanPath matches Go's filepath.Clean table", () => {
  for (const [input, want] of CLEAN) assert.equal(cleanPath(input), want, JSON.stringify(input));
});

test("dirPath is filepath.Dir: cleaned text before the last slash", () => {
  assert.equal(dirPath("a/b/c"), "a/b");
  assert.equal(dirPath("a"), ".");
  assert.equal(dirPath("/a"), "/");
  assert.equal(dirPath("a//b"), "a");
  assert.equal(dirPath("a/"), "a");
  assert.equal(dirPath("a/../b/c"), "b");
});
