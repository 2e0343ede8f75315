import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD117", {
  catches: ["/usr/local/go/pkg/tool/linux_amd64/compile: signal: killed", "write /go/pkg/mod/cache/download/x.zip: no space left on device", "Killed"],
  passes: ["the process was Killed by the test harness on purpose", "memory ok"],
  fix: [/-p 2|memory/],
});
