/**
 * GS303: `set +e` (or `set +o errexit`) in a RUN: exit-on-error is turned
 * off, so the commands after it may fail while the step still succeeds.
 * Quiet when the script reads `$?` after it (`rc=$?`, `[ $? -ne 0 ]`: the
 * status is handled on purpose), and when errexit comes back on and only
 * commands whose status is an answer (grep, test, diff) ran in between.
 * Leaves out `set +e` inside `sh -c "..."` strings and called scripts.
 */
import { simpleCommands, type Script } from "../../shell/ast.js";
import { defineRule } from "../rule.js";
import { setChanges, type OptionChange } from "../facts/shell-options.js";
import { runScripts } from "../facts/go-run-scripts.js";
import { answersWithStatus } from "../facts/shell-facts.js";

export default defineRule(
  {
    id: "GS303",
    title: "set +e turns off exit-on-error",
    severity: "warning",
    category: "masked-failure",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const run of stage.stage.commands) {
        if (run.kind !== "RUN") continue;
        for (const s of runScripts(model, run)) {
          if (!s.script || s.source.startsWith("#!") && !/\b(ba|a|da|k|z)?sh\b/.test(s.source.split("\n", 1)[0]!)) continue;
          const changes = simpleCommands(s.script).flatMap(setChanges).filter((c) => c.option === "errexit");
          for (const [i, c] of changes.entries()) {
            if (c.on) continue;
            if (statusChecked(s.script, c, changes.slice(i + 1).find((n) => n.on))) continue;
            const written = s.source.slice(c.start, c.end);
            report({
              message: `\`set ${written}\` turns off exit-on-error: a command that fails after it no longer fails the build; remove it and make expected failures explicit (\`if ! cmd; then ...; fi\`)`,
              range: s.range(c.call.start, c.end),
            });
          }
        }
      }
    }
  },
);

/**
 * True when the script handles failures itself after `off`: a later
 * assignment or non-echo command reads `$?`, or errexit is back on at `back`
 * and only commands whose status is an answer ran in between.
 */
function statusChecked(script: Script, off: OptionChange, back: OptionChange | undefined): boolean {
  const after = simpleCommands(script).filter((c) => c.start > off.end);
  const readsStatus = after.some((c) => {
    const name = c.args[0]?.literal;
    return c.assigns.some((a) => a.value.includes("$?")) || (name !== "echo" && name !== "printf" && c.args.some((w) => w.raw.includes("$?")));
  });
  if (readsStatus) return true;
  if (!back) return false;
  return after.filter((c) => c.start < back.call.start).every(answersWithStatus);
}
