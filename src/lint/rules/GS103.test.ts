import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS103.js";

ruleTester(rule, {
  valid: [
    { name: "cache mounts", code: "FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n" },
    { name: "module layer", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "GOMODCACHE cache mount", code: "FROM golang:1.22\nENV GOMODCACHE=/cache/mod\nCOPY . .\nRUN --mount=type=cache,target=/cache/mod go build -o /app .\n" },
    { name: "vendored", code: "FROM golang:1.22\nCOPY . .\nRUN go build -mod=vendor -o /app .\n" },
    { name: "go vet only", code: "FROM golang:1.22\nCOPY . .\nRUN go vet ./...\n" },
  ],
  invalid: [
    {
      name: "plain go build",
      code: "FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n",
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 23, severity: "info", message: /--mount=type=cache,target=\/go\/pkg\/mod/ }],
    },
    {
      name: "go mod download after COPY . . is no module layer; one finding per stage",
      code: "FROM golang:1.22\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
      errors: [{ line: 3, message: /`go mod download`/ }],
    },
    {
      name: "a bind mount of the source is not a cache",
      code: "FROM golang:1.22\nRUN --mount=type=bind,target=. \\\n    go build -o /app .\n",
      errors: [{ line: 2, endLine: 3 }],
    },
  ],
});
