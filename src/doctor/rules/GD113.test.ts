import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD113", {
  catches: ['cgo: C compiler "gcc" not found: exec: "gcc": executable file not found in $PATH',
    "sqlite3-binding.c:33:10: fatal error: sqlite3.h: No such file or directory",
    "/bin/sh: gcc: not found"],
  passes: ["runtime/cgo: ok", "C compiler detection skipped"],
  fix: [/CGO_ENABLED=0/, /gcc|build-base/],
});
