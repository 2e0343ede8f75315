/**
 * goship's own small view of a shell script, as lint rules need it: lists of
 * commands joined by `;`, `&&`, `||`, `|`, with each simple command's words
 * (literal text when static) and positions relative to the script. Rules
 * read this, never the parser library's AST, so the library can be swapped.
 */
export type Op = ";" | "&&" | "||" | "|" | "|&" | "&";

/** One word of a command; `literal` is its text when it has no expansion. */
export interface Word {
  /** The word as written (quotes kept). */
  readonly raw: string;
  /** The value after quote removal, or null when it contains an expansion. */
  readonly literal: string | null;
  /** 0-based offsets into the script. */
  readonly start: number;
  readonly end: number;
}

export interface SimpleCommand {
  readonly type: "call";
  /** Variable assignments before the command (`FOO=1 cmd`). */
  readonly assigns: readonly { name: string; value: string }[];
  readonly args: readonly Word[];
  readonly start: number;
  readonly end: number;
}

export interface Binary {
  readonly type: "binary";
  readonly op: Exclude<Op, ";" | "&">;
  readonly left: Command;
  readonly right: Command;
  readonly start: number;
  readonly end: number;
}

/** Subshell `( )`, block `{ }`, if/while/for/case/function bodies: statements inside. */
export interface Compound {
  readonly type: "compound";
  readonly kind: string;
  readonly body: readonly Statement[];
  readonly start: number;
  readonly end: number;
}

export type Command = SimpleCommand | Binary | Compound;

export interface Statement {
  readonly command: Command | null;
  readonly negated: boolean;
  readonly background: boolean;
  /** Redirections like `> /dev/null`, `2>&1`, as written. */
  readonly redirects: readonly string[];
  readonly start: number;
  readonly end: number;
}

export interface Script {
  readonly source: string;
  readonly statements: readonly Statement[];
}

/** Every simple command in the script, depth first, in source order. */
export function simpleCommands(script: Script): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const visit = (c: Command | null): void => {
    if (!c) return;
    if (c.type === "call") out.push(c);
    else if (c.type === "binary") {
      visit(c.left);
      visit(c.right);
    } else for (const s of c.body) visit(s.command);
  };
  for (const s of script.statements) visit(s.command);
  return out;
}

/** The literal words of a command (non-literal words as null). */
export function argv(c: SimpleCommand): (string | null)[] {
  return c.args.map((w) => w.literal);
}
