/**
 * GS108: `go build` without -trimpath (info): the binary embeds the build
 * machine's paths (/go/src/..., /root/go/pkg/mod/...), leaks them in panics
 * and makes builds differ by checkout path. And (warning) -buildvcs=true
 * while .dockerignore keeps .git out of the context: the build fails with
 * "error obtaining VCS status". GOFLAGS counts as given on the command line.
 * Not on golang images older than Go 1.13, which have no -trimpath flag.
 */
import { defineRule } from "../rule.js";
import { compareGoVersions } from "../model/base-image.js";
import { buildsBinary, goFlag, goInvocations } from "../facts/go-invocations.js";
import { goMinor, stageImage } from "../facts/go-images.js";

export default defineRule(
  {
    id: "GS108",
    title: "go build without trimpath",
    severity: "info",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const gitExcluded = model.project.ignore?.excludes(".git") === true || model.project.ignore?.excludes(".git/HEAD") === true;
    for (const inv of goInvocations(model)) {
      if (!buildsBinary(inv)) continue;
      const vcs = goFlag(model, inv, "buildvcs");
      if (vcs && vcs.value === "true" && gitExcluded) {
        const line = model.project.ignore?.decidingLine(".git");
        report({
          message: `\`go ${inv.subcommand}\` asks for -buildvcs=true but ${model.project.ignore?.file ?? ".dockerignore"}${line ? ` line ${line}` : ""} keeps .git out of the context: the build fails with "error obtaining VCS status"; use -buildvcs=false and stamp the version with -ldflags "-X main.version=..."`,
          range: vcs.range ?? inv.range,
          severity: "warning",
        });
      }
      const checkOnly = inv.subcommand === "build" && !inv.flags.some((f) => f.name === "o") && inv.packages.some((p) => (p.literal ?? p.raw).endsWith("..."));
      if (checkOnly) continue;
      if (goFlag(model, inv, "trimpath") && goFlag(model, inv, "trimpath")?.value !== "false") continue;
      const img = stageImage(model, inv.stage);
      const minor = img.base.goToolchain && !img.partial && img.base.goVersion ? goMinor(img.base.goVersion) : null;
      if (minor && compareGoVersions(minor, "1.13") < 0) continue; // -trimpath came with Go 1.13
      report({
        message: `\`go ${inv.subcommand}\` without -trimpath embeds build-machine paths in the binary (leaked in stack traces, and the binary changes with the checkout path): add -trimpath`,
        range: inv.subcommandRange,
      });
    }
  },
);
