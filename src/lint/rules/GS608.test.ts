import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS608.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nWORKDIR /src\nWORKDIR app\n",
    "FROM golang:1.22\nWORKDIR $GOPATH/src/app\n",
    'FROM golang:1.22\nWORKDIR "/src"\n',
    // the parent stage set an absolute WORKDIR
    "FROM golang:1.22 AS base\nWORKDIR /src\nFROM base\nWORKDIR cmd\n",
  ],
  invalid: [
    {
      name: "first WORKDIR relative",
      code: "FROM golang:1.22\nWORKDIR app\nWORKDIR sub\n",
      errors: [{ line: 2, column: 9, endColumn: 12, message: /relative WORKDIR "app".*WORKDIR \/app/ }],
    },
    {
      name: "each stage on its own",
      code: "FROM golang:1.22 AS a\nWORKDIR /src\nFROM alpine:3.20\nWORKDIR ./bin\n",
      errors: [{ line: 4, message: /WORKDIR \/bin/ }],
    },
  ],
});
