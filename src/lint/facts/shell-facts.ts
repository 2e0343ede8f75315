/**
 * What GS3xx rules need to know about shell commands: which ones are checks
 * meant to fail quietly (`[ -f x ]`, `command -v`, `grep -q`, `rm -f`), which
 * never fail in practice (`echo`, `printf`, `true`), which right-hand sides
 * of `||` only swallow the failure, and whether a command's exit status can
 * report a real failure under sh's rules for `&&`, `||` and pipes (the
 * status of a pipe is its last command's unless pipefail is on).
 * Leaves out commands hidden in `$(...)`, `sh -c "..."` strings and scripts.
 */
import { simpleCommands, type Command, type SimpleCommand, type Word } from "../../shell/ast.js";

/** Commands whose failure is an answer, not an error. */
const CHECKS = new Set(["test", "[", "[[", "which", "type", "hash", "getent", "id", "false", "true", ":", "cmp", "diff"]);

/** Commands that succeed unless the machine is broken (a closed stdout at worst). */
const NEVER_FAIL = new Set(["echo", "printf", "true", ":", "yes"]);

function isCheck(c: SimpleCommand): boolean {
  const [name, ...rest] = c.args.map((w) => w.literal);
  if (name === undefined) return true; // bare assignment
  if (name === null) return false;
  if (CHECKS.has(name)) return true;
  if (name === "command" && rest[0] === "-v") return true;
  if ((name === "grep" || name === "egrep" || name === "fgrep") && rest.some((a) => a !== null && /^-[a-zA-Z]*q/.test(a))) return true;
  if ((name === "rm" || name === "mkdir" || name === "ln") && rest.some((a) => a !== null && /^-[a-zA-Z]*[fp]/.test(a))) return true;
  if (name === "pgrep" || name === "pidof" || name === "ls" && rest.length > 0) return true;
  return false;
}

/** Commands whose non-zero status is an answer: checks, and grep/diff/cmp in any form (1 = no match / differ). */
export function answersWithStatus(c: SimpleCommand): boolean {
  const name = c.args[0]?.literal;
  return isCheck(c) || name === "grep" || name === "egrep" || name === "fgrep";
}

/** True when some simple command in `c` can fail with a real error. */
export function canFail(c: Command): boolean {
  if (c.type === "call") return !isCheck(c);
  const calls = simpleCommandsOf(c);
  return calls.some((x) => !isCheck(x));
}

/** True when every simple command in `c` is one that never fails (`echo`, `printf`, `true`, `:`, `yes`). */
export function neverFails(c: Command): boolean {
  const calls = simpleCommandsOf(c);
  return calls.length > 0 && calls.every((x) => {
    const name = x.args[0]?.literal;
    return name === undefined || name !== null && NEVER_FAIL.has(name);
  });
}

/**
 * True when the exit status of `c` can be non-zero because a command that is
 * not a check failed: `a && b` if either can, `a || b` if `b` can, a pipe if
 * its last command can (any, with pipefail), a subshell or block if its last
 * statement can, other compounds (if/for/while/case) if any command inside can.
 */
export function statusCanFail(c: Command | null, pipefail = false): boolean {
  if (!c) return false;
  switch (c.type) {
    case "call": {
      const name = c.args[0]?.literal;
      // `exit 1` ends the script on purpose; it is not a failure to mask
      if (name === "exit" || name === "return") return false;
      return !isCheck(c) && !neverFails(c);
    }
    case "binary":
      if (c.op === "&&") return statusCanFail(c.left, pipefail) || statusCanFail(c.right, pipefail);
      if (c.op === "||") return statusCanFail(c.right, pipefail);
      return statusCanFail(c.right, pipefail) || (pipefail && statusCanFail(c.left, pipefail));
    case "compound":
      if (c.kind === "Subshell" || c.kind === "Block") {
        const last = c.body[c.body.length - 1];
        return last !== undefined && !last.negated && statusCanFail(last.command, pipefail);
      }
      return canFail(c);
  }
}

/** True when `c` only swallows a failure: true, :, echo/printf, exit 0, or a list of those. */
export function isMasking(c: Command): boolean {
  const calls = simpleCommandsOf(c);
  if (calls.length === 0) return false;
  return calls.every((x) => {
    const [name, arg] = x.args.map((w) => w.literal);
    if (name === "true" || name === ":") return true;
    if (name === "echo" || name === "printf") return true;
    // a bare `exit` keeps the failing status, so only `exit 0` masks
    if (name === "exit" || name === "return") return arg === "0";
    return false;
  });
}

/** True when `c` is exactly one of `true`, `:`, `exit 0` (a statement that forces success). */
export function forcesSuccess(c: Command | null): boolean {
  if (!c || c.type !== "call" || c.assigns.length > 0) return false;
  const [name, arg, more] = c.args.map((w) => w.literal);
  if ((name === "true" || name === ":") && arg === undefined) return true;
  return (name === "exit" || name === "return") && arg === "0" && more === undefined;
}

/** The simple commands of one command, depth first. */
export function simpleCommandsOf(c: Command): SimpleCommand[] {
  return simpleCommands({ source: "", statements: [{ command: c, negated: false, background: false, redirects: [], start: c.start, end: c.end }] });
}

/** Shorthand of a command's text for messages: whitespace folded, at most 60 characters. */
export function shortText(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 60 ? one.slice(0, 57) + "..." : one;
}

/** Commands that run their arguments as another command. */
export const WRAPPERS: ReadonlySet<string> = new Set(["sudo", "env", "time", "nice", "nohup", "exec"]);

/**
 * Index of the word naming the command a call really runs, after wrappers
 * (`sudo -E`, `env K=V`, `time`, `nice -n 5`...) from `through` and their
 * options; `args.length` when nothing is left.
 */
export function commandIndex(args: readonly Word[], through: ReadonlySet<string> = WRAPPERS): number {
  let i = 0;
  while (i < args.length) {
    const name = args[i]!.literal;
    const wrapper = name === null ? null : baseName(name);
    if (wrapper === null || !through.has(wrapper)) return i;
    i++;
    while (i < args.length) {
      const a = args[i]!.literal;
      if (a === null) break;
      if (wrapper === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) i++;
      else if (a.startsWith("-")) i += (wrapper === "sudo" && /^-[ugCDhprRT]$/.test(a)) || (wrapper === "nice" && a === "-n") ? 2 : 1;
      else break;
    }
  }
  return i;
}

/** The last path element of a command name (`/usr/bin/sudo` → `sudo`). */
export function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
