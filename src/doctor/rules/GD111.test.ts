import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD111", {
  catches: ["go: go.mod requires go >= 1.23.0 (running go 1.22.5; GOTOOLCHAIN=local)",
    "go: download go1.23.4 for linux/amd64: toolchain not available",
    "go.mod:3: invalid go version '1.21.0': must match format 1.23"],
  passes: ["go: downloading golang.org/x/toolchain v0.0.1", "using toolchain settings from env"],
  fix: [/FROM golang/],
});
