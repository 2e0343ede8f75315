import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS406.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN chmod +x /entrypoint.sh && chmod 755 /app && chmod -R 644 /etc/app\n",
    "FROM alpine:3.20\nRUN chmod 1777 /tmp && chmod u+w,g-w /data && chmod +w /data\n",
    "FROM alpine:3.20\nCOPY --chmod=755 app /app\n",
    "FROM alpine:3.20\nRUN chmod $MODE /app\n",
  ],
  invalid: [
    {
      name: "chmod -R 777",
      code: "FROM alpine:3.20\nRUN chmod -R 777 /usr/bin/frps\n",
      errors: [{ line: 2, column: 5, endColumn: 17, message: /`chmod 777 \/usr\/bin\/frps` makes \/usr\/bin\/frps writable by every user/ }],
    },
    {
      name: "symbolic and octal forms",
      code: "FROM alpine:3.20\nRUN mkdir /data && chmod a+rwx /data && \\\n    chmod 0666 /etc/app.conf && chmod o=rw /x\n",
      errors: [{ line: 2, column: 20 }, { line: 3, column: 5, endColumn: 15 }, { line: 3, column: 33 }],
    },
    {
      name: "COPY --chmod=777",
      code: "FROM alpine:3.20\nCOPY --chmod=777 app /app\nADD --chmod=0777 x.tar.gz /x\n",
      errors: [{ line: 2, column: 6, endColumn: 17, message: /--chmod=755/ }, { line: 3, column: 5 }],
    },
  ],
});
