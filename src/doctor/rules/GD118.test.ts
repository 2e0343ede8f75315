import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD118", {
  catches: ["go: inconsistent vendoring in /src:", "\tgithub.com/pkg/errors@v0.9.1: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt"],
  passes: ["vendor/modules.txt written", "vendoring ok"],
  fix: [/go mod vendor/],
});
