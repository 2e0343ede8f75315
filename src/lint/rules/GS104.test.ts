import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS104.js";

const RUNTIME = "FROM scratch\nCOPY --from=build /app /app\n";

ruleTester(rule, {
  valid: [
    { name: "CGO_ENABLED=0 on the command", code: `FROM golang:1.22 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n${RUNTIME}` },
    { name: "ENV CGO_ENABLED=0", code: `FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nCOPY . .\nRUN go build -o /app .\n${RUNTIME}` },
    { name: "ARG CGO_ENABLED=0", code: `FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nCOPY . .\nRUN go build -o /app .\n${RUNTIME}` },
    { name: "export CGO_ENABLED=0", code: `FROM golang:1.22 AS build\nCOPY . .\nRUN export CGO_ENABLED=0 && go build -o /app .\n${RUNTIME}` },
    { name: "alpine builder has no gcc, so cgo is off", code: `FROM golang:1.22-alpine AS build\nCOPY . .\nRUN go build -o /app .\n${RUNTIME}` },
    { name: "static link", code: `FROM golang:1.22 AS build\nCOPY . .\nRUN go build -tags netgo,osusergo -ldflags '-s -w -extldflags "-static"' -o /app .\n${RUNTIME}` },
    { name: "cross build: cgo defaults off", code: `FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETARCH\nCOPY . .\nRUN GOARCH=$TARGETARCH go build -o /app .\n${RUNTIME}` },
    { name: "glibc to glibc", code: "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\n" },
    { name: "alpine to alpine with gcc", code: "FROM golang:1.22-alpine AS build\nRUN apk add --no-cache build-base\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n" },
    { name: "CGO_ENABLED from an ARG without default is unknown", code: `FROM golang:1.22 AS build\nARG CGO_ENABLED\nCOPY . .\nRUN go build -o /app .\n${RUNTIME}` },
  ],
  invalid: [
    {
      name: "golang (gcc) to scratch, cgo unset",
      code: `FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\n${RUNTIME}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 23, message: /golang:1\.22 builds a dynamically linked binary \(CGO_ENABLED is unset and the builder image has gcc.*scratch has no C library.*CGO_ENABLED=0/ }],
    },
    {
      name: "musl builder with CGO_ENABLED=1 to debian",
      code: "FROM golang:1.22-alpine AS build\nRUN apk add --no-cache gcc musl-dev\nENV CGO_ENABLED=1\nCOPY . .\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\n",
      errors: [{ line: 5, column: 5, message: /CGO_ENABLED=1.*debian has glibc while the builder links against musl/ }],
    },
    {
      name: "glibc builder to alpine",
      code: "FROM golang:1.22-bookworm AS build\nCOPY . .\nRUN go mod download && \\\n    go build -o /app ./cmd/app\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
      errors: [{ line: 4, column: 5, endColumn: 31, message: /alpine has musl while the builder links against glibc/ }],
    },
    {
      name: "distroless static through an intermediate stage",
      code: "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20 AS certs\nCOPY --from=build /app /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=certs /app /app\n",
      errors: [{ line: 3, message: /gcr\.io\/distroless\/static-debian12 has no C library/ }],
    },
  ],
});
