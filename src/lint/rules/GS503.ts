/**
 * GS503: the build context ships files that do not belong in a build:
 * .git, .env files, *.local.* overrides, private keys, node_modules, build
 * output (bin/, dist/). They slow every build, bust caches, and with
 * `COPY . .` land in the image. One finding per kind, naming the
 * .dockerignore line that excludes it; at the line that copies the whole
 * context if there is one, else for the file. Needs the project; quiet on
 * stdin.
 */
import { defineRule } from "../rule.js";
import { wholeContextCopy } from "../facts/context-copies.js";
import { findJunk, JUNK_LABEL } from "../facts/context-junk.js";

export default defineRule(
  {
    id: "GS503",
    title: "build context ships junk or secrets",
    severity: "warning",
    category: "context",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const p = model.project;
    if (p.contextDir === null) return;
    const entries = p.contextFiles();
    if (!entries) return;
    const copy = wholeContextCopy(model);
    const file = p.ignore?.file ?? ".dockerignore";
    for (const j of findJunk(entries)) {
      const shown = j.examples.join(", ") + (j.count > j.examples.length ? ` and ${j.count - j.examples.length} more` : "");
      const into = copy ? ` and \`${copy.instruction.keyword.toUpperCase()} ${copy.raw}\` copies them into the image` : "";
      report({
        message: `the build context ships ${JUNK_LABEL[j.kind]} (${shown})${into}: add ${j.ignoreLines.map((l) => `\`${l}\``).join(" and ")} to ${file}`,
        ...(copy ? { range: copy.range ?? copy.instruction.node.keywordRange } : {}),
      });
    }
  },
);
