/**
 * goship's shell view (src/shell/ast.ts) in the normalized JSON form that
 * test/oracle/shell prints from mvdan.cc/sh's AST: per statement its
 * command, negation, background flag, redirections as written and offsets;
 * per command its type, operator or compound kind, assignments (name and
 * value as written), words as [start, end, literal] and offsets. Empty
 * lists are left out, as Go's `omitempty` does.
 */
import type { Command, Script, Statement } from "../../src/shell/ast.js";

export interface NormStmt {
  cmd: NormCmd | null;
  neg: boolean;
  bg: boolean;
  redirs: string[];
  start: number;
  end: number;
}

export interface NormCmd {
  type: string;
  op?: string;
  kind?: string;
  left?: NormCmd;
  right?: NormCmd;
  body?: NormStmt[];
  assigns?: [string, string][];
  words?: [number, number, string | null][];
  start: number;
  end: number;
}

export type ShellAnswer =
  | { error: false; stmts?: NormStmt[] }
  | { error: true; message?: string; panic?: boolean };

export function normalizeScript(script: Script): NormStmt[] {
  return script.statements.map(stmt);
}

function stmt(s: Statement): NormStmt {
  return { cmd: s.command ? cmd(s.command) : null, neg: s.negated, bg: s.background, redirs: [...s.redirects], start: s.start, end: s.end };
}

function cmd(c: Command): NormCmd {
  const out: NormCmd = { type: c.type, start: c.start, end: c.end };
  switch (c.type) {
    case "call":
      if (c.assigns.length > 0) out.assigns = c.assigns.map((a) => [a.name, a.value]);
      if (c.args.length > 0) out.words = c.args.map((w) => [w.start, w.end, w.literal]);
      break;
    case "binary":
      out.op = c.op;
      out.left = cmd(c.left);
      out.right = cmd(c.right);
      break;
    case "compound":
      out.kind = c.kind;
      if (c.body.length > 0) out.body = c.body.map(stmt);
      break;
  }
  // key order as Go prints it, so failures diff cleanly
  const { type, op, kind, left, right, body, assigns, words, start, end } = out;
  return JSON.parse(JSON.stringify({ type, op, kind, left, right, body, assigns, words, start, end })) as NormCmd;
}
