import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS106.js";

const GO_MOD = { "go.mod": "module x\n\ngo 1.23.4\n" };

ruleTester(rule, {
  valid: [
    { name: "floating minor tag satisfies a patch go line", code: "FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n", files: GO_MOD },
    { name: "newer image", code: "FROM golang:1.24-alpine AS build\nRUN go build -o /app .\n", files: GO_MOD },
    { name: "same patch", code: "FROM golang:1.23.4\nRUN go build -o /app .\n", files: GO_MOD },
    { name: "no go.mod: quiet", code: "FROM golang:1.10\nRUN go build -o /app .\n" },
    { name: "untagged image: version unknown", code: "FROM golang\nRUN go build -o /app .\n", files: GO_MOD },
    { name: "GOTOOLCHAIN pins a new enough toolchain", code: "FROM golang:1.22\nENV GOTOOLCHAIN=go1.23.4\nRUN go build -o /app .\n", files: GO_MOD },
    { name: "stage without go calls", code: "FROM golang:1.21\nCOPY app /app\n", files: GO_MOD },
    // corpus false positive (nats-server nightly): the builder clones and builds another repository and gets a remote tool; the context's go.mod is never used
    {
      name: "builder works on a cloned repository, not the context",
      code: "FROM golang:1.15-alpine AS builder\nRUN apk add --update git\nRUN mkdir -p src/github.com/nats-io && \\\n    cd src/github.com/nats-io/ && \\\n    git clone https://github.com/nats-io/natscli.git && \\\n    cd natscli/nats && \\\n    go build -o /nats\nRUN go get github.com/nats-io/nsc\nFROM alpine:3.20\nCOPY nats-server /bin/nats-server\nCOPY --from=builder /nats /bin/nats\n",
      files: GO_MOD,
    },
  ],
  invalid: [
    {
      name: "a remote tool install in a stage that copied the context still counts",
      code: "FROM golang:1.15\nCOPY . .\nRUN go get github.com/nats-io/nsc\n",
      files: GO_MOD,
      errors: [{ line: 1 }],
    },
    {
      name: "image older than the go line",
      code: "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\n",
      files: GO_MOD,
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, severity: "error", message: /golang:1\.22 runs Go 1\.22, older than the `go 1\.23\.4` line of go\.mod: with GOTOOLCHAIN=local the build fails/ }],
    },
    {
      name: "patch older",
      code: "FROM golang:1.23.1-alpine\nRUN go build -o /app .\n",
      files: GO_MOD,
      errors: [{ line: 1, message: /Go 1\.23\.1/ }],
    },
    {
      name: "toolchain line: weaker",
      code: "FROM golang:1.23\nCOPY <<EOF go.mod\nmodule x\n\ngo 1.23.0\n\ntoolchain go1.24.2\nEOF\nRUN go build -o /app .\n",
      errors: [{ line: 1, severity: "warning", message: /`toolchain go1\.24\.2` line/ }],
    },
    {
      name: "GOTOOLCHAIN=auto downloads",
      code: "FROM golang:1.22\nENV GOTOOLCHAIN=auto\nRUN go mod download\n",
      files: GO_MOD,
      errors: [{ line: 1, message: /download a newer toolchain during the build/ }],
    },
    {
      name: "pre-1.21 image, reported once at the stage the chain starts from",
      code: "FROM golang:1.16 AS base\nRUN go mod download\nFROM base\nRUN go build -o /app .\n",
      files: GO_MOD,
      errors: [{ line: 1, message: /predates toolchain switching/ }],
    },
    {
      name: "go.mod written by the Dockerfile",
      code: "FROM golang:1.21\nWORKDIR /src\nCOPY <<EOF go.mod\nmodule x\n\ngo 1.23.4\nEOF\nRUN go build -o /app .\n",
      errors: [{ line: 1, message: /the go\.mod written at line 3/ }],
    },
  ],
});
