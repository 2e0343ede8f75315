import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS403.js";

const BUILD = "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n";

ruleTester(rule, {
  valid: [
    // already static
    `${BUILD}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n`,
    // cgo on (default for golang images): the distribution's libc is needed
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /app /app\n",
    // the image needs other tools
    `${BUILD}FROM alpine:3.20\nRUN apk add --no-cache ca-certificates git\nCOPY --from=build /app /app\n`,
    // an entrypoint script needs a shell
    `${BUILD}FROM alpine:3.20\nRUN apk add --no-cache ca-certificates\nCOPY --from=build /app /app\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n`,
    `${BUILD}FROM alpine:3.20\nRUN apk add --no-cache tzdata\nCOPY --from=build /app /app\nCMD /app --port $PORT\n`,
    // installs nothing
    `${BUILD}FROM alpine:3.20\nCOPY --from=build /app /app\n`,
  ],
  invalid: [
    {
      name: "alpine + ca-certificates for a CGO_ENABLED=0 binary",
      code: `${BUILD}FROM alpine:3.20\nRUN apk add --no-cache ca-certificates tzdata\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
      errors: [{ line: 5, column: 6, endColumn: 17, message: /installs only ca-certificates, tzdata for a static Go binary \(CGO_ENABLED=0\): use gcr.io\/distroless\/static/ }],
    },
    {
      name: "CGO_ENABLED from ENV, debian final",
      code: "FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app ./cmd/api\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /app /app\n",
      errors: [{ line: 4, column: 6, severity: "info" }],
    },
  ],
});
