import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS205.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\n",
    "FROM scratch\n",
    "FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM golang:1.22 AS build\nFROM build\n",
    { name: "ARG default with a tag", code: "ARG BASE=alpine:3.20\nFROM $BASE\n" },
    { name: "ARG without default", code: "ARG BASE\nFROM $BASE\n" },
  ],
  invalid: [
    {
      name: "golang without a tag, fixed from go.mod",
      code: "FROM golang AS build\nRUN go build -o /app .\n",
      files: { "go.mod": "module x\n\ngo 1.23.4\n" },
      errors: [{ line: 1, column: 6, endColumn: 12, message: /`golang` has no tag \(it means :latest\).*pin golang:1\.23 \(go\.mod's go line\)/ }],
      output: "FROM golang:1.23 AS build\nRUN go build -o /app .\n",
    },
    {
      name: "golang without a tag and no go.mod: no fix",
      code: "FROM golang\n",
      errors: [{ line: 1, column: 6, message: /pin a version tag/ }],
    },
    {
      name: ":latest, and an ARG default without a tag",
      code: "ARG RUNTIME=alpine\nFROM golang:latest AS build\nFROM $RUNTIME\n",
      files: { "go.mod": "module x\n\ngo 1.23.4\n" },
      errors: [{ line: 2, column: 6, endColumn: 19, message: /`golang:latest` uses the :latest tag/ }, { line: 3, message: /`\$RUNTIME` \(= alpine from the ARG default\) has no tag/ }],
    },
  ],
});
