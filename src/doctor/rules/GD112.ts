/** GD112: go build could not stamp VCS information (no .git in the context, or git missing / refusing the folder). */
import { defineDiagnosis, stepName } from "./define.js";

export const GD112 = defineDiagnosis({
  id: "GD112",
  severity: "error",
  title: "VCS stamping failed",
  class: "toolchain",
  triggers: ["error obtaining VCS status", "buildvcs", "detected dubious ownership"],
  match(l) {
    const s = l.message;
    if (!/error obtaining VCS status|Use -buildvcs=false to disable VCS stamping|dubious ownership/.test(s)) return undefined;
    return { detail: { kind: /dubious ownership/.test(s) ? "ownership" : "status" } };
  },
  cause: (d, step) =>
    d.kind === "ownership"
      ? `${stepName(step)} stamps VCS data, and git refuses the copied repository (owned by another user).`
      : `${stepName(step)} tried to stamp VCS information, but the build context has no usable .git (excluded by .dockerignore, or git missing in the image).`,
  fix: () =>
    `Build with \`go build -buildvcs=false\` (pass the version with \`-ldflags "-X main.version=\${VERSION}"\` from an ARG), or, if you want VCS stamping, include .git in the context and install git in the build stage.`,
});
