/** GD118: vendor/modules.txt disagrees with go.mod (inconsistent vendoring). */
import { defineDiagnosis, stepName } from "./define.js";

export const GD118 = defineDiagnosis({
  id: "GD118",
  severity: "error",
  title: "inconsistent vendoring",
  class: "module",
  triggers: ["inconsistent vendoring", "vendor/modules.txt"],
  match(l) {
    return /inconsistent vendoring|not marked as explicit in vendor\/modules\.txt|vendor\/modules\.txt.*(?:does not match|missing|not present)/.test(l.message) ? { detail: {} } : undefined;
  },
  cause: (_d, step) => `${stepName(step)} found vendor/ out of step with go.mod (inconsistent vendoring), or vendor/ was not copied completely.`,
  fix: () =>
    `Run \`go mod vendor\` and commit vendor/ (with vendor/modules.txt), make sure the Dockerfile copies it and .dockerignore does not exclude it; or stop vendoring (delete vendor/) and download modules with \`go mod download\`.`,
});
