import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS610.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nWORKDIR /src\nRUN go build\n",
    "FROM golang:1.22\nRUN (cd web && npm ci) && go build\n",
    "FROM golang:1.22\nRUN go generate && cd web && npm ci\n",
    "FROM golang:1.22\nRUN cd /src\n",
    'FROM golang:1.22\nRUN ["sh", "-c", "cd /src && make"]\n',
  ],
  invalid: [
    {
      name: "cd first in an && chain",
      code: "FROM golang:1.22\nRUN cd /src && go build -o /app .\n",
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12, message: /`cd \/src` starts the RUN: use `WORKDIR \/src`/ }],
    },
    {
      name: "on a continuation line",
      code: "FROM golang:1.22\nRUN \\\n  cd app && \\\n  make\n",
      errors: [{ line: 3, column: 3, endColumn: 9 }],
    },
  ],
});
