import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS405.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n",
    "FROM debian:12\nUSER root\nRUN chown app /srv\nUSER app\n",
    "FROM debian:12\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app\n",
  ],
  invalid: [
    {
      name: "sudo apt-get",
      code: "FROM debian:12\nUSER app\nRUN sudo apt-get update && env DEBIAN_FRONTEND=noninteractive /usr/bin/sudo -E apt-get install -y git\n",
      errors: [
        { line: 3, column: 5, endColumn: 9, message: /RUN uses sudo/ },
        { line: 3, column: 63, endColumn: 76 },
      ],
    },
    { name: "in a heredoc", code: "FROM debian:12\nRUN <<EOF\nsudo make install\nEOF\n", errors: [{ line: 3, column: 1 }] },
    { name: "exec form", code: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n', errors: [{ line: 2 }] },
  ],
});
