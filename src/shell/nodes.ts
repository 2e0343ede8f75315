/**
 * The parser's internal syntax tree (./parser.ts): just enough of
 * mvdan.cc/sh/v3/syntax's node types to compute goship's view (./ast.ts):
 * word parts with their offsets and literal values, statements, commands and
 * redirections. Ends are computed from the nodes when the view is built,
 * because a here-document body (which ends its redirection and statement)
 * is read after the statement itself. Leaves out everything goship's view
 * never shows: comments, arithmetic and test trees, expansion details.
 */

/** A literal run of a word (unquoted, or inside double quotes). */
export interface LitPart {
  readonly t: "lit";
  readonly value: string;
  readonly pos: number;
  end: number;
}

/** `'…'` or `$'…'`; value is the text between the quotes. */
export interface SglPart {
  readonly t: "sgl";
  readonly value: string;
  readonly pos: number;
  readonly end: number;
}

export interface DblPart {
  readonly t: "dbl";
  readonly parts: readonly Part[];
  readonly pos: number;
  readonly end: number;
}

/** Any expansion: `$x`, `${…}`, `$(…)`, backquotes, `$((…))`, `<(…)`, extended globs. */
export interface ExpPart {
  readonly t: "exp";
  readonly pos: number;
  readonly end: number;
}

export type Part = LitPart | SglPart | DblPart | ExpPart;

/** A word: one or more contiguous parts. */
export interface WordNode {
  readonly parts: Part[];
}

export function wordPos(w: WordNode): number {
  return w.parts[0]!.pos;
}

export function wordEnd(w: WordNode): number {
  return w.parts[w.parts.length - 1]!.end;
}

/** An arithmetic expression, reduced to what callers need. */
export interface ArithNode {
  readonly end: number;
  /** A plain name or `name[index]`: may be assigned to or incremented. */
  readonly name: boolean;
}

export interface AssignNode {
  name: LitPart | null;
  value: WordNode | null;
  /** End offset of `(…)` when the value is an array. */
  arrayEnd: number;
  index: ArithNode | null;
  naked: boolean;
  append: boolean;
}

export function assignPos(a: AssignNode): number {
  return a.name === null ? wordPos(a.value!) : a.name.pos;
}

export function assignEnd(a: AssignNode): number {
  if (a.value !== null) return wordEnd(a.value);
  if (a.arrayEnd >= 0) return a.arrayEnd;
  if (a.index !== null) return a.index.end + (a.naked ? 1 : 2);
  if (a.naked) return a.name!.end;
  return a.name!.end + 1;
}

export interface RedirectNode {
  readonly op: number;
  readonly opPos: number;
  readonly n: LitPart | null;
  word: WordNode | null;
  hdoc: WordNode | null;
}

export function redirectPos(r: RedirectNode): number {
  return r.n !== null ? r.n.pos : r.opPos;
}

export function redirectEnd(r: RedirectNode): number {
  return r.hdoc !== null ? wordEnd(r.hdoc) : wordEnd(r.word!);
}

export interface StmtNode {
  readonly pos: number;
  /** Offset of the `;`, `&` or `|&` ending it, or -1. */
  semicolon: number;
  negated: boolean;
  background: boolean;
  /** mksh `|&` or zsh `&|`: the terminator is two characters long. */
  wideEnd: boolean;
  cmd: CmdNode | null;
  readonly redirs: RedirectNode[];
}

export interface CallNode {
  readonly t: "call";
  readonly assigns: AssignNode[];
  readonly args: WordNode[];
}

export interface BinaryNode {
  readonly t: "binary";
  /** The operator token (T.andAnd, T.orOr, T.or, T.orAnd). */
  readonly op: number;
  readonly x: StmtNode;
  readonly y: StmtNode;
}

/** Every other command: kind is mvdan's node type name (IfClause, Block, ...). */
export interface CompoundNode {
  readonly t: "compound";
  readonly kind: string;
  readonly pos: number;
  /** End offset, unless the command ends where endStmt ends. */
  readonly endAt: number;
  readonly endStmt: StmtNode | null;
  /** The statements goship's view shows as its body. */
  readonly body: StmtNode[];
}

export interface DeclNode {
  readonly t: "decl";
  readonly variant: LitPart;
  readonly args: AssignNode[];
}

export type CmdNode = CallNode | BinaryNode | CompoundNode | DeclNode;

export function stmtEnd(s: StmtNode): number {
  if (s.semicolon >= 0) return s.semicolon + (s.wideEnd ? 2 : 1);
  let end = s.pos + (s.negated ? 1 : 0);
  if (s.cmd !== null) end = cmdEnd(s.cmd);
  const last = s.redirs[s.redirs.length - 1];
  if (last !== undefined) end = Math.max(end, redirectEnd(last));
  return end;
}

export function cmdPos(c: CmdNode): number {
  switch (c.t) {
    case "call":
      return c.assigns.length > 0 ? assignPos(c.assigns[0]!) : wordPos(c.args[0]!);
    case "binary":
      return c.x.pos;
    case "compound":
      return c.pos;
    case "decl":
      return c.variant.pos;
  }
}

export function cmdEnd(c: CmdNode): number {
  switch (c.t) {
    case "call":
      return c.args.length === 0 ? assignEnd(c.assigns[c.assigns.length - 1]!) : wordEnd(c.args[c.args.length - 1]!);
    case "binary":
      return stmtEnd(c.y);
    case "compound":
      return c.endStmt !== null ? stmtEnd(c.endStmt) : c.endAt;
    case "decl":
      return c.args.length > 0 ? assignEnd(c.args[c.args.length - 1]!) : c.variant.end;
  }
}
