/**
 * GS405: sudo in a RUN (hadolint DL3004). A build step already runs as root
 * unless a USER says otherwise, and then `USER root` for the step is the
 * honest form; sudo adds a setuid binary and a sudoers policy to the image
 * and, without a tty or password, often just fails.
 * Leaves out sudo inside scripts and `sh -c "..."` strings.
 */
import { defineRule } from "../rule.js";
import { runScripts } from "../facts/go-run-scripts.js";
import { commandIndex, WRAPPERS } from "../facts/shell-facts.js";

const NOT_SUDO: ReadonlySet<string> = new Set([...WRAPPERS].filter((w) => w !== "sudo"));

export default defineRule(
  {
    id: "GS405",
    title: "sudo in RUN",
    severity: "warning",
    category: "security",
    hadolint: ["DL3004"],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const run of stage.stage.commands) {
        if (run.kind !== "RUN") continue;
        for (const s of runScripts(model, run)) {
          for (const call of s.calls) {
            const words = call.args;
            // sudo behind env/time/nice
            const i = commandIndex(words, NOT_SUDO);
            const w = words[i];
            if (!w || w.literal === null || !/^(.*\/)?sudo$/.test(w.literal)) continue;
            report({
              message: "RUN uses sudo: build steps run as root unless a USER says otherwise, and sudo puts a setuid binary and a sudoers policy in the image; drop sudo, or wrap the step in `USER root` ... `USER <app user>`",
              range: s.range(w.start, w.end),
            });
          }
        }
      }
    }
  },
);
