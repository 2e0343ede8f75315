import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS611.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY . /app\n",
    "FROM alpine:3.20\nADD rootfs.tar.gz /\n",
    "FROM alpine:3.20\nADD https://example.com/tool /usr/bin/tool\n",
    "FROM alpine:3.20\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 tool /usr/bin/tool\n",
    "FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n",
    "FROM alpine:3.20\nADD vendor/* /v/\n",
    "FROM alpine:3.20\nARG SRC\nADD $SRC /x\n",
  ],
  invalid: [
    {
      name: "ADD . (and the casing of the keyword is kept)",
      code: "FROM golang:1.22\nADD . /app\nadd --chown=1000 go.mod go.sum ./\n",
      errors: [
        { line: 2, column: 1, endColumn: 4, message: /ADD of local "\.": use COPY/ },
        { line: 3, message: /use copy/ },
      ],
      output: "FROM golang:1.22\nCOPY . /app\ncopy --chown=1000 go.mod go.sum ./\n",
    },
    { name: "glob with a fixed extension", code: "FROM alpine:3.20\nADD *.go /src/\n", errors: [{ line: 2 }], output: "FROM alpine:3.20\nCOPY *.go /src/\n" },
  ],
});
