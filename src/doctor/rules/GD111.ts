/** GD111: the image's Go is older than go.mod requires, or the toolchain download is blocked (GOTOOLCHAIN). */
import { defineDiagnosis, stepName } from "./define.js";

export const GD111 = defineDiagnosis({
  id: "GD111",
  severity: "error",
  title: "Go version too old / toolchain unavailable",
  class: "toolchain",
  triggers: ["requires go >=", "toolchain not available", "GOTOOLCHAIN", "invalid go version", "unknown directive: toolchain", "download go1.", "is not a valid Go toolchain"],
  match(l) {
    const s = l.message;
    const want = /requires go >= ?([0-9.a-z]+)/.exec(s)?.[1] ?? /go(1\.\d+(?:\.\d+)?(?:rc\d+)?)/.exec(s)?.[1] ?? "";
    const have = /running go ([0-9.a-z]+)/.exec(s)?.[1] ?? "";
    if (/toolchain not available|download go1\.[^ ]* for|GOTOOLCHAIN=local|GOTOOLCHAIN/.test(s) && /go: |toolchain/.test(s)) {
      return { detail: { kind: /GOTOOLCHAIN=local/.test(s) ? "old" : "blocked", want, have } };
    }
    if (/requires go >=|invalid go version|unknown directive: toolchain|not a valid Go toolchain/.test(s)) return { detail: { kind: "old", want, have } };
    return undefined;
  },
  cause: (d, step) =>
    d.kind === "blocked"
      ? `${stepName(step)} needs Go ${d.want || "newer than the image's"}, tried to download that toolchain and could not (GOTOOLCHAIN and the module proxy).`
      : `${stepName(step)} runs Go ${d.have || "older than required"}, but go.mod requires ${d.want ? `go >= ${d.want}` : "a newer Go"}.`,
  fix: (d) =>
    `Build with a base image that matches go.mod: \`ARG GO_VERSION=${d.want || "<go.mod version>"}\` and \`FROM golang:\${GO_VERSION}\`; avoid depending on a toolchain download at build time (GOTOOLCHAIN=local makes a mismatch fail fast and clearly).`,
});
