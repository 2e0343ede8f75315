/**
 * GD109: a downloaded module does not match its checksum (go.sum or the
 * checksum database). The fix never turns verification off: it says how to
 * find which side (go.sum or the proxy's zip) is wrong.
 */
import { defineDiagnosis, moduleOf, stepName } from "./define.js";

export const GD109 = defineDiagnosis({
  id: "GD109",
  severity: "error",
  title: "checksum mismatch",
  class: "integrity",
  triggers: ["checksum mismatch", "SECURITY ERROR"],
  match(l) {
    return { detail: { module: moduleOf(l.message) ?? "a module" } };
  },
  cause: (d, step) =>
    `${stepName(step)} downloaded ${d.module}, and its content does not match the recorded checksum: either go.sum is wrong or the proxy (or a cache in front of it) serves altered or re-tagged content.`,
  fix: (d) =>
    `Find which side is wrong before changing anything: on a trusted machine run \`go mod download -json ${d.module}\` with GOFLAGS=-modcacherw and a clean GOMODCACHE and compare its "Sum" with the go.sum line and with the checksum database's answer (\`go env GOSUMDB\`; \`curl <sumdb>/lookup/${d.module}\`). If go.sum disagrees with the database, fix go.sum (\`go mod tidy\` after deleting the line) and review the commit that changed it; if the proxy disagrees, clear the proxy's cache or switch proxy, and clear the build's module cache mount. Keep checksum verification on.`,
});
