/** GD106: module downloads switched off (GOPROXY=off) or a -mod flag that conflicts with the module setup. */
import type { RuleHit } from "../types.js";
import { defineDiagnosis, moduleOf, stepName } from "./define.js";

export const GD106 = defineDiagnosis({
  id: "GD106",
  severity: "error",
  title: "module fetching disabled or -mod conflict",
  class: "module",
  triggers: ["disabled by GOPROXY=off", "GOPROXY=off", "updates to go.mod needed", "-mod may only be set", "-mod=vendor", "-mod=mod", "-mod=readonly", "go.mod file indicates replacement", "cannot query module due to -mod="],
  match(l): RuleHit | undefined {
    const s = l.message;
    if (/disabled by GOPROXY=off/.test(s)) return { detail: { kind: "off", module: moduleOf(s) ?? "a module" } };
    if (/updates to go\.mod needed/.test(s)) return { detail: { kind: "readonly" } };
    if (/^(?:go: |go build |flag provided|invalid value)/.test(s) && /-mod(?:=| may only)/.test(s)) return { detail: { kind: "flag" } };
    if (/cannot query module due to -mod=/.test(s)) return { detail: { kind: "flag" } };
    return undefined;
  },
  cause: (d, step) =>
    d.kind === "off"
      ? `${stepName(step)} needed ${d.module}, but GOPROXY=off forbids downloading it and it is not in the module cache or vendor/.`
      : d.kind === "readonly"
        ? `${stepName(step)} needed go.mod changes, which -mod=readonly (the default) refuses: go.mod and the code disagree.`
        : `${stepName(step)} ran with a -mod value (often from GOFLAGS) that does not fit this module setup.`,
  fix: (d) =>
    d.kind === "off"
      ? `Download modules in an earlier layer while the proxy is allowed (\`COPY go.mod go.sum ./\` + \`RUN go mod download\`) or vendor them (\`go mod vendor\`, \`COPY vendor/ vendor/\`); only set GOPROXY=off after that, or set a reachable \`ARG GOPROXY=https://<your-proxy>,direct\`.`
      : d.kind === "readonly"
        ? `Run \`go mod tidy\` locally and commit go.mod and go.sum; do not paper over it with GOFLAGS=-mod=mod in the Dockerfile.`
        : `Remove the -mod setting from GOFLAGS / the build command, or make it match: -mod=vendor needs a committed, consistent vendor/ directory; -mod=mod is not allowed in workspace mode.`,
});
