import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS206.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n",
    "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n",
    "FROM alpine:3.20\nADD app.tar.gz /opt/\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n",
      errors: [{ line: 2, column: 1, endColumn: 42, message: /`ADD https:\/\/example\.com\/tool\.tar\.gz` downloads without verification: add --checksum=sha256:<digest>/ }],
    },
  ],
});
