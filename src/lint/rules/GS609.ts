/**
 * GS609: MAINTAINER is deprecated (BuildKit MaintainerDeprecated, hadolint
 * DL4000). Safe fix: the OCI label `LABEL org.opencontainers.image.authors="..."`
 * with the same text (quotes, backslashes and `$` escaped, since LABEL
 * expands variables and MAINTAINER does not). Only single-line MAINTAINERs
 * are rewritten.
 */
import { defineRule } from "../rule.js";
import { caseLike, replaceRange } from "../facts/stage-edits.js";

export default defineRule(
  {
    id: "GS609",
    title: "deprecated MAINTAINER",
    severity: "warning",
    category: "semantics",
    hadolint: ["DL4000"],
    buildkit: ["MaintainerDeprecated"],
    fixable: true,
  },
  ({ model, report }) => {
    for (const c of model.dockerfile.instructions) {
      if (c.kind !== "MAINTAINER") continue;
      const value = c.maintainer;
      const escaped = model.dockerfile.escapeToken === "\\" ? value.replace(/[\\"$]/g, (ch) => `\\${ch}`) : /["$`\\]/.test(value) ? null : value;
      const label = `${caseLike("LABEL", c.keyword)} org.opencontainers.image.authors="${escaped}"`;
      const r = { start: c.node.keywordRange.start, end: c.node.argsRange.end };
      report({
        message: `MAINTAINER is deprecated: write ${escaped !== null ? label : 'LABEL org.opencontainers.image.authors="..."'}`,
        range: c.node.keywordRange,
        ...(escaped !== null && c.startLine === c.endLine && r.start.line === r.end.line
          ? { fix: { description: "replace MAINTAINER with the org.opencontainers.image.authors label", safety: "safe" as const, edits: [replaceRange(r, label)] } }
          : {}),
      });
    }
  },
);
