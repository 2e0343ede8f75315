/**
 * What GS3xx rules need to know about shell commands: which ones are checks
 * meant to fail quietly (`[ -f x ]`, `command -v`, `grep -q`, `rm -f`), and
 * which right-hand sides of `||` only swallow the failure.
 */
import { simpleCommands, type Command, type SimpleCommand } from "../../shell/ast.js";

/** Commands whose failure is an answer, not an error. */
const CHECKS = new Set(["test", "[", "[[", "which", "type", "hash", "getent", "id", "false", "true", ":", "cmp", "diff"]);

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

/** True when some simple command in `c` can fail with a real error. */
export function canFail(c: Command): boolean {
  if (c.type === "call") return !isCheck(c);
  const calls = simpleCommandsOf(c);
  return calls.some((x) => !isCheck(x));
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

function simpleCommandsOf(c: Command): SimpleCommand[] {
  return simpleCommands({ source: "", statements: [{ command: c, negated: false, background: false, redirects: [], start: c.start, end: c.end }] });
}
