/**
 * GS205: a base image with `:latest` or no tag at all: the build changes
 * whenever someone pushes a new image, and a Go build jumps Go versions
 * silently. Not for scratch, earlier stages, or images whose name still
 * holds a build arg after expansion (an ARG default with a tag is fine).
 * Fix (safe): `golang` without a tag becomes `golang:<major.minor>` of
 * go.mod's `go` line; other images get no fix (no tag can be derived).
 */
import { defineRule } from "../rule.js";
import { imageBaseName } from "../../oci/reference.js";
import { goMinor } from "../facts/go-images.js";
import { goModOf } from "../facts/go-module.js";

export default defineRule(
  {
    id: "GS205",
    title: "base image with latest or no tag",
    severity: "warning",
    category: "supply-chain",
    hadolint: ["DL3006", "DL3007"],
    buildkit: [],
    fixable: true,
  },
  ({ model, report }) => {
    const goVersion = goModOf(model).mod?.go?.version ?? null;
    for (const stage of model.stages) {
      if (stage.parent !== null || stage.dynamic || !stage.ref || stage.base.family === "scratch") continue;
      const ref = stage.ref;
      if (ref.digest) continue;
      if (ref.tag !== null && ref.tag !== "latest") continue;
      const from = stage.stage.from;
      const word = from.node.args[0];
      const range = word?.range ?? from.range;
      const written = word?.value ?? stage.baseText;
      const shown = written === stage.baseText ? `\`${written}\`` : `\`${written}\` (= ${stage.baseText} from the ARG default)`;
      const what = ref.tag === "latest" ? `${shown} uses the :latest tag` : `${shown} has no tag (it means :latest)`;
      const minor = goVersion ? goMinor(goVersion) : null;
      const fixable = ref.tag === null && imageBaseName(ref) === "golang" && minor !== null && word?.range && !written.includes("$");
      const advice = imageBaseName(ref) === "golang" && minor ? `pin golang:${minor} (go.mod's go line)` : "pin a version tag (and a digest)";
      report({
        message: `${what}, so the build changes whenever a new image is pushed: ${advice}`,
        range,
        ...(fixable && word?.range
          ? {
              fix: {
                description: `pin ${written}:${minor}`,
                safety: "safe" as const,
                edits: [{ line: word.range.end.line, column: word.range.end.column, endLine: word.range.end.line, endColumn: word.range.end.column, text: `:${minor}` }],
              },
            }
          : {}),
      });
    }
  },
);
