import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS603.js";

ruleTester(rule, {
  valid: ["FROM golang:1.22 AS build-env\nFROM alpine:3.20\nCOPY --from=build-env /a /a\n", "FROM golang:1.22\n"],
  invalid: [
    {
      name: "name and every reference are lowercased",
      code: "FROM golang:1.22 AS Builder\nRUN go build -o /app\nFROM Builder AS Test\nRUN --mount=type=bind,from=Builder,target=/b true\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n",
      errors: [
        { line: 1, column: 21, endColumn: 28, message: /"Builder" should be lowercase/ },
        { line: 3, column: 17, endColumn: 21, message: /"Test"/ },
      ],
      output: "FROM golang:1.22 AS builder\nRUN go build -o /app\nFROM builder AS test\nRUN --mount=type=bind,from=builder,target=/b true\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
    },
    {
      name: "an image of the same name before the stage is left alone",
      code: "FROM Base:1 AS x\nFROM golang:1.22 AS Base\nFROM Base\n",
      errors: [{ line: 2, column: 21 }],
      output: "FROM Base:1 AS x\nFROM golang:1.22 AS base\nFROM base\n",
    },
  ],
});
