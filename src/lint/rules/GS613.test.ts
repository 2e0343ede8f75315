import assert from "node:assert/strict";
import { test } from "node:test";
import { lintText } from "../engine.js";
import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS613.js";

ruleTester(rule, {
  valid: ["FROM golang:1.22\nENV CGO_ENABLED=0 GOOS=linux\n", 'FROM golang:1.22\nENV A="b c"\n'],
  invalid: [
    {
      name: "one word",
      code: "FROM golang:1.22\nENV GOPATH /go\n",
      errors: [{ line: 2, column: 1, endColumn: 4, message: /legacy "ENV GOPATH value" form: write ENV GOPATH=\/go/ }],
      output: "FROM golang:1.22\nENV GOPATH=/go\n",
    },
    {
      name: "blanks are quoted, a quoted value is kept, variables keep working",
      code: 'FROM golang:1.22\nENV TAGS bindata  sqlite\nENV OPTS "--a --b"\nENV PATH /usr/local/go/bin:$PATH\n',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }],
      output: 'FROM golang:1.22\nENV TAGS="bindata  sqlite"\nENV OPTS="--a --b"\nENV PATH=/usr/local/go/bin:$PATH\n',
    },
    {
      name: "mixed quoting: reported without a fix",
      code: "FROM golang:1.22\nENV MSG it's \"here\"\n",
      errors: [{ line: 2 }],
    },
  ],
});

test("GS613 gives no fix when quoting would change the value", () => {
  const fixes = lintText("FROM golang:1.22\nENV MSG it's \"here\"\nENV A \\\n  b\n", { rules: [rule] }).findings.map((f) => f.fix);
  assert.deepEqual(fixes, [undefined, undefined]);
});
