/**
 * GS608: a relative WORKDIR before any absolute one in the stage (BuildKit
 * WorkdirRelativePath, hadolint DL3000): it resolves against the base
 * image's working directory, which changes when the base image does. As in
 * BuildKit only the first WORKDIR of a stage (or of its parent stages)
 * counts; WORKDIRs starting with a variable are not checked.
 */
import { defineRule } from "../rule.js";

export default defineRule(
  {
    id: "GS608",
    title: "relative WORKDIR",
    severity: "warning",
    category: "semantics",
    hadolint: ["DL3000"],
    buildkit: ["WorkdirRelativePath"],
    fixable: false,
  },
  ({ model, report }) => {
    const set: boolean[] = [];
    for (const s of model.stages) {
      let workdirSet = s.parent !== null ? set[s.parent]! : false;
      for (const c of s.stage.commands) {
        if (c.kind !== "WORKDIR") continue;
        const p = c.path.replace(/^["']|["']$/g, "");
        if (!workdirSet && !/^[/\\$]/.test(p) && !/^[A-Za-z]:/.test(p)) {
          report({
            message: `relative WORKDIR "${p}" depends on the base image's working directory: use an absolute path (e.g. WORKDIR /${p.replace(/^\.\/?/, "")})`,
            range: c.node.argsRange,
          });
        }
        workdirSet = true;
      }
      set.push(workdirSet);
    }
  },
);
