import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD108", {
  catches: ['verifying corp.example/platform/auth@v1.0.0: corp.example/platform/auth@v1.0.0: reading https://sumdb.example/lookup/corp.example/platform/auth@v1.0.0: 404 Not Found',
    "\tfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
    "git@github.com: Permission denied (publickey)."],
  passes: ["verifying github.com/google/uuid@v1.6.0: ok", "Authentication succeeded"],
  fix: [/GOPRIVATE/],
});
