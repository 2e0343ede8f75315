import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS608.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nWORKDIR /src\nWORKDIR app\n",
    "FROM golang:1.22\nWORKDIR $GOPATH/src/app\n",
    'FROM golang:1.22\nWORKDIR "/src"\n',
    // starts with a variable: its value depends on build args or the base image
    'FROM alpine:3.20\nARG DIR\nWORKDIR "${DIR}"/app\n',
    // `${X:+y}` decides how the path begins
    "FROM alpine:3.20\nWORKDIR ${HOME:+y}/x\n",
    // escape-directive Dockerfile with a drive path
    "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver\nWORKDIR C:\\app\n",
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
      // found by the BuildKit differential test: an escaped dollar is the literal "$APP", a relative path
      name: "escaped dollar is not a variable",
      code: "FROM alpine:3.20\nWORKDIR \\$APP\n",
      errors: [{ line: 2, message: /relative WORKDIR/ }],
    },
    {
      // BuildKit processes the escape: \app is "app" on Linux
      name: "escaped first character",
      code: "FROM alpine:3.20\nWORKDIR \\app\n",
      errors: [{ line: 2, message: /relative WORKDIR/ }],
    },
    {
      name: "each stage on its own",
      code: "FROM golang:1.22 AS a\nWORKDIR /src\nFROM alpine:3.20\nWORKDIR ./bin\n",
      errors: [{ line: 4, message: /WORKDIR \/bin/ }],
    },
  ],
});
