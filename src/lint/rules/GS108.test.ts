import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS108.js";

ruleTester(rule, {
  valid: [
    // corpus false positive: golang:1.11 has no -trimpath flag (added in Go 1.13)
    "FROM golang:1.11 AS base\nFROM base AS build\nRUN CGO_ENABLED=0 go build -o /dockerfile-frontend ./frontend/dockerfile/cmd/dockerfile-frontend\n",
    "FROM golang:1.22\nRUN go build -trimpath -o /app .\n",
    "FROM golang:1.22\nENV GOFLAGS=-trimpath\nRUN go build -o /app .\n",
    { name: "compile check of all packages", code: "FROM golang:1.22\nRUN go build ./...\n" },
    { name: "installing a tool", code: "FROM golang:1.22\nRUN go install github.com/x/y@v1.0.0\n" },
  ],
  invalid: [
    {
      name: "no -trimpath",
      code: "FROM golang:1.22\nRUN CGO_ENABLED=0 go build -o /app .\n",
      errors: [{ line: 2, column: 22, endColumn: 27, severity: "info", message: /`go build` without -trimpath.*add -trimpath/ }],
    },
    {
      name: "-buildvcs=true with .git ignored",
      code: "FROM golang:1.22\nCOPY . .\nRUN go build -trimpath -buildvcs=true -o /app .\n",
      files: { ".dockerignore": "# no VCS in the context\n.git\n" },
      errors: [{ line: 3, column: 24, endColumn: 38, severity: "warning", message: /\.dockerignore line 2 keeps \.git out.*error obtaining VCS status/ }],
    },
  ],
});
