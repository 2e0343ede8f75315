/**
 * GS501: the whole build context is copied (`COPY . dest`, `ADD . dest`)
 * and there is no .dockerignore (nor <Dockerfile>.dockerignore): .git,
 * local binaries, editor files and secrets go into the image, and every
 * unrelated edit busts the layer cache. Needs the project (build context);
 * quiet on stdin.
 */
import { defineRule } from "../rule.js";
import { contextSources } from "../facts/context-copies.js";

export default defineRule(
  {
    id: "GS501",
    title: "whole context copied without a .dockerignore",
    severity: "warning",
    category: "context",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const p = model.project;
    if (p.contextDir === null || p.ignore !== null) return;
    for (const s of contextSources(model)) {
      if (!s.wholeContext || s.dynamic) continue;
      report({
        message: `${s.instruction.keyword.toUpperCase()} ${s.raw} copies the whole build context, and there is no .dockerignore: .git, build output and local secrets end up in the image; add a .dockerignore (\`goship generate\` writes one) or copy only what the build needs`,
        range: s.range ?? s.instruction.node.keywordRange,
      });
    }
  },
);
