import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD107", {
  catches: ["go: github.com/google/uuid@v1.6.0: reading http://127.0.0.1:4000/github.com/google/uuid/@v/v1.6.0.mod: 404 Not Found",
    "go: github.com/google/uuid@v1.6.0: reading http://127.0.0.1:4000/github.com/google/uuid/@v/v1.6.0.info: 410 Gone",
    "go: example.com/m@v1.9.9: invalid version: unknown revision v1.9.9",
    "main.go:6:2: no required module provides package example.com/missing; to add it:"],
  passes: ["404 Not Found page rendered by TestHandler", "file not found: config.yaml"],
  cause: [/github\.com\/google\/uuid@v1\.6\.0/],
});
