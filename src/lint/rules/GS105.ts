/**
 * GS105: unpinned tool installs: `go install pkg@latest` (or @master/@main/
 * @HEAD), `go install remote/pkg` with no version where no go.mod pins it
 * (outside a module, or not required by the context's go.mod), and any
 * `go get` (module-aware go get edits go.mod and installs nothing since Go
 * 1.17; GOPATH-mode go get takes whatever the default branch holds). The
 * message for go get says which of the two it is: GOPATH mode when
 * GO111MODULE=off, or the golang image predates modules (< 1.11), or it
 * predates module mode by default (< 1.16) and nothing from the context
 * (where a go.mod could be) is in the stage yet.
 */
import { defineRule } from "../rule.js";
import type { LintModel } from "../model/model.js";
import { compareGoVersions } from "../model/base-image.js";
import { effectiveVar, goInvocations, type GoInvocation } from "../facts/go-invocations.js";
import { goMinor, stageImage } from "../facts/go-images.js";
import { holdsContextFiles } from "../facts/go-module.js";

const FLOATING = /@(latest|master|main|HEAD|upgrade|patch)$/;

export default defineRule(
  {
    id: "GS105",
    title: "go install without a version, or go get",
    severity: "warning",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const inv of goInvocations(model)) {
      if (inv.subcommand === "get") {
        const what = inv.packages.map((p) => p.raw).join(" ") || "";
        const cmd = `\`go get${what ? " " + short(what) : ""}\``;
        report({
          message: gopathMode(model, inv)
            ? `${cmd} in GOPATH mode fetches the newest commit of every package and dependency, nothing pinned: move the build to modules (go.mod, \`go mod download\`) and install tools with \`go install pkg@vX.Y.Z\``
            : `${cmd} in a Dockerfile: module-aware go get edits go.mod and installs nothing, and unversioned paths take whatever is newest; use \`go mod download\` for dependencies and \`go install pkg@vX.Y.Z\` for tools`,
          range: inv.range,
        });
        continue;
      }
      if (inv.subcommand !== "install") continue;
      for (const p of inv.packages) {
        const text = p.literal ?? p.raw;
        if (FLOATING.test(text)) {
          report({ message: `\`go install ${text}\` installs whatever version is newest at build time: pin a version, e.g. ${text.replace(FLOATING, "@v1.2.3")}`, range: inv.range });
        } else if (!text.includes("@") && remote(text) && !pinnedByModule(model, inv, text)) {
          report({ message: `\`go install ${text}\` has no @version and no go.mod pins it: pin the tool, e.g. \`go install ${text}@v1.2.3\``, range: inv.range });
        }
      }
    }
  },
);

/** True when this go get runs in GOPATH mode (see the header). */
function gopathMode(model: LintModel, inv: GoInvocation): boolean {
  const mode = effectiveVar(model, inv, "GO111MODULE")?.value;
  if (mode === "off") return true;
  if (mode === "on") return false;
  const img = stageImage(model, inv.stage);
  const v = img.base.goToolchain && !img.partial ? img.base.goVersion : null;
  const minor = v ? goMinor(v) : null;
  if (!minor) return false;
  if (compareGoVersions(minor, "1.11") < 0) return true;
  return compareGoVersions(minor, "1.16") < 0 && !holdsContextFiles(model, inv.stage, inv.run.startLine);
}

function remote(path: string): boolean {
  const first = path.split("/")[0] ?? "";
  return first.includes(".") && !path.startsWith(".") && !path.includes("$");
}

/** Inside the context's module (its own packages, or a requirement in go.mod), the version comes from go.mod. */
function pinnedByModule(model: LintModel, inv: GoInvocation, path: string): boolean {
  if (effectiveVar(model, inv, "GO111MODULE")?.value === "off") return false;
  const goMod = model.project.goMod;
  if (goMod) {
    const mod = goMod.module?.path;
    if (mod && (path === mod || path.startsWith(mod + "/"))) return true;
    return goMod.require.some((r) => path === r.path || path.startsWith(r.path + "/"));
  }
  // no go.mod known: pinned when the stage copied module files or sources before this RUN
  for (const ins of inv.stage.stage.commands) {
    if (ins.startLine >= inv.run.startLine) break;
    if ((ins.kind === "COPY" && ins.from === "") || ins.kind === "ADD") return true;
  }
  return false;
}

function short(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}
