/**
 * GS301: a failing command's exit code is masked with `|| true`, `|| :`,
 * `|| echo ...`, `|| exit 0`: the build goes green while `go mod download`
 * or `go build` failed, and the error surfaces later as a missing module.
 */
import type { Command } from "../../shell/ast.js";
import { defineRule } from "../rule.js";
import { canFail, isMasking } from "../facts/shell-facts.js";

export default defineRule(
  {
    id: "GS301",
    title: "failure masked with || true / || echo",
    severity: "error",
    category: "masked-failure",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const run of stage.stage.commands) {
        if (run.kind !== "RUN") continue;
        const script = model.script(run);
        if (!script) continue;
        const visit = (c: Command | null): void => {
          if (!c) return;
          if (c.type === "binary") {
            if (c.op === "||" && isMasking(c.right) && canFail(c.left)) {
              const masked = script.source.slice(c.left.start, c.left.end).trim();
              const op = script.source.indexOf("||", c.left.end);
              report({
                message: `the exit code of \`${short(masked)}\` is masked by \`${script.source.slice(c.right.start, c.right.end).trim()}\`: the build succeeds even when it fails`,
                range: model.locate(run).range(op, c.right.end),
              });
            }
            visit(c.left);
            visit(c.right);
          } else if (c.type === "compound") for (const s of c.body) visit(s.command);
        };
        for (const s of script.statements) visit(s.command);
      }
    }
  },
);

function short(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 60 ? one.slice(0, 57) + "..." : one;
}
