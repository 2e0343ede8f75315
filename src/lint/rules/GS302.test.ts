import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS302.js";

const SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN go build -o /app . && ls /app\n",
    "FROM golang:1.22\nRUN set -o pipefail && curl -fsSL https://example.com/x.tgz | tar xz\n",
    "FROM golang:1.22\nRUN set -euo pipefail; curl -fsSL https://example.com/x.tgz | tar xz\n",
    `FROM golang:1.22\n${SHELL}\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n`,
    // SHELL is inherited through FROM <stage>
    `FROM debian:12 AS base\n${SHELL}\nFROM base\nRUN wget -qO- https://example.com/x | sh\n`,
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x | tar xz\n',
    // only commands that cannot fail feed the pipe
    "FROM alpine:3.20\nRUN echo \"$KEY\" | base64 -d > /key\n",
    "FROM alpine:3.20\nRUN if echo \"$TARGETARCH\" | grep -q arm; then echo arm; fi\n",
    "FROM alpine:3.20\nRUN echo \"$GPG_KEY\" | awk '{ print }' | gpg --import --batch\n",
    // a pipe ending in grep fails on empty input already
    "FROM golang:1.22\nRUN file /app | grep \"statically linked\"\n",
    // exec form runs no shell
    'FROM alpine:3.20\nRUN ["sh", "-c", "curl x | sh"]\n',
    // not a POSIX shell
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    // `||` is not a pipe
    "FROM alpine:3.20\nRUN go build || exit 1\n",
  ],
  invalid: [
    {
      name: "curl | tar on golang: fix inserts a bash SHELL",
      code: "FROM golang:1.22\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n",
      errors: [{ line: 2, column: 42, endLine: 2, endColumn: 43, message: /failing `curl -fsSL https:\/\/example.com\/x.tgz` goes unnoticed: add `SHELL/ }],
      output: `FROM golang:1.22\n${SHELL}\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n`,
    },
    {
      name: "one finding per RUN, one SHELL per stage, above the RUN's comments",
      code: "FROM debian:12 AS tools\nWORKDIR /t\n# fetch\nRUN curl -fsSL a | tar xz && \\\n    curl -fsSL b | tar xz\nRUN go list -m all | sort\nFROM golang:1.22-alpine\nRUN go version | cut -d' ' -f3\n",
      errors: [
        { line: 4, column: 18 },
        { line: 6, column: 20 },
        { line: 8, column: 16, message: /start the script with `set -o pipefail &&`/ },
      ],
    },
    {
      name: "the fix of two findings in one stage is one SHELL line",
      code: "FROM ubuntu:24.04\n  # get it\n  RUN curl -fsSL a | tar xz\nRUN curl -fsSL b | sh\n",
      errors: [{ line: 3, column: 20 }, { line: 4, column: 18 }],
      output: `FROM ubuntu:24.04\n  ${SHELL}\n  # get it\n  RUN curl -fsSL a | tar xz\nRUN curl -fsSL b | sh\n`,
    },
    {
      name: "set -o pipefail after the pipe does not count; set +o pipefail turns it off",
      code: "FROM alpine:3.20\nRUN curl a | sh; set -o pipefail\nRUN set -o pipefail; set +o pipefail; curl a | sh\n",
      errors: [{ line: 2, column: 12 }, { line: 3, column: 46 }],
    },
    {
      name: "a SHELL without pipefail, and a pipe in a heredoc",
      code: 'FROM golang:1.22\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\ncd /src\ngo list ./... | xargs go vet\nEOF\n',
      errors: [{ line: 5, column: 15 }],
      output: `FROM golang:1.22\nSHELL ["/bin/bash", "-c"]\n${SHELL}\nRUN <<EOF\ncd /src\ngo list ./... | xargs go vet\nEOF\n`,
    },
    {
      name: "a command that is not a filter can fail; reported at the pipe after it",
      code: "FROM alpine:3.20\nRUN echo x | go run ./gen | sh\nRUN cat /etc/os-release | sed 's/a/b/' | sh\n",
      errors: [{ line: 2, column: 27, message: /failing `go run .\/gen`/ }, { line: 3, column: 25 }],
    },
    {
      name: "pipes inside subshells and && chains",
      code: "FROM scratch AS x\nFROM busybox\nRUN (cd /x && tar cf - . | gzip > /x.tgz)\n",
      errors: [{ line: 3, column: 26, message: /failing `tar cf - .`/ }],
    },
  ],
});
