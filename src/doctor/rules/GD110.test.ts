import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD110", {
  catches: ["main.go:6:2: missing go.sum entry for module providing package github.com/google/uuid (imported by example.com/doctor/app); to add:",
    "go: github.com/google/uuid@v1.6.0: missing go.sum entry for go.mod file; to add it:"],
  passes: ["go.sum entry present", "go: downloading github.com/google/uuid v1.6.0"],
  fix: [/go mod tidy/, /COPY go\.mod go\.sum/],
});
