/**
 * Parses a POSIX/bash script (the shell form of a RUN) into goship's shell
 * view (./ast.ts). The parser (./lexer.ts, ./arithmetic.ts, ./words.ts,
 * ./parser.ts) is a TypeScript port of mvdan.cc/sh/v3/syntax in its Bash
 * mode, so it accepts and rejects the same scripts and reports the same
 * offsets (test/differential/shell.test.ts compares the two), except that
 * nesting deep enough to overflow the stack (hundreds of levels) is reported
 * as an error. Syntax errors return null plus a `line:col: message`; BuildKit
 * passes such scripts to /bin/sh unchanged, so lint must not fail on them.
 */
import type { Script } from "./ast.js";
import { ShellSyntaxError } from "./lexer.js";
import { Parser } from "./parser.js";
import { toScript } from "./view.js";

export interface ShellParseResult {
  readonly script: Script | null;
  /** `line:col: message` relative to the script, when it did not parse. */
  readonly error: string | null;
}

export function parseShell(source: string): ShellParseResult {
  let stmts;
  try {
    stmts = new Parser(source).parse();
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { script: null, error: `${lineCol(source, e.offset)}: ${e.message}` };
    // Hundreds of nested ( or $( overflow the JavaScript stack (Go's grows): report, do not crash.
    if (e instanceof RangeError) return { script: null, error: "1:1: script nests too deeply to parse" };
    throw e;
  }
  return { script: toScript(source, stmts), error: null };
}

/** 1-based `line:col` of a 0-based offset (columns count UTF-16 units). */
function lineCol(source: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i >= 0 && i < at; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${at - lineStart + 1}`;
}
