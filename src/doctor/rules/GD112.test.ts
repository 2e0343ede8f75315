import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD112", {
  catches: ["error obtaining VCS status: exit status 128", "\tUse -buildvcs=false to disable VCS stamping."],
  passes: ["RUN go build -buildvcs=false -o /out/app .", "vcs status ok"],
  fix: [/-buildvcs=false/],
});
