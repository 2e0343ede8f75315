/**
 * GS605: CMD or ENTRYPOINT in shell form (BuildKit JSONArgsRecommended,
 * hadolint DL3025). The process runs under `/bin/sh -c`, so PID 1 is the
 * shell: SIGTERM never reaches the Go binary and `docker stop` kills it
 * after the grace period; in scratch/distroless images there is no
 * /bin/sh and the container does not start at all. As in BuildKit, not
 * reported when a SHELL instruction is in effect for the stage, nor for a
 * keep-alive command (`CMD tail -f /dev/null`, `sleep infinity`) of a dev
 * box: a sleeper as PID 1 ignores SIGTERM in either form.
 * Fix: rewrite to a JSON array when the command is plain words (no quotes,
 * variables, globs, operators, assignments or shell builtins). The fix is
 * safe for CMD when no ENTRYPOINT can receive it as arguments (none in the
 * stage chain, base image known to have none) and for ENTRYPOINT when no
 * CMD in the stage (or a stage built on it) would become its arguments;
 * otherwise it is offered as a suggestion.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import type { StageModel } from "../model/model.js";
import { defineRule } from "../rule.js";
import { replaceRange, singleLine } from "../facts/stage-edits.js";
import { isKeepAlive } from "../facts/image-role.js";

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
const BUILTINS = new Set(["exec", "cd", "set", "export", "source", ".", "eval", "exit", "ulimit", "umask", "trap", "wait", "if", "for", "while", "until", "case", "time", "command", "unset", "alias", "read"]);
/** Base families whose images set no ENTRYPOINT. */
const NO_ENTRYPOINT = new Set(["golang", "alpine", "debian", "ubuntu", "busybox", "scratch", "distroless-static", "distroless-base", "rhel"]);

export default defineRule(
  {
    id: "GS605",
    title: "CMD or ENTRYPOINT in shell form",
    severity: "warning",
    category: "semantics",
    hadolint: ["DL3025"],
    buildkit: ["JSONArgsRecommended"],
    fixable: true,
  },
  ({ model, report }) => {
    const chain = (s: StageModel): StageModel[] => (s.parent === null ? [s] : [...chain(model.stages[s.parent]!), s]);
    for (const s of model.stages) {
      const ancestors = chain(s).slice(0, -1);
      let shellSet = ancestors.some((a) => a.stage.commands.some((c) => c.kind === "SHELL"));
      for (const c of s.stage.commands) {
        if (c.kind === "SHELL") shellSet = true;
        if ((c.kind !== "CMD" && c.kind !== "ENTRYPOINT") || !c.shell || shellSet) continue;
        if (isKeepAlive(c)) continue;
        const noShell = !s.base.shell && !s.dynamic && s.base.family !== "unknown";
        const why = noShell
          ? "the base image has no /bin/sh, so the container cannot start"
          : "the process runs under /bin/sh -c and never receives SIGTERM, so `docker stop` kills it after the timeout";
        const words = plainWords(c);
        const fix =
          words && singleLine(c.node.argsRange)
            ? {
                description: `rewrite ${c.kind} as a JSON array`,
                safety: safeRewrite(c, s, ancestors, model.stages) ? ("safe" as const) : ("suggestion" as const),
                edits: [replaceRange(c.node.argsRange, `[${words.map((w) => JSON.stringify(w)).join(", ")}]`)],
              }
            : undefined;
        report({
          message: `${c.kind} in shell form: ${why}; use the JSON form ${c.kind} [${(words ?? ["...", "..."]).map((w) => JSON.stringify(w)).join(", ")}]`,
          range: c.node.keywordRange,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
);

/** The command's words when it is nothing but plain words; null otherwise. */
function plainWords(c: Instruction & { command?: string; heredocs: readonly unknown[] }): string[] | null {
  if (c.heredocs.length > 0 || c.command === undefined) return null;
  const words = c.command.trim().split(/[ \t]+/);
  if (words.length === 0 || words[0] === "") return null;
  if (!words.every((w) => PLAIN.test(w))) return null;
  if (words[0]!.includes("=") || BUILTINS.has(words[0]!)) return null;
  return words;
}

function safeRewrite(c: Instruction, s: StageModel, ancestors: readonly StageModel[], stages: readonly StageModel[]): boolean {
  const stagesInChain = [...ancestors, s];
  if (c.kind === "CMD") {
    if (stagesInChain.some((x) => x.stage.commands.some((i) => i.kind === "ENTRYPOINT"))) return false;
    return !s.dynamic && NO_ENTRYPOINT.has(s.base.family) && !(s.base.family.startsWith("distroless") && s.base.shell);
  }
  if (s.stage.commands.some((i) => i.kind === "CMD")) return false;
  return !stages.some((x) => x.index > s.index && x.parent === s.index);
}
