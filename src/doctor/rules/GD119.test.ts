import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD119", {
  catches: ["E: Unable to locate package libsqlite3-devv", "E: Failed to fetch http://mirror.example/debian/pool/main/g/gcc/gcc_12.deb  Temporary failure", "ERROR: unable to select packages:"],
  passes: ["E: nothing", "apt-get install done"],
  fix: [/apt-get update && apt-get install|apk add --no-cache/],
});
