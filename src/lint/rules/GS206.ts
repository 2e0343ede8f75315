/**
 * GS206: `ADD https://...` without `--checksum=sha256:...`: whatever the
 * server returns goes into the image unverified. Git URLs are left alone
 * (a commit is pinned with a `#ref`). Maps DL3020 in part (hadolint also
 * prefers curl there).
 */
import { defineRule } from "../rule.js";

export default defineRule(
  {
    id: "GS206",
    title: "add of a url without checksum",
    severity: "warning",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if (ins.kind !== "ADD" || ins.checksum) continue;
        for (const src of ins.sources) {
          if (!/^https?:\/\//i.test(src)) continue;
          if (/\.git(#.*)?$/.test(src) || /^https?:\/\/[^/]+\/[^/]+\/[^/]+\.git/.test(src)) continue;
          report({
            message: `\`ADD ${src}\` downloads without verification: add --checksum=sha256:<digest> so a changed or tampered file fails the build`,
            range: ins.range,
          });
        }
      }
    }
  },
);
