import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS202.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nENV GOPROXY=https://goproxy.corp.example,direct\nRUN go mod download\n",
    "FROM golang:1.22\nENV GOPROXY=https://proxy.corp.example|https://mirror.corp.example\nRUN go mod download\n",
    { name: "no download in the stage", code: "FROM golang:1.22\nENV GOPROXY=https://goproxy.corp.example\nRUN go version\n" },
    { name: "vendored build", code: "FROM golang:1.22\nENV GOPROXY=off\nCOPY . .\nRUN go build -mod=vendor -o /app .\n" },
    { name: "ARG without default", code: "FROM golang:1.22\nARG GOPROXY\nRUN go mod download\n" },
    { name: "unset: the go command's default list", code: "FROM golang:1.22\nRUN go mod download\n" },
  ],
  invalid: [
    {
      name: "single proxy",
      code: "FROM golang:1.22\nENV GOPROXY=https://goproxy.corp.example\nCOPY go.mod go.sum ./\nRUN go mod download\n",
      errors: [{ line: 2, column: 5, endColumn: 41, message: /GOPROXY=https:\/\/goproxy\.corp\.example names one proxy and no fallback.*GOPROXY=https:\/\/goproxy\.corp\.example,direct/ }],
    },
    {
      name: "GOPROXY=off",
      code: "FROM golang:1.22\nRUN GOPROXY=off go build -o /app .\n",
      errors: [{ line: 2, column: 5, endColumn: 16, message: /GOPROXY=off forbids every module download/ }],
    },
    {
      name: "global ARG default redeclared in the stage, reported once at the default",
      code: "ARG GOPROXY=https://mirror.corp.example\nFROM golang:1.22\nARG GOPROXY\nRUN go mod download\nRUN go build -o /app .\n",
      errors: [{ line: 1, column: 5 }],
    },
    {
      name: "go env -w",
      code: "FROM golang:1.22\nRUN go env -w GOPROXY=https://goproxy.corp.example\nRUN go mod download\n",
      errors: [{ line: 2, column: 15 }],
    },
    {
      name: "credentials are redacted",
      code: "FROM golang:1.22\nENV GOPROXY=https://bob:hunter2@proxy.corp.example\nRUN go mod download\n",
      errors: [{ line: 2, message: /GOPROXY=https:\/\/bob:hu\*\*\*\*@proxy\.corp\.example names one proxy/ }],
    },
  ],
});
