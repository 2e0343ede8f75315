/**
 * GS608: a relative WORKDIR before any absolute one in the stage (BuildKit
 * WorkdirRelativePath, hadolint DL3000): it resolves against the base
 * image's working directory, which changes when the base image does. As in
 * BuildKit only the first WORKDIR of a stage (or of its parent stages)
 * counts. Differs on purpose: a WORKDIR whose first character depends on
 * a variable (`$GOPATH/src`, `${X:+y}/x`) is not checked, since its value
 * depends on build args or the base image (BuildKit judges the value it has
 * without --build-arg);
 * a drive path (`C:\app`) counts as absolute whatever the target
 * platform (BuildKit judges it by the target OS, Linux unless told). The
 * path is judged after quotes and escapes are processed, as BuildKit does.
 */
import { defineRule } from "../rule.js";
import { staticStart } from "../facts/var-scope.js";

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
        const v = staticStart(c.path, model.dockerfile.escapeToken);
        if (!workdirSet && v !== null && !v.startsWith("/") && !/^[A-Za-z]:/.test(v)) {
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
