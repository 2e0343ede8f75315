/**
 * Checks that the goship command lines a CI file runs exist: every
 * `goship <command> --flag` found in a script names a command of
 * `goship --help` and flags of `goship <command> --help`.
 */
import { goship } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

/** `goship`, `goship@x.y.z` or `"goship@${V}"` followed by a command and its words. */
const CALL = /(?:^|[\s"'])(?:npx\s+(?:--yes\s+)?)?"?goship(?:@[^\s"]*)?"?\s+([a-z][a-z-]*)([^\n|;&]*)/g;

export interface GoshipCall {
  readonly command: string;
  readonly flags: readonly string[];
  readonly line: string;
}

export function goshipCalls(script: string): GoshipCall[] {
  const out: GoshipCall[] = [];
  for (const m of script.matchAll(CALL)) {
    const flags = [...(m[2] ?? "").matchAll(/(?:^|\s)(--?[a-zA-Z][\w-]*)/g)].map((f) => f[1]!);
    out.push({ command: m[1]!, flags, line: m[0].trim() });
  }
  return out;
}

const helpCache = new Map<string, string>();

async function help(args: string[]): Promise<string> {
  const key = args.join(" ");
  let h = helpCache.get(key);
  if (h === undefined) {
    const r = await goship([...args, "--help"], { cwd: ROOT });
    h = r.stdout;
    helpCache.set(key, h);
  }
  return h;
}

/** Problems with the calls ([] when every command and flag exists). */
export async function unknownGoshipUses(calls: readonly GoshipCall[]): Promise<string[]> {
  const problems: string[] = [];
  const top = await help([]);
  for (const c of calls) {
    if (!new RegExp(`^  ${c.command}\\b`, "m").test(top)) {
      problems.push(`${c.line}: goship has no command ${c.command}`);
      continue;
    }
    const h = await help([c.command]);
    for (const f of c.flags) {
      const re = f.startsWith("--") ? new RegExp(`(^|[ ,])${f}\\b`, "m") : new RegExp(`(^|\\s)${f},`, "m");
      if (!re.test(h)) problems.push(`${c.line}: goship ${c.command} has no flag ${f}`);
    }
  }
  return problems;
}
