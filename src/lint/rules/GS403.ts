/**
 * GS403: the final image is a distribution (debian, ubuntu, alpine, a
 * RHEL family) that installs packages only to run a static Go binary: every
 * `go build` of the stages it copies from has CGO_ENABLED=0, and all the
 * packages it installs are ones a static base already ships or a static
 * binary never uses (ca-certificates, tzdata, libc compatibility). A
 * distroless static image (or scratch) carries no shell, no package manager
 * and no CVE backlog for them.
 * Quiet when the final image needs a shell or other tools: other packages,
 * shell-form CMD/ENTRYPOINT/HEALTHCHECK, an entrypoint script, or a go build
 * with cgo on or unknown.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import { defineRule } from "../rule.js";
import { buildsBinary, effectiveVar, goInvocations } from "../facts/go-invocations.js";
import { copiedStages } from "../facts/go-images.js";
import { chain, installs, pkgInvocations } from "../facts/pkg-invocations.js";

/** Packages a static base provides, or a CGO_ENABLED=0 binary does not need. */
const STATIC_NEEDS = /^(ca-certificates|tzdata|netbase|mailcap|media-types|libc6-compat|gcompat|musl|libc6|libgcc|glibc|libc-bin)(=.*)?$/;

export default defineRule(
  {
    id: "GS403",
    title: "distribution image where a static one would do",
    severity: "info",
    category: "security",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const final = model.final;
    if (!final || final.stage.commands.length === 0) return;
    const family = final.base.family;
    if (family !== "debian" && family !== "ubuntu" && family !== "alpine" && family !== "rhel") return;
    const image = chain(model, final);
    const installed = pkgInvocations(model).filter((p) => image.includes(p.stage) && installs(p));
    if (installed.length === 0) return;
    const packages = installed.flatMap((p) => p.packages.map((w) => w.literal));
    if (packages.length === 0 || packages.some((p) => p === null || !STATIC_NEEDS.test(p))) return;
    if (image.some((s) => s.stage.commands.some(needsShell))) return;
    const sources = new Set(copiedStages(model, final));
    const builds = goInvocations(model).filter((g) => sources.has(g.stage) && buildsBinary(g));
    if (builds.length === 0 || !builds.every((g) => effectiveVar(model, g, "CGO_ENABLED")?.value === "0")) return;
    const names = [...new Set(packages)].join(", ");
    report({
      message: `the final image is ${final.baseText} and installs only ${names} for a static Go binary (CGO_ENABLED=0): use gcr.io/distroless/static-debian12 (CA certificates and tzdata included, no shell or package manager) or scratch`,
      range: final.stage.from.node.args[0]?.range ?? final.stage.from.range,
    });
  },
);

/** CMD/ENTRYPOINT/HEALTHCHECK that run through a shell or a shell script. */
function needsShell(ins: Instruction): boolean {
  if (ins.kind === "CMD" || ins.kind === "ENTRYPOINT") {
    if (ins.shell) return true;
    return (ins.args ?? []).some((a) => /\.sh$|^(\/bin\/)?(ba)?sh$/.test(a));
  }
  if (ins.kind === "HEALTHCHECK") return ins.test[0] === "CMD-SHELL" || ins.test.length > 1 && ins.test[0] === "CMD" && !/^\//.test(ins.test[1] ?? "");
  return false;
}
