import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS304.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN go build -o /app .\n",
    "FROM golang:1.22\nRUN go build -o /app . && true\n",
    // GS301's case
    "FROM golang:1.22\nRUN go build -o /app . || true\n",
    // errexit stops at the failure
    "FROM golang:1.22\nRUN set -e; go build -o /app .; exit 0\n",
    'FROM golang:1.22\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN go build -o /app .; true\n',
    // the previous command cannot fail, or exits itself on failure
    "FROM golang:1.22\nRUN go build -o /app . || exit 1; exit 0\n",
    "FROM golang:1.22\nRUN go build -o /app .; echo built; exit 0\n",
    "FROM golang:1.22\nRUN [ -f go.sum ]; true\n",
    // a pipe's status is its last command's
    "FROM golang:1.22\nRUN go list ./... | grep -q example.com/mod; true\n",
    // exit 1 keeps the failure
    "FROM golang:1.22\nRUN go build ./...; exit 1\n",
    'FROM golang:1.22\nRUN ["sh", "-c", "go build; exit 0"]\n',
  ],
  invalid: [
    {
      name: "; exit 0 after go build",
      code: "FROM golang:1.22\nRUN go mod download; go build -o /app .; exit 0\n",
      errors: [{ line: 2, column: 42, endLine: 2, endColumn: 48, message: /`exit 0` after `go build -o \/app .` makes the RUN succeed/ }],
    },
    {
      name: "true on its own line after a newline-separated command, and inside a subshell",
      code: "FROM golang:1.22\nRUN <<EOF\ngo vet ./...\ntrue\nEOF\nRUN (go test ./... ; :) && echo ok\n",
      errors: [{ line: 4, column: 1 }, { line: 6, column: 22 }],
    },
    {
      name: "&& chain before ; true",
      code: "FROM alpine:3.20\nRUN apk add --no-cache git && \\\n    git clone https://example.com/r /r; \\\n    true\n",
      errors: [{ line: 4, column: 5, message: /after `apk add --no-cache git && git clone/ }],
    },
    {
      name: "set +e earlier turns errexit off again",
      code: "FROM alpine:3.20\nRUN set -e; set +e; make; exit 0\n",
      errors: [{ line: 2, column: 27 }],
    },
  ],
});
