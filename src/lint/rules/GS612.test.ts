import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS612.js";

ruleTester(rule, {
  valid: ["FROM golang:1.22\nRUN go build\n", "from golang:1.22\nrun go build\ncopy . .\n"],
  invalid: [
    {
      name: "one lower-case keyword among upper-case ones",
      code: "from golang:1.22\nWORKDIR /src\nCOPY . .\nrun go build\n",
      errors: [
        { line: 1, column: 1, endColumn: 5, message: /keyword 'from'.*\(uppercase\): write FROM/ },
        { line: 4, message: /write RUN/ },
      ],
      output: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build\n",
    },
    {
      name: "lower-case majority; mixed case is always wrong",
      code: "from golang:1.22\nworkdir /src\nCOPY . .\nRun go build\n",
      errors: [{ line: 3, message: /\(lowercase\): write copy/ }, { line: 4, message: /write run/ }],
      output: "from golang:1.22\nworkdir /src\ncopy . .\nrun go build\n",
    },
    {
      name: "a tie goes to upper case; global ARGs are checked too",
      code: "arg V=1\nfrom golang:1.22\nRUN true\n",
      errors: [{ line: 1 }, { line: 2 }],
      output: "ARG V=1\nFROM golang:1.22\nRUN true\n",
    },
  ],
});
