import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS602.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /app /app\n",
    "FROM golang:1.22\nFROM alpine:3.20\n",
  ],
  invalid: [
    {
      name: "same name twice",
      code: "FROM golang:1.22 AS build\nRUN go build\nFROM golang:1.23 AS build\nFROM alpine:3.20\n",
      errors: [{ line: 3, column: 21, endColumn: 26, message: /duplicate stage name "build" \(first defined on line 1\)/ }],
    },
    {
      name: "names differ only in case",
      code: "FROM golang:1.22 AS Build\nFROM golang:1.23 AS build\nFROM alpine AS BUILD\n",
      errors: [{ line: 2, column: 21 }, { line: 3, column: 16 }],
    },
  ],
});
