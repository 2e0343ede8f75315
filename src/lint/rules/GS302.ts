/**
 * GS302: a pipe in a RUN without pipefail (hadolint DL4006). `curl -fsSL url
 * | tar xz` succeeds when curl fails, because sh takes the pipe's status
 * from its last command; the build goes on without the download. Quiet when
 * `set -o pipefail` came earlier in the script, when the SHELL in effect
 * has `-o pipefail`, when the SHELL is not a POSIX shell, for pipes fed
 * only by commands that cannot fail (`echo`, `printf`) and filters of their
 * output (`echo "$K" | base64 -d | gpg --import`), and for pipes ending in
 * grep (empty input fails grep already, and pipefail would turn grep -q's
 * early exit into SIGPIPE failures). One finding per RUN, at its first
 * unprotected pipe.
 * Fix (safe) only where bash is known to exist (golang non-alpine, debian,
 * ubuntu bases) and the SHELL in effect is the default or bash: insert
 * `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the stage's first such
 * RUN. Other bases get no fix (busybox/dash pipefail support varies).
 */
import type { Fix } from "../../finding/finding.js";
import type { Command } from "../../shell/ast.js";
import type { RunInstruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";
import { defineRule } from "../rule.js";
import { neverFails, shortText } from "../facts/shell-facts.js";
import { optionsAt, shellAt } from "../facts/shell-options.js";
import { runScripts } from "../facts/go-run-scripts.js";

const PIPEFAIL_SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

interface Pipe {
  /** Offset of the `|` operator after the command whose failure is lost. */
  readonly op: number;
  readonly left: Command;
}

/** Commands that only transform their standard input: fed by `echo`, they cannot fail in a way worth a build failure. */
const FILTERS = new Set(["awk", "gawk", "sed", "tr", "cut", "sort", "uniq", "head", "tail", "base64", "wc", "tee", "rev", "fold", "paste", "column", "xxd", "od"]);
/** A pipe ending in grep fails on empty input already; with pipefail, `grep -q` would add SIGPIPE failures. */
const GREPS = new Set(["grep", "egrep", "fgrep"]);

export default defineRule(
  {
    id: "GS302",
    title: "pipe without pipefail",
    severity: "warning",
    category: "masked-failure",
    hadolint: ["DL4006"],
    buildkit: [],
    fixable: true,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      let fix: Fix | null | undefined;
      for (const run of stage.stage.commands) {
        if (run.kind === "SHELL") fix = undefined;
        if (run.kind !== "RUN" || !run.shell) continue;
        const shell = shellAt(model, stage, run);
        if (!shell.posix) continue;
        for (const s of runScripts(model, run)) {
          // a heredoc with a shebang runs its own interpreter, not the SHELL
          if (!s.script || s.source.startsWith("#!")) continue;
          const pipe = pipes(s.source, s.script.statements.map((x) => x.command)).find((p) => !optionsAt(s.script!, p.op, shell.options).pipefail);
          if (!pipe) continue;
          if (fix === undefined) fix = stageFix(model, stage, run, shell.bash || shell.instruction === null);
          const left = shortText(s.source.slice(pipe.left.start, pipe.left.end));
          report({
            message: `the RUN's status is that of the last command in the pipe, so a failing \`${left}\` goes unnoticed: ${
              fix ? `add \`${PIPEFAIL_SHELL}\` before this RUN` : "start the script with `set -o pipefail &&` (or set a SHELL with -o pipefail)"
            }`,
            range: s.range(pipe.op, pipe.op + 1),
            ...(fix ? { fix } : {}),
          });
          break;
        }
      }
    }
  },
);

/**
 * For each pipeline `c0 | c1 | ... | cn` in source order, the first `|`
 * after a command whose failure the pipe loses: c0 unless it never fails, a
 * later ci unless it never fails or is a filter of its input. Pipelines
 * ending in grep are left out.
 */
function pipes(source: string, commands: readonly (Command | null)[]): Pipe[] {
  const out: Pipe[] = [];
  const visit = (c: Command | null): void => {
    if (!c) return;
    if (c.type === "binary" && (c.op === "|" || c.op === "|&")) {
      const parts = flatten(c);
      const last = parts[parts.length - 1]!;
      const lossy = parts.slice(0, -1).findIndex((p, i) => !neverFails(p) && !(i > 0 && isFilter(p)));
      if (lossy >= 0 && !(last.type === "call" && GREPS.has(last.args[0]?.literal ?? ""))) {
        out.push({ op: source.indexOf("|", parts[lossy]!.end), left: parts[lossy]! });
      }
      for (const p of parts) if (p.type !== "call") visit(p);
    } else if (c.type === "binary") {
      visit(c.left);
      visit(c.right);
    } else if (c.type === "compound") for (const s of c.body) visit(s.command);
  };
  for (const c of commands) visit(c);
  return out;
}

function flatten(c: Command): Command[] {
  return c.type === "binary" && (c.op === "|" || c.op === "|&") ? [...flatten(c.left), ...flatten(c.right)] : [c];
}

function isFilter(c: Command): boolean {
  return c.type === "call" && FILTERS.has(c.args[0]?.literal ?? "");
}

/** The SHELL insertion before `run` when the stage's base has bash; null otherwise. */
function stageFix(model: LintModel, stage: StageModel, run: RunInstruction, replaceable: boolean): Fix | null {
  const b = stage.base;
  const hasBash = (b.family === "golang" && b.libc === "glibc") || b.family === "debian" || b.family === "ubuntu";
  if (!hasBash || !replaceable) return null;
  // Insert above the comment lines attached to the RUN, so pragmas stay with it.
  let line = run.startLine;
  while (line > 1 && /^\s*#/.test(model.lines[line - 2] ?? "")) line--;
  const indent = /^\s*/.exec(model.lines[run.startLine - 1] ?? "")![0];
  return {
    description: `insert ${PIPEFAIL_SHELL} before line ${run.startLine}`,
    safety: "safe",
    edits: [{ line, column: 1, endLine: line, endColumn: 1, text: `${indent}${PIPEFAIL_SHELL}\n` }],
  };
}
