import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS609.js";

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n'],
  invalid: [
    {
      name: "MAINTAINER to LABEL",
      code: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
      errors: [{ line: 2, column: 1, endColumn: 11, message: /MAINTAINER is deprecated: write LABEL org\.opencontainers\.image\.authors="Jane Doe <jane@example\.com>"/ }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: "quotes and dollars are escaped, casing kept",
      code: 'FROM alpine:3.20\nmaintainer "Bob" $5\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nlabel org.opencontainers.image.authors="\\"Bob\\" \\$5"\n',
    },
  ],
});
