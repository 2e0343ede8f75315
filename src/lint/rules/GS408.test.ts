import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS408.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache openssh-client git\nEXPOSE 8080 2222\n",
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client\n",
    "FROM alpine:3.20\nRUN apk add --no-cache ssh\n",
    "FROM golang:1.22\nRUN ssh-keyscan github.com >> /root/.ssh/known_hosts\nCMD [\"/app\"]\n",
  ],
  invalid: [
    {
      name: "EXPOSE 22 and openssh on alpine",
      code: "FROM alpine:3.20\nRUN apk --no-cache add openssh\nEXPOSE 22 3000\n",
      errors: [
        { line: 2, column: 24, endColumn: 31, message: /installing openssh puts an SSH server into the image/ },
        { line: 3, column: 8, endColumn: 10, message: /EXPOSE 22 announces an SSH port/ },
      ],
    },
    {
      name: "openssh-server and sshd in CMD",
      code: "FROM debian:12\nRUN apt-get install -y openssh-server && mkdir /run/sshd\nEXPOSE 22/tcp\nCMD [\"/usr/sbin/sshd\", \"-D\"]\n",
      errors: [{ line: 2, column: 24 }, { line: 3, column: 8 }, { line: 4, column: 1, message: /CMD starts an SSH server/ }],
    },
    {
      name: "started in a RUN and a shell-form ENTRYPOINT",
      code: "FROM debian:12\nRUN service ssh start\nENTRYPOINT /usr/sbin/sshd -D & exec /app\n",
      errors: [{ line: 2, column: 5 }, { line: 3, column: 1 }],
    },
  ],
});
