/**
 * GS304: `exit 0`, `true` or `:` as the last statement of a `;`/newline
 * sequence whose previous statement can fail: without errexit the script's
 * status is its last statement's, so `go build ./...; exit 0` is green when
 * the build failed. Looks at the top level of the script and inside
 * subshells and `{ }` blocks; quiet when errexit is on at that point (SHELL
 * with -e or an earlier `set -e`), and for `cmd || true` (GS301 reports it).
 * Leaves out if/for/while bodies and scripts run through `sh -c "..."`.
 */
import type { Command, Statement } from "../../shell/ast.js";
import { defineRule } from "../rule.js";
import { forcesSuccess, shortText, statusCanFail } from "../facts/shell-facts.js";
import { optionsAt, shellAt } from "../facts/shell-options.js";
import { runScripts } from "../facts/go-run-scripts.js";

export default defineRule(
  {
    id: "GS304",
    title: "exit 0 or true ends a failing sequence",
    severity: "error",
    category: "masked-failure",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const run of stage.stage.commands) {
        if (run.kind !== "RUN" || !run.shell) continue;
        const shell = shellAt(model, stage, run);
        if (!shell.posix) continue;
        for (const s of runScripts(model, run)) {
          const script = s.script;
          if (!script || s.source.startsWith("#!")) continue;
          const visit = (list: readonly Statement[]): void => {
            const last = list[list.length - 1];
            const prev = list[list.length - 2];
            if (last && prev && !prev.background && !last.negated && forcesSuccess(last.command)) {
              const opts = optionsAt(script, last.start, shell.options);
              if (!opts.errexit && !prev.negated && statusCanFail(prev.command, opts.pipefail)) {
                const forced = s.source.slice(last.start, last.end).trim();
                const failing = shortText(s.source.slice(prev.command!.start, prev.command!.end));
                report({
                  message: `\`${forced}\` after \`${failing}\` makes the RUN succeed even when that command fails: remove \`${forced}\` (or join the commands with && and let the failure stop the build)`,
                  range: s.range(last.start, last.end),
                });
              }
            }
            for (const st of list) {
              const c = st.command;
              if (c?.type === "compound" && (c.kind === "Subshell" || c.kind === "Block")) visit(c.body);
              else if (c?.type === "binary") visitBinary(c);
            }
          };
          const visitBinary = (c: Command): void => {
            if (c.type === "compound" && (c.kind === "Subshell" || c.kind === "Block")) visit(c.body);
            else if (c.type === "binary") {
              visitBinary(c.left);
              visitBinary(c.right);
            }
          };
          visit(script.statements);
        }
      }
    }
  },
);
