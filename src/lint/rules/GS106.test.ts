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
  ],
  invalid: [
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
