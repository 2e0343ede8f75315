/**
 * Turns the parser's tree (./nodes.ts) into goship's shell view (./ast.ts),
 * exactly as the former mvdan-sh adapter did: declare/export/local/readonly
 * become calls whose first word is the keyword; compound commands keep the
 * statements of their bodies (if: conditions and branches in order; while:
 * condition then body; case: every item's statements); `[[ ]]`, `(( ))`
 * and let have empty bodies. A word's literal is its value after quote
 * removal when it has no expansion (inside `$'…'` the text is kept as
 * written, and inside double quotes `\x` becomes `x`, as before).
 */
import type { Command, Script, SimpleCommand, Statement, Word } from "./ast.js";
import type { AssignNode, CmdNode, Part, StmtNode, WordNode } from "./nodes.js";
import { assignEnd, assignPos, cmdEnd, cmdPos, redirectEnd, redirectPos, stmtEnd, wordEnd, wordPos } from "./nodes.js";
import { T } from "./tokens.js";

const BINARY_OPS: Record<number, "&&" | "||" | "|" | "|&"> = { [T.andAnd]: "&&", [T.orOr]: "||", [T.or]: "|", [T.orAnd]: "|&" };
const PLAIN_WORD = /^[A-Za-z0-9_./=:@%+,-]*$/;

export function toScript(source: string, stmts: readonly StmtNode[]): Script {
  const statement = (s: StmtNode): Statement => ({
    command: s.cmd === null ? null : command(s.cmd),
    negated: s.negated,
    background: s.background,
    redirects: s.redirs.map((r) => source.slice(redirectPos(r), redirectEnd(r))),
    start: s.pos,
    end: stmtEnd(s),
  });

  const word = (w: WordNode): Word => {
    const start = wordPos(w);
    const end = wordEnd(w);
    return { raw: source.slice(start, end), literal: literal(w.parts), start, end };
  };

  const declArg = (a: AssignNode): Word => {
    const start = assignPos(a);
    const end = assignEnd(a);
    const raw = source.slice(start, end);
    return { raw, literal: PLAIN_WORD.test(raw) ? raw : null, start, end };
  };

  const command = (c: CmdNode): Command => {
    const start = cmdPos(c);
    const end = cmdEnd(c);
    switch (c.t) {
      case "call":
        return {
          type: "call",
          assigns: c.assigns.map((a) => ({
            name: a.name?.value ?? "",
            value: a.value === null ? "" : source.slice(wordPos(a.value), wordEnd(a.value)),
          })),
          args: c.args.map(word),
          start,
          end,
        };
      case "binary": {
        const side = (s: StmtNode): Command =>
          s.cmd === null ? { type: "compound", kind: "Empty", body: [], start, end } : command(s.cmd);
        return { type: "binary", op: BINARY_OPS[c.op] ?? "&&", left: side(c.x), right: side(c.y), start, end };
      }
      case "compound":
        return { type: "compound", kind: c.kind, body: c.body.map(statement), start, end };
      case "decl": {
        const v = c.variant.value;
        const first: Word = { raw: v, literal: v, start, end: start + v.length };
        const call: SimpleCommand = { type: "call", assigns: [], args: [first, ...c.args.map(declArg)], start, end };
        return call;
      }
    }
  };

  return { source, statements: stmts.map(statement) };
}

function literal(parts: readonly Part[]): string | null {
  let out = "";
  for (const p of parts) {
    switch (p.t) {
      case "lit":
        out += unescapeLit(p.value);
        break;
      case "sgl":
        out += p.value;
        break;
      case "dbl": {
        const inner = literal(p.parts);
        if (inner === null) return null;
        out += inner;
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

/** Unquoted backslash escapes: `\x` is `x`; a backslash-newline vanishes. */
function unescapeLit(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\\n/g, "").replace(/\\(.)/g, "$1");
}
