/**
 * The go.mod / go.work lexer and parser: a port of golang.org/x/mod/modfile
 * read.go (v0.43.0). It turns text into lines and `verb ( ... )` blocks of
 * tokens with x/mod's positions (line, rune column, byte offset) and attaches
 * `//` comments the way assignComments does (whole-line comments before a
 * line, end-of-line comments as suffixes), because `// indirect`,
 * `// Deprecated:` and retract rationales are read from those comments.
 * Syntax errors carry x/mod's exact text and position.
 *
 * Works on byte strings (src/golang/utf8.ts). Leaves out formatting (print.go) and
 * the editing helpers (addLine, Cleanup).
 */
import { goQuoteRuneBytes } from "../golang/strconv-quote.js";
import { trimSpaceBytes } from "../golang/strings.js";
import { isPrint, isSpace } from "../golang/unicode.js";
import { decodeRune } from "../golang/utf8.js";

/** modfile.Position: 1-based line, 1-based rune column, 0-based byte offset. */
export interface GoPosition {
  readonly line: number;
  readonly lineRune: number;
  readonly byte: number;
}

export interface SyntaxComment {
  readonly start: GoPosition;
  /** The comment text including `//`, without the newline; "" marks a blank line in a block. */
  readonly token: string;
  readonly suffix: boolean;
}

export interface SyntaxComments {
  before: SyntaxComment[];
  suffix: SyntaxComment[];
  after: SyntaxComment[];
}

export interface SyntaxLine {
  readonly kind: "line";
  readonly comments: SyntaxComments;
  readonly start: GoPosition;
  readonly tokens: readonly string[];
  readonly inBlock: boolean;
  readonly end: GoPosition;
}

export interface SyntaxParen {
  readonly comments: SyntaxComments;
  pos: GoPosition;
}

export interface SyntaxBlock {
  readonly kind: "block";
  readonly comments: SyntaxComments;
  readonly start: GoPosition;
  readonly lparen: SyntaxParen;
  readonly tokens: readonly string[];
  readonly lines: SyntaxLine[];
  readonly rparen: SyntaxParen;
}

export interface SyntaxCommentBlock {
  readonly kind: "comments";
  readonly comments: SyntaxComments;
  readonly start: GoPosition;
}

export type SyntaxStmt = SyntaxLine | SyntaxBlock | SyntaxCommentBlock;

export interface FileSyntax {
  readonly name: string;
  readonly comments: SyntaxComments;
  readonly stmts: SyntaxStmt[];
}

/** One modfile.Error before formatting: where, and the text after `file:line: `. */
export interface RawModError {
  readonly pos: GoPosition;
  /** The line the error is about, when it is about a line (for the end of the range). */
  readonly line?: SyntaxLine | SyntaxBlock;
  readonly text: string;
}

/** Thrown by parseSyntax: x/mod reports exactly one syntax error. */
export class SyntaxFailure {
  constructor(readonly error: RawModError) {}
}

const EOF = -1;
const EOLCOMMENT = -2;
const IDENT = -3;
const STRING = -4;
const COMMENT = -5;

interface Token {
  kind: number;
  pos: GoPosition;
  endPos: GoPosition;
  text: string;
}

function isComment(k: number): boolean {
  return k === COMMENT || k === EOLCOMMENT;
}

function isEOL(k: number): boolean {
  return k === EOF || k === EOLCOMMENT || k === 0x0a;
}

function isIdent(c: number): boolean {
  switch (c) {
    case 0x20: case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x2c:
      return false;
    default:
      return !isSpace(c) && isPrint(c);
  }
}

function emptyComments(): SyntaxComments {
  return { before: [], suffix: [], after: [] };
}

function addPos(p: GoPosition, s: string): GoPosition {
  // Only used with ")" (one byte, one rune).
  return { line: p.line, lineRune: p.lineRune + s.length, byte: p.byte + s.length };
}

class Input {
  private remaining = 0; // offset of the remaining input in `data`
  private tokenStart = 0;
  private token: Token;
  private pos: GoPosition = { line: 1, lineRune: 1, byte: 0 };
  readonly comments: SyntaxComment[] = [];
  file: FileSyntax;

  constructor(
    readonly filename: string,
    readonly data: string,
  ) {
    this.token = { kind: EOF, pos: this.pos, endPos: this.pos, text: "" };
    this.file = { name: filename, comments: emptyComments(), stmts: [] };
  }

  error(text: string): never {
    throw new SyntaxFailure({ pos: this.pos, text });
  }

  private eof(): boolean {
    return this.remaining >= this.data.length;
  }

  private peekRune(): number {
    if (this.eof()) return 0;
    const c = this.data.charCodeAt(this.remaining);
    return c < 0x80 ? c : decodeRune(this.data, this.remaining)[0];
  }

  private peekPrefix(prefix: string): boolean {
    return this.data.startsWith(prefix, this.remaining);
  }

  private readRune(): number {
    if (this.eof()) this.error("internal lexer error: readRune at EOF");
    const c = this.data.charCodeAt(this.remaining);
    let r = c;
    let size = 1;
    if (c >= 0x80) [r, size] = decodeRune(this.data, this.remaining);
    this.remaining += size;
    const p = this.pos;
    this.pos = r === 0x0a ? { line: p.line + 1, lineRune: 1, byte: p.byte + size } : { line: p.line, lineRune: p.lineRune + 1, byte: p.byte + size };
    return r;
  }

  private startToken(): void {
    this.tokenStart = this.remaining;
    this.token = { kind: 0, pos: this.pos, endPos: this.pos, text: "" };
  }

  private endToken(kind: number): void {
    let text = this.data.slice(this.tokenStart, this.remaining);
    if (isComment(kind)) {
      if (text.endsWith("\r\n")) text = text.slice(0, -2);
      else if (text.endsWith("\n")) text = text.slice(0, -1);
    }
    this.token = { kind, pos: this.token.pos, endPos: this.pos, text };
  }

  peek(): number {
    return this.token.kind;
  }

  lex(): Token {
    const tok = this.token;
    this.readToken();
    return tok;
  }

  readToken(): void {
    while (!this.eof()) {
      const c = this.peekRune();
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.readRune();
        continue;
      }
      if (this.peekPrefix("//")) {
        this.startToken();
        const i = this.data.lastIndexOf("\n", this.pos.byte - 1);
        const before = this.data.slice(i + 1, this.pos.byte);
        const suffix = trimSpaceBytes(before).length > 0;
        this.readRune();
        this.readRune();
        while (!this.eof() && this.readRune() !== 0x0a) {
          // consume the comment
        }
        if (!suffix) {
          this.endToken(COMMENT);
          return;
        }
        this.endToken(EOLCOMMENT);
        this.comments.push({ start: this.token.pos, token: this.token.text, suffix });
        return;
      }
      if (this.peekPrefix("/*")) this.error("mod files must use // comments (not /* */ comments)");
      break;
    }

    this.startToken();
    if (this.eof()) {
      this.endToken(EOF);
      return;
    }

    const c = this.peekRune();
    switch (c) {
      case 0x0a: case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x2c:
        this.readRune();
        this.endToken(c);
        return;
      case 0x22: case 0x60: {
        const quote = c;
        this.readRune();
        for (;;) {
          if (this.eof()) {
            this.pos = this.token.pos;
            this.error("unexpected EOF in string");
          }
          if (this.peekRune() === 0x0a) this.error("unexpected newline in string");
          const d = this.readRune();
          if (d === quote) break;
          if (d === 0x5c && quote !== 0x60) {
            if (this.eof()) {
              this.pos = this.token.pos;
              this.error("unexpected EOF in string");
            }
            this.readRune();
          }
        }
        this.endToken(STRING);
        return;
      }
    }

    if (!isIdent(c)) this.error(`unexpected input character ${goQuoteRuneBytes(c)}`);
    while (isIdent(this.peekRune())) {
      if (this.peekPrefix("//")) break;
      if (this.peekPrefix("/*")) this.error("mod files must use // comments (not /* */ comments)");
      this.readRune();
    }
    this.endToken(IDENT);
  }

  parseFile(): void {
    let cb: SyntaxCommentBlock | null = null;
    for (;;) {
      switch (this.peek()) {
        case 0x0a:
          this.lex();
          if (cb) {
            this.file.stmts.push(cb);
            cb = null;
          }
          break;
        case COMMENT: {
          const tok = this.lex();
          if (!cb) cb = { kind: "comments", comments: emptyComments(), start: tok.pos };
          cb.comments.before.push({ start: tok.pos, token: tok.text, suffix: false });
          break;
        }
        case EOF:
          if (cb) this.file.stmts.push(cb);
          return;
        default:
          this.parseStmt();
          if (cb) {
            const last = this.file.stmts[this.file.stmts.length - 1] as SyntaxStmt;
            last.comments.before = cb.comments.before;
            cb = null;
          }
      }
    }
  }

  private parseStmt(): void {
    const first = this.lex();
    const start = first.pos;
    let end = first.endPos;
    const tokens = [first.text];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        this.file.stmts.push({ kind: "line", comments: emptyComments(), start, tokens, inBlock: false, end });
        return;
      }
      if (tok.kind === 0x28) {
        const next = this.peek();
        if (isEOL(next)) {
          this.file.stmts.push(this.parseLineBlock(start, tokens, tok));
          return;
        } else if (next === 0x29) {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            this.lex();
            this.file.stmts.push({
              kind: "block",
              comments: emptyComments(),
              start,
              tokens,
              lparen: { comments: emptyComments(), pos: tok.pos },
              lines: [],
              rparen: { comments: emptyComments(), pos: rparen.pos },
            });
            return;
          }
          tokens.push(tok.text, rparen.text);
        } else {
          tokens.push(tok.text);
        }
      } else {
        tokens.push(tok.text);
        end = tok.endPos;
      }
    }
  }

  private parseLineBlock(start: GoPosition, tokens: string[], lparen: Token): SyntaxBlock {
    const x: SyntaxBlock = {
      kind: "block",
      comments: emptyComments(),
      start,
      tokens,
      lparen: { comments: emptyComments(), pos: lparen.pos },
      lines: [],
      rparen: { comments: emptyComments(), pos: lparen.pos },
    };
    let comments: SyntaxComment[] = [];
    const blank: SyntaxComment = { start: { line: 0, lineRune: 0, byte: 0 }, token: "", suffix: false };
    for (;;) {
      switch (this.peek()) {
        case EOLCOMMENT:
          this.lex();
          break;
        case 0x0a:
          this.lex();
          if ((comments.length === 0 && x.lines.length > 0) || (comments.length > 0 && (comments[comments.length - 1] as SyntaxComment).token !== "")) {
            comments.push(blank);
          }
          break;
        case COMMENT: {
          const tok = this.lex();
          comments.push({ start: tok.pos, token: tok.text, suffix: false });
          break;
        }
        case EOF:
          this.error(`syntax error (unterminated block started at ${this.filename}:${x.start.line}:${x.start.lineRune})`);
        case 0x29: {
          const rparen = this.lex();
          if (comments.length === 1 && comments[0] === blank) comments = [];
          x.rparen.comments.before = comments;
          x.rparen.pos = rparen.pos;
          if (!isEOL(this.peek())) this.error("syntax error (expected newline after closing paren)");
          this.lex();
          return x;
        }
        default: {
          const l = this.parseLine();
          x.lines.push(l);
          l.comments.before = comments;
          comments = [];
        }
      }
    }
  }

  private parseLine(): SyntaxLine {
    const first = this.lex();
    if (isEOL(first.kind)) this.error("internal parse error: parseLine at end of line");
    const start = first.pos;
    let end = first.endPos;
    const tokens = [first.text];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        return { kind: "line", comments: emptyComments(), start, tokens, inBlock: true, end };
      }
      tokens.push(tok.text);
      end = tok.endPos;
    }
  }
}

type Node = FileSyntax | SyntaxStmt | SyntaxParen;

function span(x: Node): [GoPosition, GoPosition] {
  if ("stmts" in x) {
    const zero = { line: 0, lineRune: 0, byte: 0 };
    if (x.stmts.length === 0) return [zero, zero];
    return [span(x.stmts[0] as SyntaxStmt)[0], span(x.stmts[x.stmts.length - 1] as SyntaxStmt)[1]];
  }
  if ("kind" in x) {
    switch (x.kind) {
      case "comments":
        return [x.start, x.start];
      case "line":
        return [x.start, x.end];
      case "block":
        return [x.start, addPos(x.rparen.pos, ")")];
    }
  }
  return [x.pos, addPos(x.pos, ")")];
}

/** assignComments: suffix comments go to the last same-line syntax ending before them. */
function assignComments(file: FileSyntax, all: readonly SyntaxComment[]): void {
  const post: Node[] = [];
  const order = (x: Node): void => {
    if ("stmts" in x) for (const s of x.stmts) order(s);
    else if ("kind" in x && x.kind === "block") {
      order(x.lparen);
      for (const l of x.lines) order(l);
      order(x.rparen);
    }
    post.push(x);
  };
  order(file);
  // Whole-line comments never reach the lexer's list (the parser keeps them),
  // so only suffix comments are assigned here.
  const suffix = all.filter((c) => c.suffix);
  const touched: SyntaxComments[] = [];
  for (let i = post.length - 1; i >= 0; i--) {
    const x = post[i] as Node;
    if ("stmts" in x) continue;
    const [start, end] = span(x);
    if (start.line !== end.line) continue;
    while (suffix.length > 0 && end.byte <= (suffix[suffix.length - 1] as SyntaxComment).start.byte) {
      x.comments.suffix.push(suffix.pop() as SyntaxComment);
      touched.push(x.comments);
    }
  }
  for (const c of touched) c.suffix.sort((a, b) => a.start.byte - b.start.byte);
  file.comments.before.push(...suffix);
}

/** modfile's parse(): the syntax tree, or a thrown SyntaxFailure. */
export function parseSyntax(filename: string, data: string): FileSyntax {
  const input = new Input(filename, data);
  input.readToken();
  input.parseFile();
  assignComments(input.file, input.comments);
  return input.file;
}
