/**
 * Statements and commands: a port of the statement half of
 * mvdan.cc/sh/v3/syntax parser.go (v3.14.1) for Bash: lists, `&&`/`||`
 * (left-associative, equal precedence), pipelines, negation, redirections
 * and here-documents, assignments, and every compound command (subshell,
 * block, if, while/until, for/select, case, functions, `[[ ]]`, `(( ))`,
 * let, declare/export/local/readonly, time, coproc). Accepts and rejects the
 * same scripts as the reference (held to it by test/differential/shell.test.ts)
 * and records offsets the same way. Leaves out comments, the inner trees of
 * tests and arithmetic, and other dialects (their syntax is an error here,
 * as in mvdan's Bash mode).
 */
import { Q, validName } from "./lexer.js";
import type { AssignNode, CmdNode, CompoundNode, LitPart, Part, RedirectNode, StmtNode, WordNode } from "./nodes.js";
import { assignPos, wordPos } from "./nodes.js";
import { isLit, T, tokenQuoted } from "./tokens.js";
import { WordParser } from "./words.js";

const BQ = "`";
const q = (s: string): string => `${BQ}${s}${BQ}`;

const DECL_WORDS = new Set(["declare", "local", "export", "readonly", "typeset", "nameref"]);
const BASH_COMPOUND = new Set([
  "{",
  "if",
  "while",
  "until",
  "for",
  "case",
  "[[",
  "coproc",
  "let",
  "function",
  "declare",
  "local",
  "export",
  "readonly",
  "typeset",
  "nameref",
]);

const UNARY_TESTS: Record<string, number> = {
  "!": T.exclMark,
  "-e": T.tsExists,
  "-a": T.tsExists,
  "-f": T.tsRegFile,
  "-d": T.tsDirect,
  "-c": T.tsCharSp,
  "-b": T.tsBlckSp,
  "-p": T.tsNmPipe,
  "-S": T.tsSocket,
  "-L": T.tsSmbLink,
  "-h": T.tsSmbLink,
  "-k": T.tsSticky,
  "-g": T.tsGIDSet,
  "-u": T.tsUIDSet,
  "-G": T.tsGrpOwn,
  "-O": T.tsUsrOwn,
  "-N": T.tsModif,
  "-r": T.tsRead,
  "-w": T.tsWrite,
  "-x": T.tsExec,
  "-s": T.tsNoEmpty,
  "-t": T.tsFdTerm,
  "-z": T.tsEmpStr,
  "-n": T.tsNempStr,
  "-o": T.tsOptSet,
  "-v": T.tsVarSet,
  "-R": T.tsRefVar,
};

const BINARY_TESTS: Record<string, number> = {
  "=": T.assgn,
  "==": T.equal,
  "!=": T.nequal,
  "=~": T.tsReMatch,
  "-nt": T.tsNewer,
  "-ot": T.tsOlder,
  "-ef": T.tsDevIno,
  "-eq": T.tsEql,
  "-ne": T.tsNeq,
  "-le": T.tsLeq,
  "-ge": T.tsGeq,
  "-lt": T.tsLss,
  "-gt": T.tsGtr,
};

function own(table: Record<string, number>, key: string): number {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key]! : T.illegal;
}

function newStmt(pos: number): StmtNode {
  return { pos, semicolon: -1, negated: false, background: false, wideEnd: false, cmd: null, redirs: [] };
}

function compound(kind: string, pos: number, endAt: number, body: StmtNode[], endStmt: StmtNode | null = null): CompoundNode {
  return { t: "compound", kind, pos, endAt, endStmt, body };
}

/** A test expression, reduced to whether it is a bare word. */
type TestNode = { readonly word: boolean };

export class Parser extends WordParser {
  /** Parses the whole script; throws ShellSyntaxError on the first error. */
  parse(): StmtNode[] {
    this.rune();
    this.next();
    const stmts = this.stmtList();
    this.doHeredocs();
    return stmts;
  }

  protected override stmtList(...stops: string[]): StmtNode[] {
    const stmts: StmtNode[] = [];
    let gotEnd = true;
    loop: while (this.tok !== T.EOF) {
      const newLine = this.got(T.Newl);
      switch (this.tok) {
        case T.LitWord:
          if (stops.includes(this.val)) break loop;
          if (this.val === "}") this.curErr(`${q("}")} can only be used to close a block`);
          break;
        case T.rightParen:
          if (this.quote === Q.subCmd) break loop;
          break;
        case T.bckQuote:
          if (this.backquoteEnd()) break loop;
          break;
        case T.dblSemicolon:
        case T.semiAnd:
        case T.dblSemiAnd:
        case T.semiOr:
          if (this.quote === Q.switchCase) break loop;
          this.curErr(`${tokenQuoted(this.tok)} can only be used in a case clause`);
      }
      if (!newLine && !gotEnd) this.curErr("statements must be separated by &, ; or a newline");
      if (this.tok === T.EOF) break;
      const s = this.getStmt(true, false);
      if (s === null) this.invalidStmtStart();
      gotEnd = s.semicolon >= 0;
      stmts.push(s);
    }
    return stmts;
  }

  private invalidStmtStart(): never {
    switch (this.tok) {
      case T.semicolon:
      case T.and:
      case T.or:
      case T.andAnd:
      case T.orOr:
      case T.andPipe:
      case T.andBang:
        return this.curErr(`${tokenQuoted(this.tok)} can only immediately follow a statement`);
      case T.rightParen:
        return this.curErr(`${tokenQuoted(this.tok)} can only be used to close a subshell`);
      default:
        return this.curErr(`${tokenQuoted(this.tok)} is not a valid start for a statement`);
    }
  }

  private followStmts(left: string, lpos: number, ...stops: string[]): StmtNode[] {
    if (this.got(T.semicolon)) this.followErr(lpos, q(left), "a statement list");
    const stmts = this.stmtList(...stops);
    if (stmts.length < 1) this.followErr(lpos, q(left), "a statement list");
    return stmts;
  }

  private followRsrv(lpos: number, left: string, val: string): number {
    const pos = this.gotRsrv(val);
    if (pos < 0) this.followErr(lpos, q(left), q(val));
    return pos;
  }

  private stmtEnd(nodePos: number, start: string, end: string): number {
    const pos = this.gotRsrv(end);
    if (pos < 0) this.posErr(nodePos, `${q(start)} statement must end with ${q(end)}`);
    return pos;
  }

  private followWordTok(tok: number, pos: number): WordNode {
    const w = this.getWord();
    if (w === null) this.followErr(pos, tokenQuoted(tok), "a word");
    return w;
  }

  // ---- here-documents ----

  /** The stop word of a heredoc and whether it was quoted (last part decides, as in mvdan). */
  private unquotedWord(w: WordNode): [string, boolean] {
    let buf = "";
    let quoted = false;
    const part = (p: Part, quotes: boolean): boolean => {
      switch (p.t) {
        case "lit": {
          let q2 = false;
          const v = p.value;
          for (let i = 0; i < v.length; i++) {
            if (v[i] === "\\" && !quotes) {
              if (++i < v.length) buf += v[i];
              q2 = true;
            } else buf += v[i];
          }
          return q2;
        }
        case "sgl":
          buf += p.value;
          return true;
        case "dbl":
          for (const p2 of p.parts) part(p2, true);
          return true;
        default:
          return false;
      }
    };
    for (const p of w.parts) quoted = part(p, false);
    return [buf, quoted];
  }

  protected override doHeredocs(): void {
    const hdocs = this.heredocs.slice(this.buriedHdocs);
    if (hdocs.length === 0) return;
    this.rune(); // consume the '\n'
    const old = this.quote;
    this.heredocs.length = this.buriedHdocs;
    for (let i = 0; i < hdocs.length; i++) {
      const r = hdocs[i]!;
      this.quote = r.op === T.dashHdoc ? Q.hdocBodyTabs : Q.hdocBody;
      const [stop, quoted] = this.unquotedWord(r.word!);
      this.hdocStops.push(stop);
      if (i > 0 && this.r === 10) this.rune();
      if (quoted) {
        r.hdoc = this.quotedHdocWord();
      } else {
        this.next();
        r.hdoc = this.getWord();
      }
      if (this.hdocStops[this.hdocStops.length - 1] !== null) {
        this.posErr(r.n !== null ? r.n.pos : r.opPos, `unclosed here-document ${q(stop)}`);
      }
      this.hdocStops.pop();
    }
    this.quote = old;
  }

  // ---- statements ----

  private getStmt(readEnd: boolean, binCmd: boolean): StmtNode | null {
    const pos = this.pos;
    let s = newStmt(pos);
    if (this.gotRsrv("!") >= 0) {
      s.negated = true;
      if (this.stopToken()) this.posErr(pos, `${q("!")} cannot form a statement alone`);
      if (this.gotRsrv("!") >= 0) this.posErr(pos, "cannot negate a command multiple times");
    }
    const piped = this.gotStmtPipe(s, false);
    if (piped === null) return null;
    s = piped;
    while (this.tok === T.andAnd || this.tok === T.orOr) {
      if (binCmd) return s; // left associativity
      const opPos = this.pos;
      const op = this.tok;
      this.next();
      this.got(T.Newl);
      const y = this.getStmt(false, true);
      if (y === null) this.followErr(opPos, tokenQuoted(op), "a statement");
      const ns = newStmt(s.pos);
      ns.cmd = { t: "binary", op, x: s, y };
      s = ns;
    }
    if (readEnd) {
      switch (this.tok) {
        case T.semicolon:
          s.semicolon = this.pos;
          this.next();
          break;
        case T.and:
          s.semicolon = this.pos;
          this.next();
          s.background = true;
          break;
        case T.orAnd:
          s.semicolon = this.pos;
          this.next();
          s.wideEnd = true;
          break;
      }
    }
    return s;
  }

  private gotStmtPipe(s: StmtNode, binCmd: boolean): StmtNode | null {
    while (this.peekRedir()) this.doRedirect(s);
    const redirsStart = s.redirs.length;
    switch (this.tok) {
      case T.LitWord:
        this.keywordCommand(s);
        if (s.cmd !== null) break;
        if (this.hasValidIdent()) {
          this.callExpr(s, null, true);
          break;
        }
        {
          const name = this.lit(this.pos, this.val);
          this.next();
          if (this.tok === T.leftParen) {
            this.next();
            if (!this.got(T.rightParen)) this.followErr(name.pos, q("foo("), tokenQuoted(T.rightParen));
            this.funcDecl(s, name.pos);
          } else {
            this.callExpr(s, { parts: [name] }, false);
          }
        }
        break;
      case T.bckQuote:
      case T.Lit:
      case T.dollBrace:
      case T.dollDblParen:
      case T.dollParen:
      case T.dollar:
      case T.cmdIn:
      case T.assgnParen:
      case T.cmdOut:
      case T.sglQuote:
      case T.dollSglQuote:
      case T.dblQuote:
      case T.dollDblQuote:
      case T.dollBrack:
      case T.globQuest:
      case T.globStar:
      case T.globPlus:
      case T.globAt:
      case T.globExcl: {
        if (this.tok === T.bckQuote && this.backquoteEnd()) break;
        if (this.hasValidIdent()) {
          this.callExpr(s, null, true);
          break;
        }
        const w = this.wordAnyNumber();
        if (this.got(T.leftParen)) this.posErr(wordPos(w), "invalid func name");
        this.callExpr(s, w, false);
        break;
      }
      case T.leftParen:
        if (this.r === 0x29) {
          this.rune();
          const fpos = this.pos;
          this.next();
          if (this.tok === T.LitWord && this.val === "{") this.posErr(fpos, "anonymous functions are a zsh feature; tried parsing as bash");
          this.funcDecl(s, fpos);
          break;
        }
        this.subshell(s);
        break;
      case T.dblLeftParen:
        this.arithmExpCmd(s);
        break;
    }
    if (s.cmd === null && s.redirs.length === 0) return null;
    if (redirsStart > 0 && s.cmd !== null && s.cmd.t !== "call") {
      this.posErr(s.pos, "redirects before compound commands are a zsh feature; tried parsing as bash");
    }
    while (this.peekRedir()) this.doRedirect(s);
    while (this.tok === T.or || this.tok === T.orAnd) {
      if (binCmd) return s; // left associativity
      const opPos = this.pos;
      const op = this.tok;
      this.next();
      this.got(T.Newl);
      const y = this.gotStmtPipe(newStmt(this.pos), true);
      if (y === null) this.followErr(opPos, tokenQuoted(op), "a statement");
      const ns = newStmt(s.pos);
      ns.cmd = { t: "binary", op, x: s, y };
      ns.negated = s.negated; // in "! x | y", the bang applies to the pipeline
      s.negated = false;
      s = ns;
    }
    return s;
  }

  /** Reserved words that start a command; leaves s.cmd null for other words. */
  private keywordCommand(s: StmtNode): void {
    const v = this.val;
    switch (v) {
      case "{":
        return this.block(s);
      case "if":
        return this.ifClause(s);
      case "while":
      case "until":
        return this.whileClause(s, v === "until");
      case "for":
        return this.forClause(s);
      case "case":
        return this.caseClause(s);
      case "}":
        return this.curErr(`${q("}")} can only be used to close a block`);
      case "then":
      case "elif":
        return this.curErr(`${q(v)} can only be used in an ${q("if")}`);
      case "fi":
        return this.curErr(`${q(v)} can only be used to end an ${q("if")}`);
      case "do":
        return this.curErr(`${q(v)} can only be used in a loop`);
      case "done":
        return this.curErr(`${q(v)} can only be used to end a loop`);
      case "esac":
        return this.curErr(`${q(v)} can only be used to end a ${q("case")}`);
      case "!":
        if (!s.negated) this.curErr(`${q("!")} can only be used in full statements`);
        return;
      case "[[":
        return this.testClause(s);
      case "]]":
        return this.curErr(`${q("]]")} can only be used to close a test`);
      case "let":
        return this.letClause(s);
      case "function":
        return this.bashFuncDecl(s);
      case "time":
        return this.timeClause(s);
      case "coproc":
        return this.coprocClause(s);
      case "select":
        return this.selectClause(s);
    }
    if (DECL_WORDS.has(v)) this.declClause(s);
  }

  private subshell(s: StmtNode): void {
    const lparen = this.pos;
    const old = this.preNested(Q.subCmd);
    this.next();
    const stmts = this.followStmts("(", lparen);
    this.postNested(old);
    const rparen = this.matched(lparen, T.leftParen, T.rightParen);
    s.cmd = compound("Subshell", lparen, rparen + 1, stmts);
  }

  private arithmExpCmd(s: StmtNode): void {
    const left = this.pos;
    const old = this.preNested(Q.arithmExprCmd);
    this.next();
    if (this.tok === T.hash) this.posErr(left, "unsigned expressions are a mksh feature; tried parsing as bash");
    this.followArithm(T.dblLeftParen, left);
    const right = this.arithmEnd(T.dblLeftParen, left, old);
    s.cmd = compound("ArithmCmd", left, right + 2, []);
  }

  private block(s: StmtNode): void {
    const lbrace = this.pos;
    this.next();
    const stmts = this.followStmts("{", lbrace, "}");
    const rbrace = this.gotRsrv("}");
    if (rbrace < 0) this.matchingErr(lbrace, T.leftBrace, T.rightBrace);
    s.cmd = compound("Block", lbrace, rbrace + 1, stmts);
  }

  private ifClause(s: StmtNode): void {
    const ifPos = this.pos;
    this.next();
    const body = this.followStmts("if", ifPos, "then");
    const thenPos = this.followRsrv(ifPos, "if <cond>", "then");
    body.push(...this.followStmts("then", thenPos, "fi", "elif", "else"));
    while (this.tok === T.LitWord && this.val === "elif") {
      const elifPos = this.pos;
      this.next();
      body.push(...this.followStmts("elif", elifPos, "then"));
      const elifThen = this.followRsrv(elifPos, "elif <cond>", "then");
      body.push(...this.followStmts("then", elifThen, "fi", "elif", "else"));
    }
    const elsePos = this.gotRsrv("else");
    if (elsePos >= 0) body.push(...this.followStmts("else", elsePos, "fi"));
    const fiPos = this.stmtEnd(ifPos, "if", "fi");
    s.cmd = compound("IfClause", ifPos, fiPos + 2, body);
  }

  private whileClause(s: StmtNode, until: boolean): void {
    const whilePos = this.pos;
    const rsrv = until ? "until" : "while";
    this.next();
    const body = this.followStmts(rsrv, whilePos, "do");
    const doPos = this.followRsrv(whilePos, `${rsrv} <cond>`, "do");
    body.push(...this.followStmts("do", doPos, "done"));
    const donePos = this.stmtEnd(whilePos, rsrv, "done");
    s.cmd = compound("WhileClause", whilePos, donePos + 4, body);
  }

  private forClause(s: StmtNode): void {
    const forPos = this.pos;
    this.next();
    this.loop(forPos);
    let start = "do";
    let end = "done";
    let doPos = this.gotRsrv("{");
    if (doPos >= 0) {
      start = "{";
      end = "}";
    } else {
      doPos = this.followRsrv(forPos, "for foo [in words]", "do");
    }
    const body = this.followStmts(start, doPos, end);
    const donePos = this.stmtEnd(forPos, "for", end);
    s.cmd = compound("ForClause", forPos, donePos + end.length, body);
  }

  private loop(fpos: number): void {
    if (this.tok === T.dblLeftParen) {
      const lparen = this.pos;
      const old = this.preNested(Q.arithmExprCmd);
      this.next();
      this.arithmExpr(false);
      if (!this.got(T.dblSemicolon)) {
        if (!this.got(T.semicolon)) this.followErr(this.pos, q("expr"), tokenQuoted(T.semicolon));
        this.arithmExpr(false);
        if (!this.got(T.semicolon)) this.followErr(this.pos, q("expr"), tokenQuoted(T.semicolon));
      }
      this.arithmExpr(false);
      this.arithmEnd(T.dblLeftParen, lparen, old);
      this.got(T.semicolon);
      this.got(T.Newl);
      return;
    }
    this.wordIter("for", fpos);
  }

  private wordIter(ftok: string, fpos: number): void {
    if (this.getLit() === null) this.followErr(fpos, q(ftok), "a literal");
    if (this.got(T.semicolon)) {
      this.got(T.Newl);
      return;
    }
    this.got(T.Newl);
    if (this.gotRsrv("in") >= 0) {
      while (!this.stopToken()) {
        if (this.getWord() === null) this.curErr("word list can only contain words");
      }
      this.got(T.semicolon);
      this.got(T.Newl);
    } else if (!(this.tok === T.LitWord && this.val === "do")) {
      this.followErr(fpos, q(`${ftok} foo`), "`in`, `do`, `;`, or a newline");
    }
  }

  private selectClause(s: StmtNode): void {
    const forPos = this.pos;
    this.next();
    this.wordIter("select", forPos);
    const doPos = this.followRsrv(forPos, "select foo [in words]", "do");
    const body = this.followStmts("do", doPos, "done");
    const donePos = this.stmtEnd(forPos, "select", "done");
    s.cmd = compound("ForClause", forPos, donePos + 4, body);
  }

  private caseClause(s: StmtNode): void {
    const casePos = this.pos;
    this.next();
    if (this.getWord() === null) this.followErr(casePos, q("case"), "a word");
    this.got(T.Newl);
    if (this.gotRsrv("{") >= 0) this.posErr(casePos, "`case i {` is a mksh feature; tried parsing as bash");
    this.followRsrv(casePos, "case x", "in");
    const body = this.caseItems("esac");
    const esacPos = this.stmtEnd(casePos, "case", "esac");
    s.cmd = compound("CaseClause", casePos, esacPos + 4, body);
  }

  private caseItems(stop: string): StmtNode[] {
    const body: StmtNode[] = [];
    this.got(T.Newl);
    while (this.tok !== T.EOF && !(this.tok === T.LitWord && this.val === stop)) {
      this.got(T.leftParen);
      while (this.tok !== T.EOF) {
        if (this.getWord() === null) this.curErr("case patterns must consist of words");
        if (this.tok === T.rightParen) break;
        if (!this.got(T.or)) this.curErr(`case patterns must be separated with ${tokenQuoted(T.or)}`);
      }
      const old = this.preNested(Q.switchCase);
      this.next();
      body.push(...this.stmtList(stop));
      this.postNested(old);
      switch (this.tok) {
        case T.dblSemicolon:
        case T.semiAnd:
        case T.dblSemiAnd:
        case T.semiOr:
          break;
        default:
          return body;
      }
      this.next();
      this.got(T.Newl);
    }
    return body;
  }

  private testClause(s: StmtNode): void {
    const left = this.pos;
    const old = this.preNested(Q.testExpr);
    this.next();
    if (this.testExprBinary(false) === null) this.followErrExp(left, tokenQuoted(T.dblLeftBrack));
    const right = this.pos;
    if (this.gotRsrv("]]") < 0) this.matchingErr(left, T.dblLeftBrack, T.dblRightBrack);
    this.postNested(old);
    s.cmd = compound("TestClause", left, right + 2, []);
  }

  private testExprBinary(pastAndOr: boolean): TestNode | null {
    this.got(T.Newl);
    const left = pastAndOr ? this.testExprUnary() : this.testExprBinary(true);
    if (left === null) return null;
    this.got(T.Newl);
    switch (this.tok) {
      case T.andAnd:
      case T.orOr:
      case T.rdrIn:
      case T.rdrOut:
        break;
      case T.LitWord: {
        if (this.val === "]]") return left;
        const op = own(BINARY_TESTS, this.val);
        if (op === T.illegal) this.curErr(`not a valid test operator: ${q(this.val)}`);
        this.tok = op;
        break;
      }
      case T.EOF:
      case T.rightParen:
        return left;
      case T.Lit:
        return this.curErr("test operator words must consist of a single literal");
      default:
        return this.curErr(`not a valid test operator: ${tokenQuoted(this.tok)}`);
    }
    const opPos = this.pos;
    const op = this.tok;
    if (op === T.andAnd || op === T.orOr) {
      this.next();
      if (this.testExprBinary(false) === null) this.followErrExp(opPos, tokenQuoted(op));
      return { word: false };
    }
    if (op === T.tsReMatch) {
      this.rxOpenParens = 0;
      this.rxFirstPart = true;
      this.quote = Q.testExprRegexp;
    }
    if (!left.word) this.posErr(opPos, "expected `&&`, `||` or `]]` after complex expr");
    this.next();
    this.followWordTok(op, opPos);
    return { word: false };
  }

  private testExprUnary(): TestNode | null {
    switch (this.tok) {
      case T.EOF:
      case T.rightParen:
        return null;
      case T.LitWord: {
        const op = own(UNARY_TESTS, this.val);
        if (op !== T.illegal) this.tok = op;
      }
    }
    const tok = this.tok;
    if (tok === T.exclMark) {
      const opPos = this.pos;
      this.next();
      if (this.testExprBinary(false) === null) this.followErrExp(opPos, tokenQuoted(tok));
      return { word: false };
    }
    if (tok >= T.tsExists && tok <= T.tsRefVar) {
      const opPos = this.pos;
      this.next();
      this.followWordTok(tok, opPos);
      return { word: false };
    }
    if (tok === T.leftParen) {
      const lparen = this.pos;
      this.next();
      if (this.testExprBinary(false) === null) this.followErrExp(lparen, tokenQuoted(T.leftParen));
      this.matched(lparen, T.leftParen, T.rightParen);
      return { word: false };
    }
    if (tok === T.LitWord && this.val === "]]") return null;
    return this.getWord() !== null ? { word: true } : null;
  }

  private declClause(s: StmtNode): void {
    const variant = this.lit(this.pos, this.val);
    this.next();
    const args: AssignNode[] = [];
    while (!this.stopToken() && !this.peekRedir()) {
      if (this.hasValidIdent()) {
        args.push(this.getAssign(false));
      } else if (isLit(this.tok) && this.eqlOffs > 0 && !this.val.slice(0, this.eqlOffs).includes("{")) {
        this.curErr("invalid var name");
      } else if (this.tok === T.LitWord && validName(this.val)) {
        args.push(nakedAssign(this.getLit(), null));
      } else {
        const w = this.getWord();
        if (w === null) this.followErr(this.pos, q(variant.value), "names or assignments");
        args.push(nakedAssign(null, w));
      }
    }
    s.cmd = { t: "decl", variant, args };
  }

  private timeClause(s: StmtNode): void {
    const timePos = this.pos;
    this.next();
    this.gotRsrv("-p");
    const stmt = this.gotStmtPipe(newStmt(this.pos), false);
    s.cmd = compound("TimeClause", timePos, timePos + 4, stmt === null ? [] : [stmt], stmt);
  }

  private coprocClause(s: StmtNode): void {
    const coprocPos = this.pos;
    this.next();
    if (this.tok === T.leftParen || this.tok === T.dblLeftParen || (this.tok === T.LitWord && BASH_COMPOUND.has(this.val))) {
      const stmt = this.gotStmtPipe(newStmt(this.pos), false)!;
      s.cmd = compound("CoprocClause", coprocPos, -1, [stmt], stmt);
      return;
    }
    const name = this.getWord();
    let stmt = this.gotStmtPipe(newStmt(this.pos), false);
    if (stmt === null) {
      if (name === null) this.posErr(coprocPos, "coproc clause requires a command");
      // the name was in fact the command
      stmt = newStmt(wordPos(name));
      stmt.cmd = { t: "call", assigns: [], args: [name] };
    } else if (name !== null && stmt.cmd !== null && stmt.cmd.t === "call") {
      // the name was in fact the start of a call
      stmt.cmd.args.unshift(name);
    }
    s.cmd = compound("CoprocClause", coprocPos, -1, [stmt], stmt);
  }

  private letClause(s: StmtNode): void {
    const letPos = this.pos;
    const old = this.preNested(Q.arithmExprLet);
    this.next();
    let end = -1;
    while (!this.stopToken() && !this.peekRedir()) {
      const x = this.arithmExpr(true);
      if (x === null) break;
      end = x.end;
    }
    if (end < 0) this.followErrExp(letPos, q("let"));
    this.postNested(old);
    s.cmd = compound("LetClause", letPos, end, []);
  }

  private bashFuncDecl(s: StmtNode): void {
    const fpos = this.pos;
    this.next();
    let names = 0;
    while (this.tok === T.LitWord && this.val !== "{") {
      names++;
      this.next();
    }
    const hasParens = this.got(T.leftParen);
    if (names === 0) {
      if (hasParens || (this.tok === T.LitWord && this.val === "{")) {
        this.posErr(fpos, "anonymous functions are a zsh feature; tried parsing as bash");
      }
      this.followErr(fpos, q("function"), "a name");
    } else if (names > 1) {
      this.posErr(fpos, "multi-name functions are a zsh feature; tried parsing as bash");
    }
    if (hasParens && !this.got(T.rightParen)) this.followErr(fpos, q("function foo("), tokenQuoted(T.rightParen));
    this.funcDecl(s, fpos);
  }

  private funcDecl(s: StmtNode, pos: number): void {
    this.got(T.Newl);
    const body = this.getStmt(false, false);
    if (body === null) this.followErr(pos, q("foo()"), "a statement");
    s.cmd = compound("FuncDecl", pos, -1, [body], body);
  }

  // ---- simple commands ----

  private hasValidIdent(): boolean {
    if (!isLit(this.tok)) return false;
    let end = this.eqlOffs;
    if (end > 0) {
      if (this.val[end - 1] === "+") end--; // a+=x
      if (validName(this.val.slice(0, end))) return true;
    } else if (!validName(this.val)) {
      return false; // *[i]=x
    }
    return this.r === 0x5b; // a[i]=x
  }

  private getAssign(needEqual: boolean): AssignNode {
    const as: AssignNode = { name: null, value: null, arrayEnd: -1, index: null, naked: false, append: false };
    if (this.eqlOffs > 0) {
      // foo=bar
      let nameEnd = this.eqlOffs;
      if (this.val[this.eqlOffs - 1] === "+") {
        as.append = true;
        nameEnd--;
      }
      const name = this.lit(this.pos, this.val.slice(0, nameEnd));
      name.end = name.pos + nameEnd;
      as.name = name;
      const rest = this.val.slice(this.eqlOffs + 1);
      const left = this.lit(this.pos + 1, rest);
      if (rest !== "") as.value = { parts: [{ ...left, pos: left.pos + this.eqlOffs }] };
      this.next();
    } else {
      // foo[x]=bar
      as.name = this.lit(this.pos, this.val);
      this.rune(); // hasValidIdent saw the '['
      this.pos += 1;
      as.index = this.eitherIndex();
      if (this.spaced || this.stopToken()) {
        if (needEqual) this.followErr(assignPos(as), q("a[b]"), tokenQuoted(T.assgn));
        as.naked = true;
        return as;
      }
      if (this.tok === T.assgnParen) this.curErr("arrays cannot be nested");
      if (this.val.length > 0 && this.val[0] === "+") {
        as.append = true;
        this.val = this.val.slice(1);
        this.pos += 1;
      }
      if (this.val.length < 1 || this.val[0] !== "=") {
        this.followErr(assignPos(as), q(as.append ? "a[b]+" : "a[b]"), tokenQuoted(T.assgn));
      }
      this.pos += 1;
      this.val = this.val.slice(1);
      if (this.val === "") this.next();
    }
    if (this.spaced || this.stopToken()) return as;
    if (as.value === null && this.tok === T.leftParen) {
      const lparen = this.pos;
      const old = this.preNested(Q.arrayElems);
      this.next();
      this.got(T.Newl);
      while (this.tok !== T.EOF && this.tok !== T.rightParen) {
        if (this.tok === T.leftBrack) {
          const left = this.pos;
          this.eitherIndex();
          if (this.tok === T.assgnParen) this.curErr("arrays cannot be nested");
          if (!this.got(T.assgn)) this.followErr(left, q("[x]"), tokenQuoted(T.assgn));
        }
        if (this.getWord() === null) {
          switch (this.tok) {
            case T.Newl:
            case T.rightParen:
            case T.leftBrack:
              break;
            default:
              this.curErr("array element values must be words");
          }
        }
        this.got(T.Newl);
      }
      this.postNested(old);
      as.arrayEnd = this.matched(lparen, T.leftParen, T.rightParen) + 1;
    } else {
      const w = this.getWord();
      if (w !== null) {
        if (as.value === null) as.value = w;
        else as.value.parts.push(...w.parts);
      }
    }
    return as;
  }

  private doRedirect(s: StmtNode): void {
    const n = this.getLit();
    const op = this.tok;
    const opPos = this.pos;
    if (op === T.appClob || op === T.rdrAllClob || op === T.appAllClob) {
      this.posErr(opPos, `${tokenQuoted(op)} redirects are a zsh feature; tried parsing as bash`);
    }
    const r: RedirectNode = { op, opPos, n, word: null, hdoc: null };
    s.redirs.push(r);
    this.next();
    if (op === T.hdoc || op === T.dashHdoc) {
      const old = this.quote;
      this.quote = Q.hdocWord;
      this.forbidNested = true;
      this.heredocs.push(r);
      r.word = this.followWordTok(op, opPos);
      this.quote = old;
      this.forbidNested = false;
      if (this.tok === T.Newl) this.doHeredocs();
    } else {
      r.word = this.followWordTok(op, opPos);
    }
  }

  private callExpr(s: StmtNode, w: WordNode | null, assign: boolean): void {
    const args: WordNode[] = w !== null ? [w] : [];
    const assigns: AssignNode[] = [];
    if (assign) assigns.push(this.getAssign(true));
    loop: for (;;) {
      // most frequent first: the interpreter tests cases in order
      switch (this.tok) {
        case T.LitWord: {
          if (args.length === 0 && this.hasValidIdent()) {
            assigns.push(this.getAssign(true));
            break;
          }
          const l = this.lit(this.pos, this.val);
          this.next();
          args.push({ parts: [l] });
          break;
        }
        case T.Lit:
          if (args.length === 0 && this.hasValidIdent()) {
            assigns.push(this.getAssign(true));
            break;
          }
          args.push(this.wordAnyNumber());
          break;
        case T.EOF:
        case T.Newl:
        case T.semicolon:
        case T.and:
        case T.or:
        case T.andAnd:
        case T.orOr:
        case T.orAnd:
        case T.andPipe:
        case T.andBang:
        case T.dblSemicolon:
        case T.semiAnd:
        case T.dblSemiAnd:
        case T.semiOr:
          break loop;
        case T.bckQuote:
        case T.dollBrace:
        case T.dollDblParen:
        case T.dollParen:
        case T.dollar:
        case T.cmdIn:
        case T.assgnParen:
        case T.cmdOut:
        case T.sglQuote:
        case T.dollSglQuote:
        case T.dblQuote:
        case T.dollDblQuote:
        case T.dollBrack:
        case T.globQuest:
        case T.globStar:
        case T.globPlus:
        case T.globAt:
        case T.globExcl:
          if (this.tok === T.bckQuote && this.backquoteEnd()) break loop;
          args.push(this.wordAnyNumber());
          break;
        case T.dblLeftParen:
          this.curErr(`${tokenQuoted(T.dblLeftParen)} can only be used to open an arithmetic cmd`);
          break;
        case T.rightParen:
          if (this.quote === Q.subCmd) break loop;
          this.unexpectedInCallExpr();
          break;
        default:
          if (this.peekRedir()) {
            this.doRedirect(s);
            continue;
          }
          this.unexpectedInCallExpr();
      }
    }
    if (args.length > 0) {
      for (const a of assigns) {
        if (a.index !== null || a.arrayEnd >= 0) this.posErr(assignPos(a), "inline variables cannot be arrays");
      }
    }
    s.cmd = { t: "call", assigns, args } satisfies CmdNode;
  }

  private unexpectedInCallExpr(): never {
    return this.curErr(`a command can only contain words and redirects; encountered ${tokenQuoted(this.tok)}`);
  }
}

function nakedAssign(name: LitPart | null, value: WordNode | null): AssignNode {
  return { name, value, arrayEnd: -1, index: null, naked: true, append: false };
}
