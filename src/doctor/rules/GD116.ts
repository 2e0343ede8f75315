/** GD116: a binary for another CPU/OS was executed (exec format error): wrong platform or missing emulation. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD116 = defineDiagnosis({
  id: "GD116",
  severity: "error",
  title: "exec format error / wrong platform",
  class: "image",
  triggers: ["exec format error", "cannot execute binary file", "Exec format error"],
  match() {
    return { detail: {} };
  },
  cause: (_d, step) => `${stepName(step)} ran a program built for another platform (CPU architecture or OS): the stage's image or a copied binary does not match the machine running it.`,
  fix: () =>
    `Run the Go compiler on the build machine's platform and cross-compile: \`FROM --platform=$BUILDPLATFORM golang:<ver> AS build\` with \`ARG TARGETOS TARGETARCH\` and \`GOOS=$TARGETOS GOARCH=$TARGETARCH go build\`; if a RUN must execute foreign binaries, install QEMU binfmt handlers on the builder.`,
});
