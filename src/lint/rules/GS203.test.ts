import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS203.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download\n",
    "FROM golang:1.22\nARG GOPRIVATE=github.com/acme/*\nENV GOPROXY=https://proxy.corp.example,direct\n",
    "FROM golang:1.22\nRUN git config --global url.\"git@github.com:\".insteadOf \"https://github.com/\"\n",
    "FROM golang:1.22\nCOPY .gitignore .\n",
  ],
  invalid: [
    {
      name: "ARG GITHUB_TOKEN used in git config",
      code: 'FROM golang:1.22\nARG GITHUB_TOKEN\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n',
      errors: [
        { line: 2, column: 5, endColumn: 17, message: /ARG GITHUB_TOKEN passes a git credential through the image.*--mount=type=secret/ },
        { line: 3, column: 25, endColumn: 76, message: /`git config url\."https:\/\/\$\{GITHUB_TOKEN\}@github\.com\/"\.insteadOf` writes a credential into ~\/\.gitconfig/ },
      ],
    },
    {
      name: "ENV with a token value is never printed",
      code: "FROM golang:1.22\nENV GITLAB_TOKEN=glpat-abcdefghijklmnop\n",
      errors: [{ line: 2, column: 5, message: /^ENV GITLAB_TOKEN passes/ }],
    },
    {
      name: "GOPROXY with user:password, redacted",
      code: "FROM golang:1.22\nENV GOPROXY=https://bob:hunter2@proxy.corp.example,direct\n",
      errors: [{ line: 2, message: /GOPROXY=https:\/\/bob:hu\*\*\*\*@proxy\.corp\.example,direct carries a user:password in an ENV/ }],
    },
    {
      name: "COPY .netrc",
      code: "FROM golang:1.22\nCOPY .netrc /root/.netrc\nRUN go mod download\n",
      errors: [{ line: 2, column: 1, endColumn: 25, message: /COPY \.netrc puts git\/module credentials into an image layer/ }],
    },
    {
      name: "echo into ~/.netrc",
      code: 'FROM golang:1.22\nARG TOKEN\nRUN echo "machine github.com login x password ${TOKEN}" > ~/.netrc && go mod download\n',
      errors: [{ line: 3, column: 5, message: /writes credentials to ~\/\.netrc/ }],
    },
  ],
});
