import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD116", {
  catches: ["exec /bin/sh: exec format error", "/out/app: cannot execute binary file: Exec format error"],
  passes: ["format error in config", "exec ok"],
  fix: [/BUILDPLATFORM/],
});
