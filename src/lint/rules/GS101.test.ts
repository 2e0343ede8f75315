import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS101.js";

ruleTester(rule, {
  valid: [
    { name: "multi-stage copy into distroless", code: 'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
    { name: "tool image that runs go for its users", code: 'FROM golang:1.25-alpine\nRUN apk add --no-cache gcc musl-dev git\nCOPY golangci-lint /usr/bin/\nCMD ["golangci-lint"]\n' },
    { name: "final stage is alpine", code: "FROM alpine:3.20\nCOPY app /app\n" },
    // corpus false positive: a dev container compose bind-mounts the source into and execs into
    { name: "dev box kept alive", code: "FROM golang:1.17.3-alpine3.14\nRUN apk add -U --no-cache make gcc g++\nWORKDIR /app\nCOPY . .\nRUN go mod download\nRUN go install github.com/cespare/reflex@v0.3.1\nCMD tail -f /dev/null\n" },
    { name: "dev box kept alive (exec form)", code: 'FROM golang:1.22\nCOPY . .\nRUN go build ./...\nENTRYPOINT ["sleep", "infinity"]\n' },
    { name: "image is a build arg", code: "ARG BASE\nFROM ${BASE}\nCOPY . .\nRUN go build -o /app .\n" },
  ],
  invalid: [
    {
      name: "single golang stage that builds and runs",
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, message: /golang:1\.22, a Go toolchain image.*scratch or gcr\.io\/distroless\/static/ }],
    },
    {
      name: "final stage built on a golang stage",
      code: "FROM golang:1.22 AS base\nRUN go mod download\nFROM base\nCOPY . .\nRUN go build -o /app\n",
      errors: [{ line: 3, column: 6, endColumn: 10, message: /through stage base/ }],
    },
    {
      name: "golang tag from an ARG without default",
      code: "ARG GO_VERSION\nFROM golang:${GO_VERSION}-alpine\nCOPY . .\nRUN go build -o /app .\n",
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: "go run as the command",
      code: 'FROM golang:1.23-alpine\nCOPY . .\nCMD ["go", "run", "."]\n',
      errors: [{ line: 1, column: 6 }],
    },
  ],
});
