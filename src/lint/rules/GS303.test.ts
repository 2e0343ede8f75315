import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS303.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN set -e; go mod download\n",
    "FROM golang:1.22\nRUN set -ex && go build ./...\n",
    // the status is captured on purpose and errexit comes back
    "FROM golang:1.22\nRUN set -e; set +e; go test ./...; rc=$?; set -e; [ $rc -le 1 ]\n",
    'FROM golang:1.22\nRUN ["sh", "-c", "set +e; go build"]\n',
    "FROM golang:1.22\nRUN set +e; ./smoke-test; if [ $? -ne 2 ]; then exit 1; fi\n",
    // grep's "no match" is an answer, and errexit comes back
    "FROM debian:12\nRUN set +e; grep -Fxv -f /tmp/a /tmp/b > /tmp/c; set -e; xargs -a /tmp/c apt-mark manual\n",
    // `set` with positional parameters only
    "FROM alpine:3.20\nRUN set -- a b c && echo $#\n",
  ],
  invalid: [
    {
      name: "set +e",
      code: "FROM golang:1.22\nRUN set -e; set +e; go mod download; go build -o /app .\n",
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19, message: /`set \+e` turns off exit-on-error/ }],
    },
    {
      name: "set +o errexit on a continuation line and +ex bundles",
      code: "FROM golang:1.22\nRUN go version && \\\n    set +o errexit && go build ./...\nRUN set +ex\n",
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 19 }, { line: 4, column: 5 }],
    },
    {
      name: "turned off and never back on, even with $? later",
      code: "FROM alpine:3.20\nRUN set +e; make; echo $?\n",
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: "in a heredoc",
      code: "FROM alpine:3.20\nRUN <<EOF\nset -e\nset +e\nmake\nEOF\n",
      errors: [{ line: 4, column: 1 }],
    },
  ],
});
