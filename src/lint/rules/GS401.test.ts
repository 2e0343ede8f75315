import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS401.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT [\"/app\"]\n",
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD [\"/app\"]\n",
    "FROM golang:1.22 AS build\nUSER root\nFROM scratch\nUSER 10001\n",
    // corpus false positives: images that are never run as they are
    { name: "dev box kept alive (compose bind-mounts the source)", code: "FROM golang:1.17.3-alpine3.14\nWORKDIR /app\nCOPY . .\nRUN go mod download\nCMD tail -f /dev/null\n" },
    { name: "artifacts exported with --output", code: "FROM golang:1.22 AS builder\nRUN make build-release\nFROM scratch AS builder-exporter\nARG DIST_DIR=dist\nCOPY --from=builder /app/$DIST_DIR /$DIST_DIR\n" },
  ],
  invalid: [
    { name: "no USER", code: "FROM golang:1.22 AS build\nUSER nobody\nFROM alpine:3.20\nCMD [\"/app\"]\n", errors: [{ line: 3, column: 1, message: /never sets USER/ }] },
    { name: "USER root last", code: "FROM alpine:3.20\nUSER app\nRUN id\nUSER root\n", errors: [{ line: 4, column: 1, message: /switches to root/ }] },
    { name: "USER 0:0", code: "FROM debian:12\nUSER 0:0\n", errors: [{ line: 2 }] },
    { name: "scratch runs as root too", code: "FROM scratch\nCOPY app /app\n", errors: [{ line: 1 }] },
    { name: "a command-line tool image runs as root too", code: 'FROM alpine:3.18.0\nRUN apk --no-cache add ca-certificates git\nCOPY trivy /usr/local/bin/trivy\nENTRYPOINT ["trivy"]\n', errors: [{ line: 1 }] },
    { name: "scratch with a local file and no ENTRYPOINT is not an export stage", code: "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\nCOPY config.yaml /\n", errors: [{ line: 2 }] },
    { name: "a dev box that switches to root is still reported", code: "FROM golang:1.22\nUSER 1000\nUSER root\nCMD tail -f /dev/null\n", errors: [{ line: 3 }] },
  ],
});
