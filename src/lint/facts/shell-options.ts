/**
 * The shell options a RUN script runs with (GS302 pipefail, GS303/GS304
 * errexit): the SHELL instruction in effect (BuildKit keeps SHELL in the
 * image config, so `FROM <stage>` inherits it; the default is
 * ["/bin/sh", "-c"]), the options its arguments turn on (`-e`,
 * `-o pipefail`, `-euxo pipefail`), and `set -e` / `set -o pipefail` /
 * `set +e` / `set +o pipefail` commands earlier in the same script.
 * Leaves out: option changes in `$(...)`, in subshells that end before the
 * point asked about (treated as if they carried on), `shopt`, and
 * SHELLS whose options come from rc files or environment (BASH_ENV).
 */
import type { Instruction, ShellInstruction } from "../../dockerfile/instructions/types.js";
import { simpleCommands, type Script, type SimpleCommand } from "../../shell/ast.js";
import type { LintModel, StageModel } from "../model/model.js";

export interface ShellOptions {
  readonly errexit: boolean;
  readonly pipefail: boolean;
}

export interface ShellInEffect {
  /** The SHELL arguments (["/bin/sh", "-c"] when no SHELL instruction applies). */
  readonly args: readonly string[];
  /** The SHELL instruction that set them; null for the default. */
  readonly instruction: ShellInstruction | null;
  /** True for sh/bash/ash/dash/zsh/ksh (not PowerShell or cmd). */
  readonly posix: boolean;
  /** True for bash. */
  readonly bash: boolean;
  readonly options: ShellOptions;
}

export const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];
const POSIX = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]);

/** The SHELL in effect for an instruction of `stage` (its own earlier SHELLs, else the parent stage's last). */
export function shellAt(model: LintModel, stage: StageModel, ins: Instruction): ShellInEffect {
  const seen = new Set<number>();
  let s: StageModel | undefined = stage;
  let before = ins.startLine;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    let found: ShellInstruction | null = null;
    for (const c of s.stage.commands) if (c.kind === "SHELL" && c.startLine < before) found = c;
    if (found) return describeShell(found.args, found);
    s = s.parent !== null ? model.stages[s.parent] : undefined;
    before = Number.MAX_SAFE_INTEGER;
  }
  return describeShell(DEFAULT_SHELL, null);
}

export function describeShell(args: readonly string[], instruction: ShellInstruction | null): ShellInEffect {
  const exe = (args[0] ?? "").split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, "");
  let errexit = false;
  let pipefail = false;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const m = /^([-+])([a-zA-Z]+)$/.exec(a);
    if (!m) continue;
    const on = m[1] === "-";
    for (const ch of m[2]!) {
      if (ch === "e") errexit = on;
      else if (ch === "o") {
        const name = args[i + 1];
        if (name === "pipefail") pipefail = on;
        if (name === "errexit") errexit = on;
      }
    }
  }
  return { args, instruction, posix: POSIX.has(exe), bash: exe === "bash", options: { errexit, pipefail } };
}

export interface OptionChange {
  readonly option: keyof ShellOptions;
  readonly on: boolean;
  readonly call: SimpleCommand;
  /** Offset in the script of the word that makes the change. */
  readonly start: number;
  readonly end: number;
}

/** The option changes a `set` command makes (`set -e`, `set -euo pipefail`, `set +e`, `set -o errexit`). */
export function setChanges(call: SimpleCommand): OptionChange[] {
  if (call.args[0]?.literal !== "set") return [];
  const out: OptionChange[] = [];
  const words = call.args.slice(1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const a = w.literal;
    if (a === null) continue;
    if (a === "--" || a === "-") break;
    const m = /^([-+])([a-zA-Z]+)$/.exec(a);
    if (!m) break; // positional parameters follow
    const on = m[1] === "-";
    for (const ch of m[2]!) {
      if (ch === "e") out.push({ option: "errexit", on, call, start: w.start, end: w.end });
      else if (ch === "o") {
        const next = words[i + 1];
        if (next?.literal === "pipefail" || next?.literal === "errexit") {
          out.push({ option: next.literal === "pipefail" ? "pipefail" : "errexit", on, call, start: w.start, end: next.end });
        }
      }
    }
    if (/o/.test(m[2]!)) i++; // the option name
  }
  return out;
}

/** The options in force at `offset` of `script`, starting from `initial` (the SHELL's). */
export function optionsAt(script: Script, offset: number, initial: ShellOptions): ShellOptions {
  let errexit = initial.errexit;
  let pipefail = initial.pipefail;
  for (const call of simpleCommands(script)) {
    if (call.start >= offset) break;
    for (const ch of setChanges(call)) {
      if (ch.option === "errexit") errexit = ch.on;
      else pipefail = ch.on;
    }
  }
  return { errexit, pipefail };
}
