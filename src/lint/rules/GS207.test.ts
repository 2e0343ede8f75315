import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS207.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && echo 'abc  /tmp/install.sh' | sha256sum -c && sh /tmp/install.sh\n",
    "FROM alpine:3.20\nRUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt\n",
    "FROM alpine:3.20\nRUN echo hi | sh\n",
  ],
  invalid: [
    {
      name: "curl | sh",
      code: "FROM golang:1.22\nRUN curl -sSfL https://raw.githubusercontent.com/golangci/golangci-lint/master/install.sh | sh -s -- -b /go/bin v1.59.1\n",
      errors: [{ line: 2, column: 5, endColumn: 120, message: /`curl \.\.\. \| sh` runs a downloaded script unverified/ }],
    },
    {
      name: "wget -O- | sudo bash, on a continuation line",
      code: "FROM debian:12\nRUN apt-get update && \\\n    wget -qO- https://example.com/setup | sudo bash\n",
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 52, message: /`wget \.\.\. \| bash`/ }],
    },
    {
      name: "sh -c \"$(curl ...)\"",
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n',
      errors: [{ line: 2, column: 5, message: /`sh` runs a script fetched by curl\/wget/ }],
    },
  ],
});
