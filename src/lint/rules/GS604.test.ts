import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS604.js";

ruleTester(rule, {
  valid: ["FROM golang:1.22 AS build\n", "from golang:1.22 as build\n", "From golang:1.22 as build\n", "FROM golang:1.22\n"],
  invalid: [
    {
      name: "FROM ... as",
      code: "FROM golang:1.22 as build\nFROM alpine:3.20\n",
      errors: [{ line: 1, column: 18, endColumn: 20, message: /'as' and 'FROM'.*FROM \.\.\. AS build/ }],
      output: "FROM golang:1.22 AS build\nFROM alpine:3.20\n",
    },
    {
      name: "from ... AS, with --platform",
      code: "from --platform=$BUILDPLATFORM golang:1.22 AS build\n",
      errors: [{ line: 1, column: 44 }],
      output: "from --platform=$BUILDPLATFORM golang:1.22 as build\n",
    },
    { name: "mixed-case As", code: "FROM golang:1.22 As build\n", errors: [{ line: 1, column: 18 }], output: "FROM golang:1.22 AS build\n" },
  ],
});
