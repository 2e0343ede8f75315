/**
 * GS106: the golang image that runs the build is older than go.mod asks for
 * (its `go` line, or its `toolchain` line). Official golang images set
 * GOTOOLCHAIN=local, so the build stops with "go.mod requires go >= X";
 * with GOTOOLCHAIN=auto the go command downloads another toolchain in the
 * middle of the build (network, time, a toolchain the image did not pin).
 * `golang:1.22` (no patch) is compared on major.minor, as it floats to the
 * newest patch. Needs go.mod from the build context; quiet without it, and
 * for stages that build another module (a repository cloned in the RUN, or
 * remote packages) without bringing anything from the context.
 */
import { defineRule } from "../rule.js";
import { compareGoVersions } from "../model/base-image.js";
import { goMinor, rootStage, stageImage } from "../facts/go-images.js";
import { effectiveVar, goInvocations } from "../facts/go-invocations.js";
import type { StageModel } from "../model/model.js";
import { goModOf, worksOnContextModule } from "../facts/go-module.js";

export default defineRule(
  {
    id: "GS106",
    title: "go image older than go.mod requires",
    severity: "error",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const { mod: goMod, file } = goModOf(model);
    if (!goMod || !goMod.go) return;
    const required = goMod.go.version;
    const toolchain = goMod.toolchain ? goMod.toolchain.name.replace(/^go/, "").replace(/-.*$/, "") : null;
    const modFile = file ?? "go.mod";
    const done = new Set<StageModel>();
    for (const inv of goInvocations(model)) {
      if (!worksOnContextModule(model, inv)) continue;
      const root = rootStage(model, inv.stage);
      if (done.has(root)) continue;
      done.add(root);
      const img = stageImage(model, inv.stage);
      const have = img.base.goToolchain && !img.partial ? img.base.goVersion : null;
      if (!have) continue;
      const gotc = effectiveVar(model, inv, "GOTOOLCHAIN");
      const gotcValue = gotc ? gotc.value : "local"; // official golang images set GOTOOLCHAIN=local
      const pinned = gotcValue !== null && /^go\d/.test(gotcValue) ? gotcValue.replace(/^go/, "").replace(/\+.*$/, "") : null;
      const older = (want: string): boolean => {
        if (pinned && compareGoVersions(pinned, want) >= 0) return false;
        const exact = /^\d+\.\d+\.\d+/.test(have);
        if (exact) return compareGoVersions(have, want) < 0;
        const hm = goMinor(have);
        const wm = goMinor(want);
        return hm !== null && wm !== null && compareGoVersions(hm, wm) < 0;
      };
      const image = `${img.ref?.familiar ?? "golang"}:${img.ref?.tag ?? ""}`;
      const from = root.stage.from;
      const range = from.node.args[0]?.range ?? from.range;
      const local = gotcValue === "local" || (gotcValue ?? "").endsWith("+path");
      const preSwitch = compareGoVersions(goMinor(have) ?? have, "1.21") < 0;
      const effect = preSwitch
        ? `Go ${have} predates toolchain switching and compiles it with old language rules, failing on newer syntax and APIs`
        : local
          ? `with GOTOOLCHAIN=${gotcValue} the build fails with "go.mod requires go >= ${required}"`
          : "the go command will download a newer toolchain during the build";
      if (older(required)) {
        report({
          message: `${image} runs Go ${have}, older than the \`go ${required}\` line of ${modFile}: ${effect}; use golang:${required} or newer`,
          range,
        });
      } else if (toolchain && older(toolchain)) {
        report({
          message: `${image} runs Go ${have}, older than the \`toolchain go${toolchain}\` line of ${modFile}: ${preSwitch ? `Go ${have} ignores the line` : local ? `with GOTOOLCHAIN=${gotcValue} the build uses Go ${have} instead` : "the go command will download that toolchain during the build"}; use golang:${toolchain} or newer`,
          range,
          severity: "warning",
        });
      }
    }
  },
);
