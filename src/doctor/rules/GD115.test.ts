import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD115", {
  catches: ["failed to resolve source metadata for registry.example/library/golang:1.99-nosuch: registry.example/library/golang:1.99-nosuch: not found",
    "pull access denied for corp/base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    "manifest for golang:1.99 not found: manifest unknown: manifest unknown"],
  passes: ["config.json: not found", "docs: not found in index"],
  fix: [/tag that exists|login/],
});
