import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS606.js";

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["serve"]\nHEALTHCHECK CMD ["/app", "health"]\n',
    // one per stage is fine
    'FROM golang:1.22 AS build\nCMD ["go", "test"]\nFROM alpine:3.20\nCMD ["/app"]\n',
  ],
  invalid: [
    {
      name: "two CMDs and three ENTRYPOINTs",
      code: 'FROM alpine:3.20\nCMD ["a"]\nENTRYPOINT ["/x"]\nCMD ["b"]\nENTRYPOINT ["/y"]\nENTRYPOINT ["/z"]\n',
      errors: [
        { line: 2, column: 1, endColumn: 4, message: /multiple CMD.*line 4/ },
        { line: 3, message: /multiple ENTRYPOINT.*line 6/ },
        { line: 5, message: /ENTRYPOINT/ },
      ],
    },
    {
      name: "two HEALTHCHECKs",
      code: "FROM alpine:3.20\nHEALTHCHECK CMD wget -q localhost\nHEALTHCHECK NONE\n",
      errors: [{ line: 2, message: /HEALTHCHECK/ }],
    },
  ],
});
