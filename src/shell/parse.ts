/**
 * Parses a POSIX/bash script (the shell form of a RUN) into goship's shell
 * view (./ast.ts) with mvdan/sh's parser (the mvdan-sh package, a JS build of
 * the parser shfmt uses). The library loads lazily: a Dockerfile without
 * shell-form RUN never pays for it. Syntax errors return null plus a message;
 * BuildKit passes such scripts to /bin/sh unchanged, so lint must not fail.
 */
import { createRequire } from "node:module";
import type { Node } from "mvdan-sh";
import type { Command, Script, Statement, Word } from "./ast.js";

type Sh = (typeof import("mvdan-sh"))["default"];

let lib: Sh | undefined;
function sh(): Sh {
  // mvdan-sh is a CommonJS bundle; require keeps loading synchronous and lazy.
  lib ??= createRequire(import.meta.url)("mvdan-sh") as Sh;
  return lib;
}

const BINARY_OPS: Record<number, "&&" | "||" | "|" | "|&"> = { 10: "&&", 11: "||", 12: "|", 13: "|&" };

export interface ShellParseResult {
  readonly script: Script | null;
  /** `line:col: message` relative to the script, when it did not parse. */
  readonly error: string | null;
}

export function parseShell(source: string): ShellParseResult {
  const s = sh().syntax;
  let file: Node;
  try {
    file = s.NewParser(s.Variant(s.LangBash)).Parse(source, "");
  } catch (e) {
    const err = e as { Error?: () => string };
    const msg = typeof err.Error === "function" ? err.Error().replace(/^:?/, "") : String(e);
    return { script: null, error: msg };
  }
  const conv = new Converter(source, s.NodeType);
  return { script: { source, statements: conv.stmts(file.Stmts) }, error: null };
}

class Converter {
  constructor(
    private readonly src: string,
    private readonly type: (n: Node) => string,
  ) {}

  stmts(list: unknown): Statement[] {
    return asArray(list).map((n) => this.stmt(n));
  }

  stmt(n: Node): Statement {
    const cmd = n.Cmd as Node | null | undefined;
    return {
      command: cmd ? this.command(cmd) : null,
      negated: n.Negated === true,
      background: n.Background === true,
      redirects: asArray(n.Redirs).map((r) => this.text(r)),
      start: n.Pos().Offset(),
      end: n.End().Offset(),
    };
  }

  command(n: Node): Command {
    const start = n.Pos().Offset();
    const end = n.End().Offset();
    switch (this.type(n)) {
      case "CallExpr":
        return {
          type: "call",
          assigns: asArray(n.Assigns).map((a) => ({
            name: String((a.Name as Node | null)?.Value ?? ""),
            value: a.Value ? this.text(a.Value as Node) : "",
          })),
          args: asArray(n.Args).map((w) => this.word(w)),
          start,
          end,
        };
      case "BinaryCmd": {
        const op = BINARY_OPS[Number(n.Op)] ?? "&&";
        const left = this.stmtCommand(n.X as Node, start, end);
        const right = this.stmtCommand(n.Y as Node, start, end);
        return { type: "binary", op, left, right, start, end };
      }
      case "Subshell":
      case "Block":
        return { type: "compound", kind: this.type(n), body: this.stmts(n.Stmts), start, end };
      case "IfClause":
        return { type: "compound", kind: "IfClause", body: this.ifBody(n), start, end };
      case "WhileClause":
        return { type: "compound", kind: "WhileClause", body: [...this.stmts(n.Cond), ...this.stmts(n.Do)], start, end };
      case "ForClause":
        return { type: "compound", kind: "ForClause", body: this.stmts(n.Do), start, end };
      case "CaseClause":
        return {
          type: "compound",
          kind: "CaseClause",
          body: asArray(n.Items).flatMap((i) => this.stmts(i.Stmts)),
          start,
          end,
        };
      case "FuncDecl":
      case "TimeClause":
      case "CoprocClause": {
        const body = (n.Body ?? n.Stmt) as Node | null | undefined;
        return { type: "compound", kind: this.type(n), body: body ? [this.stmt(body)] : [], start, end };
      }
      case "DeclClause": {
        // export/declare/local/readonly: treated as a call so rules see the words.
        const variant = String((n.Variant as Node | null)?.Value ?? "declare");
        const args = asArray(n.Args).map((a) => this.wordFromRange(a));
        const first: Word = { raw: variant, literal: variant, start, end: start + variant.length };
        return { type: "call", assigns: [], args: [first, ...args], start, end };
      }
      default:
        // [[ ]], (( )), let: no nested commands goship's rules look into.
        return { type: "compound", kind: this.type(n), body: [], start, end };
    }
  }

  private stmtCommand(n: Node, start: number, end: number): Command {
    const c = n.Cmd as Node | null | undefined;
    return c ? this.command(c) : { type: "compound", kind: "Empty", body: [], start, end };
  }

  private ifBody(n: Node): Statement[] {
    const out = [...this.stmts(n.Cond), ...this.stmts(n.Then)];
    const els = n.Else as Node | null | undefined;
    if (els && typeof els.Pos === "function" && els.Pos().Offset() < els.End().Offset()) out.push(...this.ifBody(els));
    return out;
  }

  word(w: Node): Word {
    return { raw: this.text(w), literal: literal(asArray(w.Parts), this.type), start: w.Pos().Offset(), end: w.End().Offset() };
  }

  private wordFromRange(n: Node): Word {
    const raw = this.text(n);
    return { raw, literal: /^[A-Za-z0-9_./=:@%+,-]*$/.test(raw) ? raw : null, start: n.Pos().Offset(), end: n.End().Offset() };
  }

  private text(n: Node): string {
    return this.src.slice(n.Pos().Offset(), n.End().Offset());
  }
}

function literal(parts: Node[], type: (n: Node) => string): string | null {
  let out = "";
  for (const p of parts) {
    switch (type(p)) {
      case "Lit":
        out += unescapeLit(String(p.Value));
        break;
      case "SglQuoted":
        out += String(p.Value);
        break;
      case "DblQuoted": {
        const inner = literal(asArray(p.Parts), type);
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
  return s.replace(/\\\n/g, "").replace(/\\(.)/g, "$1");
}

function asArray(v: unknown): Node[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v as Node[];
  // GopherJS slices expose length and index access.
  const arr = v as { length?: number; [i: number]: Node };
  const out: Node[] = [];
  for (let i = 0; i < (arr.length ?? 0); i++) out.push(arr[i] as Node);
  return out;
}
