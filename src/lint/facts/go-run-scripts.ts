/**
 * The shell scripts a RUN executes, as the GS1xx/GS2xx facts read them: the
 * shell-form command (the model's cached parse), the body of a heredoc RUN
 * (`RUN <<EOF ... EOF`, parsed here, positions mapped to the heredoc lines),
 * and the exec form (`RUN ["go", "build"]`) as one literal command. Each comes
 * with its simple commands (wrappers like `env`, `time`, `sudo` unwrapped
 * later by the callers) and a function mapping script offsets to file ranges.
 * Leaves out scripts run through `sh -c "..."` strings.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { RunInstruction } from "../../dockerfile/instructions/types.js";
import { simpleCommands, type Script, type SimpleCommand, type Word } from "../../shell/ast.js";
import { parseShell } from "../../shell/parse.js";
import type { LintModel } from "../model/model.js";

export interface ScriptInRun {
  readonly run: RunInstruction;
  readonly source: string;
  /** The parsed script; null for the exec form. */
  readonly script: Script | null;
  readonly calls: readonly SimpleCommand[];
  range(start: number, end: number): Range;
}

const cache = new WeakMap<RunInstruction, readonly ScriptInRun[]>();

export function runScripts(model: LintModel, run: RunInstruction): readonly ScriptInRun[] {
  let out = cache.get(run);
  if (out) return out;
  out = compute(model, run);
  cache.set(run, out);
  return out;
}

function compute(model: LintModel, run: RunInstruction): ScriptInRun[] {
  if (!run.shell) {
    const args = run.args ?? [];
    let off = 0;
    const words: Word[] = args.map((a) => {
      const w = { raw: a, literal: a, start: off, end: off + a.length };
      off += a.length + 1;
      return w;
    });
    const call: SimpleCommand = { type: "call", assigns: [], args: words, start: 0, end: Math.max(0, off - 1) };
    return [{ run, source: args.join(" "), script: null, calls: [call], range: () => run.range }];
  }
  const out: ScriptInRun[] = [];
  const script = model.script(run);
  if (script) {
    const loc = model.locate(run);
    out.push({ run, source: script.source, script, calls: simpleCommands(script), range: (s, e) => loc.range(s, e) });
  }
  // `RUN <<EOF` (optionally `RUN <<EOF sh`): the heredoc body is the script.
  if ((run.command ?? "").trimStart().startsWith("<<")) {
    for (const h of run.heredocs) {
      const parsed = parseShell(h.data).script;
      if (!parsed) continue;
      const data = h.data;
      const pos = (o: number): { line: number; column: number } => {
        const before = data.slice(0, o);
        const nl = before.lastIndexOf("\n");
        const lines = before.split("\n").length - 1;
        return { line: h.range.start.line + lines, column: o - nl };
      };
      out.push({ run, source: data, script: parsed, calls: simpleCommands(parsed), range: (s, e) => ({ start: pos(s), end: pos(e) }) });
    }
  }
  return out;
}

/** A shell word's value when it is plain or simply quoted (`"off"`, `'x'`); null when it expands something. */
export function unquoteShell(raw: string): string | null {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "'") {
      const j = raw.indexOf("'", i + 1);
      if (j < 0) return null;
      out += raw.slice(i + 1, j);
      i = j + 1;
    } else if (c === '"') {
      const j = raw.indexOf('"', i + 1);
      if (j < 0) return null;
      const inner = raw.slice(i + 1, j);
      if (/[$`\\]/.test(inner)) return null;
      out += inner;
      i = j + 1;
    } else if (c === "$" || c === "`") {
      return null;
    } else if (c === "\\") {
      out += raw[i + 1] ?? "";
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The output redirections written right after a simple command (`> ~/.netrc`,
 * `>> f`, `2>&1`), read from the script text: goship's shell view keeps
 * redirections on statements only, and loses them on the operands of
 * `&&`/`||`/`|`.
 */
export function redirectsAfter(source: string, call: SimpleCommand): string[] {
  const out: string[] = [];
  const re = /^[ \t]*(\d*>>?|&>>?)[ \t]*("[^"]*"|'[^']*'|[^\s;&|)]+)/;
  let rest = source.slice(call.end);
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    out.push(`${m[1]}${m[2]}`);
    rest = rest.slice(m[0].length);
  }
  return out;
}
