import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS301.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN go mod download\n",
    "FROM golang:1.22\nRUN [ -f go.sum ] || touch go.sum\n",
    "FROM golang:1.22\nRUN command -v git || apt-get install -y git\n",
    "FROM golang:1.22\nRUN rm -f /tmp/x || true\n",
    "FROM golang:1.22\nRUN go build ./... || (echo 'build failed' && exit 1)\n",
    "FROM golang:1.22\nRUN go build ./... || exit\n",
    'FROM golang:1.22\nRUN ["sh", "-c", "go build || true"]\n',
    "FROM golang:1.22\nRUN grep -q foo /etc/hosts || echo missing\n",
  ],
  invalid: [
    {
      name: "go mod download || true",
      code: "FROM golang:1.22\nRUN go mod download || true\n",
      errors: [{ line: 2, column: 21, endLine: 2, endColumn: 28, message: /go mod download.*masked by `true`/ }],
    },
    {
      name: "|| echo on a continuation line",
      code: 'FROM golang:1.22\nRUN go mod download && \\\n    go build -o /app . \\\n    || echo "build failed"\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 27 }],
    },
    {
      name: "|| : and || exit 0 inside a subshell",
      code: "FROM golang:1.22\nRUN (go vet ./... || :) && (go test ./... || exit 0)\n",
      errors: [{ line: 2, column: 19 }, { line: 2, column: 43 }],
    },
    {
      name: "in every stage",
      code: "FROM golang:1.22 AS a\nRUN make || true\nFROM alpine:3.20\nRUN apk add curl || true\n",
      errors: [{ line: 2 }, { line: 4 }],
    },
  ],
});
