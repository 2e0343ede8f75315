import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS404.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12-slim\nRUN apt-get update \\\n && apt-get -qq install --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n",
    "FROM alpine:3.20\nRUN apk add --no-cache ca-certificates\nRUN apk --no-cache add tzdata\n",
    // cache mounts keep the index out of the layer
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add ca-certificates\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends git\n",
    // apt configured to skip recommends and answer yes
    "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/no-rec && echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/yes\nRUN apt-get update && apt-get install git && rm -rf /var/lib/apt/lists/*\n",
    // size-only problems in a builder stage whose files are copied out
    "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20 AS tools\nRUN apk add git\nFROM scratch\nCOPY --from=build /app /app\n",
    "FROM rockylinux:9\nRUN dnf install -y git && yum -y install make && microdnf install tar\n",
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "--no-install-recommends", "git"]\n',
  ],
  invalid: [
    {
      name: "apt-get install without -y and recommends: both fixes apply together",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install ca-certificates && rm -rf /var/lib/apt/lists/*\n",
      errors: [
        { line: 2, column: 31, endColumn: 38, message: /without --no-install-recommends/ },
        { line: 2, column: 31, endColumn: 38, message: /`apt-get install` without -y .* add -y/ },
      ],
      output: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "apk add without --no-cache, fixed",
      code: "FROM alpine:3.20\nRUN apk update && \\\n    apk add ca-certificates tzdata\n",
      errors: [{ line: 3, column: 9, endColumn: 12, message: /apk add --no-cache/ }],
      output: "FROM alpine:3.20\nRUN apk update && \\\n    apk add --no-cache ca-certificates tzdata\n",
    },
    {
      name: "apt lists left behind, in the stage the final image builds on",
      code: "FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nFROM base\nCMD [\"curl\"]\n",
      errors: [{ line: 2, column: 13, endColumn: 19, message: /rm -rf \/var\/lib\/apt\/lists/ }],
    },
    {
      name: "apt instead of apt-get, upgrade, yum without -y, sudo-wrapped",
      code: "FROM golang:1.22 AS build\nRUN sudo apt install -y git\nRUN apt-get update && apt-get -uy upgrade\nFROM centos:7\nRUN yum install git\n",
      errors: [
        { line: 2, column: 10, endColumn: 13, message: /use `apt-get install`/ },
        { line: 3, column: 35, message: /newer base image tag/, severity: "info" },
        { line: 5, column: 9, message: /`yum install` without -y/ },
      ],
    },
    {
      name: "dnf without -y, fixed",
      code: "FROM fedora:40\nRUN dnf install git && dnf -q clean all\n",
      errors: [{ line: 2, column: 9, endColumn: 16 }],
      output: "FROM fedora:40\nRUN dnf install -y git && dnf -q clean all\n",
    },
    {
      name: "options before the action and an option value that looks like a package",
      code: "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y git && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ line: 2, column: 48, message: /--no-install-recommends/ }],
      output: "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "exec form: reported without a fix",
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "git"]\n',
      errors: [{ line: 2, message: /--no-cache/ }],
    },
  ],
});
