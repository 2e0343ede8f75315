import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS105.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0\n",
    "FROM golang:1.22\nCOPY . .\nRUN go install ./cmd/...\n",
    { name: "a package of the main module", code: "FROM golang:1.22\nCOPY . .\nRUN go install github.com/acme/app/cmd/app\n", files: { "go.mod": "module github.com/acme/app\n\ngo 1.22\n" } },
    { name: "a tool required by go.mod", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go install golang.org/x/tools/cmd/stringer\n", files: { "go.mod": "module github.com/acme/app\n\ngo 1.22\n\nrequire golang.org/x/tools v0.24.0\n" } },
    "FROM golang:1.22\nARG DLV_VERSION=v1.23.0\nRUN go install github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}\n",
  ],
  invalid: [
    // corpus findings whose message was wrong: GOPATH-mode go get installs (and pins nothing)
    {
      name: "go get on a pre-modules image (golang:1.8) says GOPATH mode",
      code: "FROM golang:1.8-alpine\nWORKDIR /go/src/github.com/devsu/grpc-proxy\nCOPY . .\nRUN go get -d -v ./... && go install -v ./...\n",
      errors: [{ line: 4, column: 5, message: /`go get \.\/\.\.\.` in GOPATH mode fetches the newest commit/ }],
    },
    {
      name: "go get of a tool on golang:1.15 outside any module says GOPATH mode",
      code: "FROM golang:1.15-alpine AS builder\nRUN go get github.com/nats-io/nsc\n",
      errors: [{ line: 2, message: /in GOPATH mode/ }],
    },
    {
      name: "GO111MODULE=on keeps the module-aware message",
      code: "FROM golang:1.15-alpine\nENV GO111MODULE=on\nRUN go get github.com/nats-io/nsc\n",
      errors: [{ line: 3, message: /module-aware go get edits go\.mod/ }],
    },
    {
      name: "@latest",
      code: "FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n",
      errors: [{ line: 2, column: 5, endColumn: 56, message: /dlv@latest` installs whatever version is newest.*dlv@v1\.2\.3/ }],
    },
    {
      name: "go get",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go get -d -v ./... && go build -o /app .\n",
      errors: [{ line: 4, column: 5, endColumn: 23, message: /`go get \.\/\.\.\.` in a Dockerfile/ }],
    },
    {
      name: "no version and no module around it",
      code: "FROM golang:1.22\nRUN GO111MODULE=on go install github.com/swaggo/swag/cmd/swag\n",
      errors: [{ line: 2, column: 20, message: /has no @version and no go\.mod pins it/ }],
    },
    {
      name: "not required by the context's go.mod",
      code: "FROM golang:1.22\nCOPY . .\nRUN go install github.com/swaggo/swag/cmd/swag\n",
      files: { "go.mod": "module github.com/acme/app\n\ngo 1.22\n" },
      errors: [{ line: 3 }],
    },
  ],
});
