import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS407.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY app /app\nCOPY certs/ca.pem /etc/ssl/certs/\nCOPY .env.example /app/\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
    "FROM golang:1.22 AS build\nRUN ssh-keygen -f /id_rsa\nFROM alpine:3.20\nCOPY --from=build /id_rsa /keys/\n",
    // the context holds a key but .dockerignore excludes it
    { name: "excluded by .dockerignore", code: "FROM alpine:3.20\nCOPY . /src\n", files: { "main.go": "package main\n", "deploy/id_ed25519": "k", ".dockerignore": "deploy/\n" } },
    // a file source is only judged by its name
    { name: "file source", code: "FROM alpine:3.20\nCOPY main.go /src/\n", files: { "main.go": "package main\n", ".env": "A=1" } },
    // folder copy with --exclude: not evaluated
    { name: "--exclude", code: "FROM alpine:3.20\nCOPY --exclude=.env . /src\n", files: { ".env": "A=1" } },
  ],
  invalid: [
    {
      name: "named key files",
      code: "FROM golang:1.22\nCOPY id_rsa /root/.ssh/id_rsa\nCOPY .env config/server.key /app/\nADD [\".netrc\", \"/root/\"]\n",
      errors: [
        { line: 2, column: 6, endColumn: 12, message: /COPY id_rsa puts an SSH private key into an image layer.*--mount=type=ssh/ },
        { line: 3, column: 6, endColumn: 10, message: /an environment file/ },
        { line: 3, column: 11, endColumn: 28, message: /a private key/ },
        { line: 4, column: 6, message: /a credentials file/ },
      ],
    },
    {
      name: "COPY . . with secrets in the context",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n",
      files: { "main.go": "package main\n", ".env.production": "DB=x", ".ssh/id_rsa": "k", ".ssh/known_hosts": "h", "tls/server-key.pem": "k" },
      errors: [{ line: 3, column: 6, endColumn: 7, message: /copies \.env\.production, \.ssh, tls\/server-key\.pem from the build context.*add them to \.dockerignore/ }],
    },
  ],
});
