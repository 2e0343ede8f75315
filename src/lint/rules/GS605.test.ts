import assert from "node:assert/strict";
import { test } from "node:test";
import { lintText } from "../engine.js";
import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS605.js";

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCMD ["/app", "serve"]\n',
    'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["serve"]\n',
    // a SHELL instruction in effect (here inherited from the parent stage) makes shell form deliberate
    'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nCMD /app serve\n',
    "FROM alpine:3.20\nRUN echo shell form is fine for RUN\n",
    // corpus false positive: a dev box's keep-alive; the sleeper ignores SIGTERM as PID 1 in either form
    "FROM golang:1.17.3-alpine3.14\nWORKDIR /app\nCOPY . .\nCMD tail -f /dev/null\n",
    "FROM debian:12\nCMD sleep infinity\n",
  ],
  invalid: [
    {
      name: "plain words: safe JSON rewrite",
      code: "FROM alpine:3.20\nCMD ./main --port=8080\n",
      errors: [{ line: 2, column: 1, endColumn: 4, message: /CMD in shell form.*SIGTERM.*CMD \["\.\/main", "--port=8080"\]/ }],
      output: 'FROM alpine:3.20\nCMD ["./main", "--port=8080"]\n',
    },
    {
      name: "scratch has no shell",
      code: "FROM scratch\nCOPY app /app\nENTRYPOINT /app\n",
      errors: [{ line: 3, message: /no \/bin\/sh, so the container cannot start/ }],
      output: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "shell syntax: reported without a fix",
      code: 'FROM alpine:3.20\nCMD exec /app --addr "$ADDR"\nENTRYPOINT /app 2>&1 | tee log\n',
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      name: "CMD under an ENTRYPOINT: the rewrite changes the arguments, so only a suggestion",
      code: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD serve\n',
      errors: [{ line: 3 }],
    },
    {
      name: "ENTRYPOINT with a CMD in the stage: suggestion only",
      code: "FROM alpine:3.20\nENTRYPOINT /app\nCMD [\"serve\"]\n",
      errors: [{ line: 2 }],
    },
    {
      name: "unknown base image may have an ENTRYPOINT: suggestion only",
      code: "FROM node:22\nCMD node server.js\n",
      errors: [{ line: 2 }],
    },
  ],
});

test("GS605 offers the JSON rewrite only as a suggestion when an ENTRYPOINT may take the CMD as arguments", () => {
  const safety = (code: string): (string | undefined)[] => lintText(code, { rules: [rule] }).findings.map((f) => f.fix?.safety);
  assert.deepEqual(safety('FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD serve\n'), ["suggestion"]);
  assert.deepEqual(safety('FROM alpine:3.20\nENTRYPOINT /app\nCMD ["serve"]\n'), ["suggestion"]);
  assert.deepEqual(safety("FROM node:22\nCMD node server.js\n"), ["suggestion"]);
  assert.deepEqual(safety('FROM alpine:3.20\nCMD exec /app --addr "$ADDR"\n'), [undefined]);
  assert.deepEqual(safety("FROM golang:1.22 AS base\nENTRYPOINT /app\nFROM base\nCMD [\"x\"]\n"), ["suggestion"]);
  assert.deepEqual(safety("FROM debian:12\nCMD /app serve\n"), ["safe"]);
});
