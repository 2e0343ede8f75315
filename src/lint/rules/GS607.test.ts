import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS607.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    "FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /app /app\n",
    "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
    // images
    "FROM alpine:3.20\nCOPY --from=golang:1.22 /usr/local/go /usr/local/go\nCOPY --from=gcr.io/distroless/static /etc/passwd /etc/passwd\nCOPY --from=docker.io/library/busybox /bin/sh /bin/sh\n",
    "ARG SRC=build\nFROM alpine:3.20\nCOPY --from=${SRC} /a /a\n",
  ],
  invalid: [
    {
      name: "typo'd stage name",
      code: "FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n",
      errors: [{ line: 3, column: 13, endColumn: 20, message: /--from=buidler names no stage \(did you mean builder\?\)/ }],
    },
    {
      name: "later stage and itself",
      code: "FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=b /y /y\n",
      errors: [
        { line: 2, column: 13, message: /refers to a later stage \(line 3\)/ },
        { line: 4, message: /refers to the stage it is in/ },
      ],
    },
    {
      name: "index out of range",
      code: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=5 /app /app\n",
      errors: [{ line: 3, message: /no stage 5/ }],
    },
  ],
});
