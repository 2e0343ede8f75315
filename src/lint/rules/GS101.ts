/**
 * GS101: the final image is a Go toolchain image (golang:*, or a stage built
 * on one) and copies nothing from an earlier build stage: the image ships
 * the compiler, the module cache and the sources (~800 MB) to run one binary.
 * Not for a dev box (CMD `tail -f /dev/null` or `sleep infinity`: a
 * container people exec into to run go themselves, see facts/image-role.ts).
 */
import { defineRule } from "../rule.js";
import { imageRole } from "../facts/image-role.js";
import { stageImage } from "../facts/go-images.js";
import { chainInvocations } from "../facts/go-invocations.js";

/** Go calls that mean the image compiles its own program (a tool image that runs `go` for its users is fine). */
const BUILDS = new Set(["build", "install", "run", "get", "mod download"]);

export default defineRule(
  {
    id: "GS101",
    title: "single-stage go image ships the toolchain",
    severity: "warning",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const final = model.final;
    if (!final || final.copiesFrom.length > 0) return;
    const img = stageImage(model, final);
    if (!img.base.goToolchain) return;
    const builds = chainInvocations(model, final).some((g) => BUILDS.has(g.subcommand));
    const runsGoRun = final.stage.commands.some((c) => (c.kind === "CMD" || c.kind === "ENTRYPOINT") && /(^|[\s"'\/])go\s+run\b/.test((c.cmdLine ?? []).join(" ")));
    if (!builds && !runsGoRun) return;
    if (imageRole(model, final) === "dev-box") return;
    const from = final.stage.from;
    const name = img.partial ? final.baseText : (img.ref?.familiar ?? final.baseText) + (img.ref?.tag ? `:${img.ref.tag}` : "");
    const via = final.parent !== null ? ` (through stage ${final.stage.baseName})` : "";
    report({
      message: `the final image is based on ${name}${via}, a Go toolchain image: it ships the compiler and sources (~800 MB) to run one binary; build in a \`FROM ${name} AS build\` stage and \`COPY --from=build\` the binary into scratch or gcr.io/distroless/static`,
      range: from.node.args[0]?.range ?? from.range,
    });
  },
);
