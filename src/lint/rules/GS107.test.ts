import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS107.js";

const VENDORED = { "go.mod": "module x\n\ngo 1.22\n", "vendor/modules.txt": "# example.com/m v1.0.0\n## explicit\n" };

ruleTester(rule, {
  valid: [
    { name: "vendor copied", code: "FROM golang:1.22\nCOPY . .\nRUN go build -mod=vendor -o /app .\n", files: VENDORED },
    { name: "no vendoring", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "vendor created in the build", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod vendor\nRUN go build -mod=vendor -o /app .\n" },
    { name: "-mod=mod on go mod download is not a build", code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download -x\n" },
  ],
  invalid: [
    {
      name: "GOFLAGS=-mod=vendor with vendor/ excluded",
      code: "FROM golang:1.22\nENV GOFLAGS=-mod=vendor\nCOPY . .\nRUN go build -o /app .\n",
      files: { ...VENDORED, ".dockerignore": ".git\nvendor\n" },
      errors: [{ line: 4, column: 5, message: /GOFLAGS=-mod=vendor but \.dockerignore line 2 excludes vendor\// }],
    },
    {
      name: "-mod=vendor without vendor/ copied",
      code: "FROM golang:1.22\nCOPY go.mod go.sum main.go ./\nRUN go build -mod=vendor -o /app .\n",
      errors: [{ line: 3, column: 14, endColumn: 25, message: /no COPY brings vendor\// }],
    },
    {
      name: "-mod=mod in a build",
      code: "FROM golang:1.22\nCOPY . .\nRUN go build -mod=mod -o /app .\n",
      errors: [{ line: 3, column: 14, endColumn: 22, message: /may rewrite go\.mod and go\.sum/ }],
    },
    {
      name: "vendor/ in the context but go mod download",
      code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
      files: VENDORED,
      errors: [{ line: 3, column: 5, message: /vendor\/modules\.txt.*go mod download/ }],
    },
  ],
});
