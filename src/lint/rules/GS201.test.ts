import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS201.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nENV GONOSUMDB=corp.example/*\nRUN go mod download\n",
    "FROM golang:1.22\nENV GOSUMDB=sum.mirror.corp.example\nRUN go mod download\n",
    { name: "ARG without a default", code: "FROM golang:1.22\nARG GOSUMDB\nRUN go mod download\n" },
    "FROM golang:1.22\nENV GOPRIVATE=github.com/acme/*\nRUN go mod download\n",
  ],
  invalid: [
    {
      name: "ENV GOSUMDB=off",
      code: "FROM golang:1.22\nENV GOPROXY=https://goproxy.corp.example,direct GOSUMDB=off\nRUN go mod download\n",
      errors: [{ line: 2, column: 49, endLine: 2, endColumn: 60, message: /GOSUMDB=off \(ENV\) turns off checksum verification/ }],
    },
    {
      name: "legacy ENV form, quoted",
      code: 'FROM golang:1.22\nENV GOSUMDB "off"\n',
      errors: [{ line: 2, column: 5, endColumn: 18 }],
    },
    {
      name: "ARG GONOSUMDB=* and GOPRIVATE=*",
      code: "ARG GONOSUMDB=*\nFROM golang:1.22\nARG GOPRIVATE=*\nRUN go mod download\n",
      errors: [{ line: 1, column: 5, message: /GONOSUMDB=\* \(ARG\) skips the checksum database for every module/ }, { line: 3, column: 5, message: /GOPRIVATE=\*/ }],
    },
    {
      name: "RUN-level assignment and go env -w",
      code: "FROM golang:1.22\nRUN go env -w GOSUMDB=off && \\\n    GOINSECURE=git.corp.example go mod download\n",
      errors: [{ line: 2, column: 15, endColumn: 26, message: /\(go env -w\)/ }, { line: 3, column: 5, endColumn: 32, message: /GOINSECURE=git\.corp\.example lets/ }],
    },
    {
      name: "GOFLAGS=-insecure and go get -insecure",
      code: "FROM golang:1.15\nENV GOFLAGS=\"-mod=mod -insecure\"\nRUN go get -insecure example.com/x\n",
      errors: [{ line: 2, message: /GOFLAGS contains -insecure/ }, { line: 3, column: 12, endColumn: 21, message: /`go get -insecure`/ }],
    },
  ],
});
