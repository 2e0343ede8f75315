import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD106", {
  catches: ["go: github.com/google/uuid@v1.6.0: module lookup disabled by GOPROXY=off",
    "go: updates to go.mod needed; to update it:",
    "go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\""],
  passes: ["GOPROXY=off is set in the environment for this test", "RUN GOFLAGS=-mod=mod go build"],
  fix: [/go mod download|vendor/],
});
