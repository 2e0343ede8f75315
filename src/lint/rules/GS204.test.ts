import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS204.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM scratch\n",
    "FROM golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build\nFROM build\n",
    "ARG BASE\nFROM ${BASE}\n",
    { name: "a stage picked by TARGETARCH", code: "FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS runtime-amd64\nFROM runtime-$TARGETARCH\n" },
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\n",
      errors: [
        { line: 1, column: 6, endColumn: 17, severity: "info", message: /`golang:1\.22` is not pinned by digest.*golang:1\.22@sha256:<digest>/ },
        { line: 2, column: 6, endColumn: 47 },
      ],
    },
    {
      name: "tag from a build arg",
      code: "ARG GO_VERSION\nFROM golang:${GO_VERSION}-alpine\n",
      errors: [{ line: 2, message: /golang:<ver>-alpine@sha256:<digest>/ }],
    },
  ],
});
