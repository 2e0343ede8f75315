import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS102.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
    "FROM golang:1.22\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
    { name: "cache mount on the module cache", code: "FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n" },
    { name: "bind-mounted go.mod", code: "FROM golang:1.22\nRUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum go mod download\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "vendored build", code: "FROM golang:1.22\nCOPY . .\nRUN go build -mod=vendor -o /app .\n" },
    { name: "parent stage brought go.mod", code: "FROM golang:1.22 AS deps\nCOPY go.mod go.sum ./\nRUN go mod download\nFROM deps AS build\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "no go in the stage", code: "FROM alpine:3.20\nCOPY . .\nRUN ls\n" },
    { name: "go.mod without requirements", code: "FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n", files: { "go.mod": "module x\n\ngo 1.22\n" } },
    { name: "source copied after the build", code: "FROM golang:1.22\nCOPY main.go ./\nRUN go build -o /app .\nCOPY . .\n" },
  ],
  invalid: [
    {
      name: "COPY . . then go mod download",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -o /app .\n",
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: /`COPY \. \.` copies the whole source before go\.mod\/go\.sum.*COPY go\.mod go\.sum \.\// }],
    },
    {
      name: "ADD . /src before go build",
      code: "FROM golang:1.22-alpine AS build\nADD . /src\nWORKDIR /src\nRUN go build -o /app .\n",
      errors: [{ line: 2, column: 1, endColumn: 11, message: /`ADD \. \/src`/ }],
    },
    {
      name: "whole source before the go.mod copy",
      code: "FROM golang:1.22\nCOPY ./ /src/\nCOPY go.mod go.sum /src/\nRUN go mod download\n",
      errors: [{ line: 2 }],
    },
    {
      name: "go.mod with requirements in the context",
      code: "FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n",
      files: { "go.mod": "module x\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n" },
      errors: [{ line: 2 }],
    },
  ],
});
