import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS600.js";

ruleTester(rule, {
  valid: [
    "# goship ignore=GS600\nFROM golang:1.22\n",
    "# hadolint ignore=DL3008,SC2086\nFROM golang:1.22\n",
    "# not a pragma: goship ignore everything\nFROM golang:1.22\n",
  ],
  invalid: [
    { name: "typo in a goship pragma", code: "FROM golang:1.22\n# goship ignore=GS6000,GS600\nRUN true\n", errors: [{ line: 2, column: 17, endColumn: 23, message: /unknown rule "GS6000"/ }] },
    { name: "global form", code: "# goship global ignore=GS999\nFROM golang:1.22\n", errors: [{ line: 1, column: 24 }] },
    { name: "hadolint pragma with a non-hadolint code", code: "# hadolint ignore=XX1\nFROM golang:1.22\n", errors: [{ line: 1 }] },
  ],
});
