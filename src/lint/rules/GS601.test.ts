import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS601.js";

ruleTester(rule, {
  valid: [
    // ARG declared in the stage, with or without a default
    "FROM alpine:3.20\nARG foo\nCOPY $foo .\n",
    // global ARG redeclared in the stage takes its value
    "ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}\nARG GO_VERSION\nRUN echo $GO_VERSION\nLABEL go=$GO_VERSION\n",
    // predefined args: in FROM without a declaration, in a stage after ARG
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nENV GOOS=$TARGETOS GOARCH=${TARGETARCH}\nCOPY bin/$TARGETARCH/app /app\n",
    // RUN, CMD, ENTRYPOINT, HEALTHCHECK and EXPOSE are not checked (the shell expands them)
    "FROM alpine:3.20\nRUN echo $HOME $UNDEFINED\nCMD echo $X\nENTRYPOINT [\"/app\", \"$Y\"]\nHEALTHCHECK CMD wget -q localhost:$PORT\n",
    // base image ENV: PATH everywhere, GOPATH in golang images
    "FROM golang:1.22\nENV PATH=$GOPATH/bin:$PATH\nWORKDIR $GOPATH/src/app\n",
    // inherited from the parent stage (ARG and ENV)
    "FROM golang:1.22 AS base\nARG VERSION=dev\nENV APP=/srv/app\nFROM base AS build\nLABEL version=$VERSION\nWORKDIR $APP\n",
    // ARGs in one instruction see the ones before them
    "FROM alpine:3.20\nARG A=1 B=${A}2\nENV C=$B\n",
    // global ARG without a value is declared for FROM (its value comes from --build-arg)
    "ARG BASE\nFROM $BASE\n",
    // unknown base image: its ENV may define anything, so plain names are not reported
    "FROM python:3.12\nARG VERSION=$PYTHON_VERSION\n",
    // unknown images export *_VERSION themselves (node sets NODE_VERSION)
    "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\nLABEL node=$NODE_VERSION\n",
    // quoted or escaped dollars are not variables
    "FROM alpine:3.20\nENV PRICE='$5' CURRENCY=\\$USD\n",
    // --mount values with declared args
    "FROM golang:1.22\nARG CACHE=/root/.cache/go-build\nRUN --mount=type=cache,target=$CACHE go build ./...\n",
    // COPY --from is expanded without variables and not reported
    "FROM alpine:3.20\nCOPY --from=$X /a /b\n",
  ],
  invalid: [
    {
      name: "undefined in COPY (BuildKit's own example)",
      code: "FROM alpine AS base\nCOPY $foo .\n",
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: /COPY uses undefined variable \$foo/ }],
    },
    {
      name: "ARG default from an undefined variable",
      code: "FROM alpine AS base\nARG VERSION=$foo\n",
      errors: [{ line: 2, column: 13, endColumn: 17, message: /ARG uses undefined variable \$foo/ }],
    },
    {
      name: "typo with a suggestion",
      code: "FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n",
      errors: [{ line: 2, column: 10, endColumn: 15, message: /\$PAHT.*did you mean \$PATH\?/ }],
    },
    {
      name: "global ARG not redeclared in the stage",
      code: "ARG VERSION=1.0\nFROM alpine:3.20\nLABEL version=${VERSION}\n",
      errors: [{ line: 3, column: 15, endColumn: 25, message: /global ARG that is not in scope.*add `ARG VERSION`/ }],
    },
    {
      name: "TARGETARCH without ARG in the stage",
      code: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nENV GOARCH=$TARGETARCH\nCOPY dist/${TARGETOS}_${TARGETARCH}/app /app\n",
      errors: [
        { line: 2, column: 12, endColumn: 23, message: /predefined build arg.*ARG TARGETARCH/ },
        { line: 3, column: 11, endColumn: 22, message: /\$TARGETOS/ },
        { line: 3, column: 23, endColumn: 36, message: /\$TARGETARCH/ },
      ],
    },
    {
      name: "predefined and global args are checked even on unknown base images",
      code: "ARG APP=svc\nFROM python:3.12\nCOPY bin/$TARGETARCH/$APP /bin/app\n",
      errors: [{ line: 3, column: 10, message: /predefined/ }, { line: 3, column: 22, message: /global ARG/ }],
    },
    {
      name: "undefined in FROM (UndefinedArgInFrom)",
      code: "FROM node:22${VARIANT} AS jsbuilder\n",
      errors: [{ line: 1, column: 13, endColumn: 23, message: /FROM uses \$VARIANT.*ARG VARIANT/ }],
    },
    {
      name: "undefined in FROM --platform",
      code: "FROM --platform=$BUILDPLATFROM golang:1.22\n",
      errors: [{ line: 1, column: 17, message: /did you mean \$BUILDPLATFORM\?/ }],
    },
    {
      name: "ENV pairs see only what was set before the instruction",
      code: "FROM alpine:3.20\nENV A=1 B=$A\n",
      errors: [{ line: 2, column: 11 }],
    },
    {
      name: "WORKDIR, USER, VOLUME, LABEL key, --chown, --mount and heredoc bodies",
      code: "FROM golang:1.22\nWORKDIR $SRC\nUSER $UID\nVOLUME $DATA\nCOPY --chown=$OWNER a /a\nRUN --mount=type=cache,target=$CACHE go build\nCOPY <<EOF /etc/x\nv=$BODY\nEOF\n",
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5, column: 14 }, { line: 6, column: 31 }, { line: 8, column: 3 }],
    },
    {
      name: "ARG in a sibling stage is not in scope",
      code: "FROM golang:1.22 AS a\nARG V=1\nFROM golang:1.22 AS b\nLABEL v=$V\n",
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: "${X:-default} still reads an undefined variable (as BuildKit reports it)",
      code: "FROM alpine:3.20\nENV ARCH=${TARGETARCH:-amd64}\n",
      errors: [{ line: 2, column: 10, message: /TARGETARCH/ }],
    },
  ],
});
