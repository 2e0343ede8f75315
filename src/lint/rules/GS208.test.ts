import { ruleTester } from "../../../test/support/lint-tester.js";
import rule from "./GS208.js";

const trusted = { trustedRegistries: ["docker.io", "gcr.io"] };
const allowed = { allowedBaseImages: ["golang", "gcr.io/distroless/*"] };

ruleTester(rule, {
  valid: [
    { name: "no policy configured", code: "FROM quay.io/x/y:1\n" },
    { name: "trusted registries", code: "FROM golang:1.22 AS b\nFROM gcr.io/distroless/static-debian12\n", config: trusted },
    { name: "stages and scratch are not images", code: "FROM golang:1.22 AS b\nFROM b\nFROM scratch\n", config: { ...trusted, ...allowed } },
    { name: "allowed images with wildcards", code: "FROM golang:1.22-alpine AS b\nFROM gcr.io/distroless/base-debian12\n", config: allowed },
    { name: "docker.io aliases", code: "FROM index.docker.io/library/golang:1.22\n", config: { trustedRegistries: ["docker.io"] } },
  ],
  invalid: [
    { name: "untrusted registry", code: "FROM golang:1.22 AS b\nFROM quay.io/corp/base:1\n", config: trusted, errors: [{ line: 2, column: 6, message: /quay\.io, which is not in lint\.trustedRegistries/ }] },
    { name: "image not allowed", code: "FROM golang:1.22 AS b\nFROM alpine:3.20\n", config: allowed, errors: [{ line: 2, message: /alpine is not in lint\.allowedBaseImages/ }] },
  ],
});
