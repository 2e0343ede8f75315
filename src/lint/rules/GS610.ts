/**
 * GS610: `cd dir && ...` at the start of a RUN (hadolint DL3003): WORKDIR
 * says where the following commands run, is visible in the image config and
 * creates the folder. Reported only when `cd` is the first command of an &&
 * chain at the top level of a shell-form RUN (not in subshells or later in
 * a chain, where a temporary directory change is deliberate).
 */
import type { Command, SimpleCommand } from "../../shell/ast.js";
import { defineRule } from "../rule.js";

export default defineRule(
  {
    id: "GS610",
    title: "cd in RUN instead of WORKDIR",
    severity: "info",
    category: "semantics",
    hadolint: ["DL3003"],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const s of model.stages) {
      for (const run of s.stage.commands) {
        if (run.kind !== "RUN") continue;
        const script = model.script(run);
        if (!script) continue;
        for (const st of script.statements) {
          const cd = leadingCd(st.command);
          if (!cd) continue;
          const dir = cd.args[1]!.raw;
          report({
            message: `\`cd ${dir}\` starts the RUN: use \`WORKDIR ${dir}\` before it instead (hadolint DL3003)`,
            range: model.locate(run).range(cd.start, cd.end),
          });
        }
      }
    }
  },
);

/** The `cd <dir>` that starts an && chain, if any. */
function leadingCd(c: Command | null): SimpleCommand | null {
  let viaAnd = false;
  while (c && c.type === "binary" && (c.op === "&&" || c.op === "||")) {
    viaAnd = c.op === "&&" && c.left.type === "call";
    c = c.left;
  }
  if (!c || c.type !== "call" || !viaAnd) return null;
  const [name, dir] = c.args;
  if (name?.literal !== "cd" || !dir || c.args.length !== 2 || dir.raw === "-") return null;
  return c;
}
