/**
 * Words and their parts: literals, quotes, `$x`, `${…}`, `$(…)`, backquotes,
 * `$((…))`, `$[…]`, process substitution and extended globs. A port of the
 * word half of mvdan.cc/sh/v3/syntax parser.go (v3.14.1: wordParts,
 * wordPart, paramExp, dblQuoted, cmdSubst) for Bash, rejecting what it
 * rejects. Expansions become opaque parts with their offsets; the
 * statements inside `$(…)` are parsed (for errors) and dropped, as goship's
 * view does not look into them. Leaves out zsh/mksh-only forms, which are
 * errors in Bash.
 */
import { ArithmParser } from "./arithmetic.js";
import { ESC_NEWL, PLAIN_SGL, paramNameRune, paramNameStartRune, PEEK_EOF, Q, RUNE_EOF, singleRuneParam, numberLiteral, validName } from "./lexer.js";
import type { ExpPart, LitPart, Part, WordNode } from "./nodes.js";
import { isLit, T, tokenQuoted } from "./tokens.js";

const BQ = "`";

export abstract class WordParser extends ArithmParser {
  protected forbidNested = false;

  protected abstract stmtList(...stops: string[]): unknown[];

  protected wordAnyNumber(): WordNode {
    return { parts: this.wordParts([]) };
  }

  protected getWord(): WordNode | null {
    const w = this.wordAnyNumber();
    return w.parts.length > 0 ? w : null;
  }

  protected wordParts(wps: Part[]): Part[] {
    const cont = this.quote === Q.noState;
    if (cont) this.quote = Q.unquotedWordCont;
    for (;;) {
      const n = this.wordPart();
      if (n === null) break;
      wps.push(n);
      if (this.spaced) break;
    }
    if (cont) this.quote = Q.noState;
    return wps;
  }

  private ensureNoNested(pos: number): void {
    if (this.forbidNested) this.posErr(pos, "expansions not allowed in heredoc words");
  }

  private exp(pos: number, end: number): ExpPart {
    return { t: "exp", pos, end };
  }

  protected wordPart(): Part | null {
    switch (this.tok) {
      case T.Lit:
      case T.LitWord:
      case T.LitRedir: {
        const l = this.lit(this.pos, this.val);
        this.next();
        return l;
      }
      case T.dollBrace: {
        this.ensureNoNested(this.pos);
        const r = this.r;
        if (r === 0x7c /* | */ || r === 0x20 /*   */ || r === 0x09 /* \t */ || r === 0x0a /* \n */) {
          // ${ stmts;} and ${|stmts;}
          const left = this.pos;
          const old = this.preNested(Q.subCmdBraces);
          this.rune(); // don't tokenize '|'
          this.next();
          this.stmtList("}");
          this.postNested(old);
          const right = this.gotRsrv("}");
          if (right < 0) this.matchingErr(left, T.dollBrace, T.rightBrace);
          return this.exp(left, right + 1);
        }
        return this.paramExp();
      }
      case T.dollDblParen:
      case T.dollBrack: {
        this.ensureNoNested(this.pos);
        const left = this.tok;
        const lpos = this.pos;
        const old = this.preNested(Q.arithmExpr);
        this.next();
        if (this.tok === T.hash) this.posErr(lpos, "unsigned expressions are a mksh feature; tried parsing as bash");
        this.followArithm(left, lpos);
        if (left === T.dollBrack) {
          if (this.tok !== T.rightBrack) this.arithmMatchingErr(lpos, T.dollBrack, T.rightBrack);
          this.postNested(old);
          const right = this.pos;
          this.next();
          return this.exp(lpos, right + 1);
        }
        return this.exp(lpos, this.arithmEnd(T.dollDblParen, lpos, old) + 2);
      }
      case T.dollParen:
        this.ensureNoNested(this.pos);
        return this.cmdSubst();
      case T.dollar: {
        const pe = this.paramExp();
        if (pe === null) {
          // not an expansion, like the end of "foo$"
          const l = this.lit(this.pos, "$");
          this.next();
          return l;
        }
        this.ensureNoNested(pe.pos);
        return pe;
      }
      case T.assgnParen:
        return this.curErr(`${tokenQuoted(T.assgnParen)} process substitutions are a zsh feature; tried parsing as bash`);
      case T.cmdIn:
      case T.cmdOut: {
        this.ensureNoNested(this.pos);
        const op = this.tok;
        const opPos = this.pos;
        const old = this.preNested(Q.subCmd);
        this.next();
        this.stmtList();
        this.postNested(old);
        return this.exp(opPos, this.matched(opPos, op, T.rightParen) + 1);
      }
      case T.sglQuote:
      case T.dollSglQuote: {
        const left = this.pos;
        const dollar = this.tok === T.dollSglQuote;
        let r = this.r;
        for (this.newLit(r); ; r = this.rune()) {
          if (r < 0x80 && PLAIN_SGL[r] === 1) {
            this.skipPlain(PLAIN_SGL);
            continue;
          }
          switch (r) {
            case 0x5c /* \\ */:
              if (dollar) this.rune();
              break;
            case 0x27 /* ' */: {
              const right = this.nextPos();
              const value = this.endLit();
              this.rune();
              this.next();
              return { t: "sgl", value, pos: left, end: right + 1 };
            }
            case ESC_NEWL:
              this.litAppend("\\\n");
              break;
            case RUNE_EOF:
              this.tok = T.EOF;
              return this.quoteErr(left, T.sglQuote);
          }
        }
      }
      case T.dblQuote:
      case T.dollDblQuote:
        if (this.quote === Q.dblQuotes) return null; // the closing quote
        return this.dblQuoted();
      case T.bckQuote: {
        if (this.backquoteEnd()) return null;
        this.ensureNoNested(this.pos);
        const left = this.pos;
        const old = this.preNested(Q.subCmdBckquo);
        this.openBquotes++;
        if (old.quote === Q.dblQuotes) this.openBquoteDbls++;
        this.rune(); // the lexer left the backquote for us
        this.next();
        this.stmtList();
        if (this.tok === T.bckQuote && this.lastBquoteEsc < this.openBquotes - 1) {
          // found ` before the nested backquote \` was closed
          this.tok = T.EOF;
          this.quoteErr(left, T.bckQuote);
        }
        this.postNested(old);
        this.openBquotes--;
        if (old.quote === Q.dblQuotes) this.openBquoteDbls--;
        const right = this.pos;
        this.rune();
        if (!this.got(T.bckQuote)) this.quoteErr(left, T.bckQuote);
        return this.exp(left, right + 1);
      }
      case T.globQuest:
      case T.globStar:
      case T.globPlus:
      case T.globAt:
      case T.globExcl: {
        const op = this.tok;
        const opPos = this.pos;
        let lparens = 1;
        let r = this.r;
        for (this.newLit(r); ; r = this.rune()) {
          if (r === RUNE_EOF) break;
          if (r === 0x28 /* ( */) lparens++;
          else if (r === 0x29 /* ) */ && --lparens === 0) break;
        }
        const pattern = this.lit(opPos + 2, this.endLit());
        this.rune();
        this.next();
        if (lparens !== 0) this.matchingErr(opPos, op, T.rightParen);
        return this.exp(opPos, pattern.end + 1);
      }
      default:
        return null;
    }
  }

  protected cmdSubst(): ExpPart {
    const left = this.pos;
    const old = this.preNested(Q.subCmd);
    this.next();
    this.stmtList();
    this.postNested(old);
    return this.exp(left, this.matched(left, T.dollParen, T.rightParen) + 1);
  }

  private dblQuoted(): Part {
    const left = this.pos;
    const old = this.quote;
    this.quote = Q.dblQuotes;
    this.next();
    const parts = this.wordParts([]);
    this.quote = old;
    const right = this.pos;
    if (!this.got(T.dblQuote)) this.quoteErr(left, T.dblQuote);
    return { t: "dbl", parts, pos: left, end: right + 1 };
  }

  /** True when a parameter name may follow a prefix rune like the `#` of `${#x}`, consuming the prefix. */
  private paramNameStart(short: boolean): boolean {
    const r = this.peek();
    if (paramNameStartRune(r) || (!short && (r === 0x22 /* " */ || r === PEEK_EOF))) {
      this.rune();
      return true;
    }
    return false;
  }

  /**
   * `$name` or `${…}` (tok is dollar or dollBrace). Null when a `$` does not
   * start an expansion, so it is a literal.
   */
  protected paramExp(): ExpPart | null {
    const old = this.quote;
    this.quote = Q.runeByRune;
    const dollar = this.pos;
    const short = this.tok === T.dollar;
    if (!short && this.r === 0x28 /* ( */) this.posErr(dollar, "parameter expansion flags are a zsh feature; tried parsing as bash");
    let length = false;
    let excl = false;
    if (!short) {
      switch (this.r) {
        case 0x23 /* # */:
          if (this.paramNameStart(short)) length = true;
          break;
        case 0x25 /* % */:
          if (this.paramNameStart(short)) this.posErr(dollar, "`${%foo}` is a mksh feature; tried parsing as bash");
          break;
        case 0x21 /* ! */:
          if (this.paramNameStart(short)) excl = true;
          break;
        case 0x2b /* + */:
          if (this.paramNameStart(short)) this.posErr(dollar, "`${+foo}` is a zsh feature; tried parsing as bash");
          break;
      }
    }
    // the parameter itself
    if (!short) {
      let quotePos = -1;
      if (this.r === 0x22 /* " */) {
        quotePos = this.nextPos();
        this.rune();
      }
      if (this.r !== 0x24 /* $ */) {
        if (quotePos >= 0) this.posErr(dollar, "invalid nested parameter expansion");
      } else {
        const p1 = this.peek();
        if (p1 === 0x7b /* { */ || p1 === 0x28 /* ( */) this.posErr(this.nextPos(), "nested parameter expansions are a zsh feature; tried parsing as bash");
      }
    }
    let param: LitPart;
    const r0 = this.r;
    if ((r0 === 0x3f /* ? */ || r0 === 0x2d /* - */) && length && this.peek() !== 0x7d /* } */) {
      // ${#-default}, not ${#-}
      length = false;
      const pos = this.nextPos();
      param = { t: "lit", value: "#", pos: pos - 1, end: pos };
    } else if (r0 === 0x3f /* ? */ || r0 === 0x2d /* - */ || r0 === 0x40 /* @ */ || r0 === 0x2a /* * */ || r0 === 0x23 /* # */ || r0 === 0x21 /* ! */ || r0 === 0x24 /* $ */) {
      const pos = this.nextPos();
      this.rune();
      param = this.lit(pos, String.fromCharCode(r0));
    } else {
      const pos = this.nextPos();
      if (short && r0 < 0x80 && singleRuneParam(r0)) {
        this.val = String.fromCharCode(r0);
        this.rune();
      } else {
        for (this.newLit(this.r); this.r !== RUNE_EOF; this.rune()) {
          if (!paramNameRune(this.r) && this.r !== ESC_NEWL) break;
        }
        this.val = this.endLit();
        if (!numberLiteral(this.val) && !validName(this.val)) {
          if (short) {
            this.quote = old;
            return null; // just "$"
          }
          this.posErr(pos, "invalid parameter name");
        }
      }
      param = this.lit(pos, this.val);
    }
    if (short) {
      this.quote = old;
      this.next();
      return this.exp(dollar, param.end);
    }
    if (this.r === 0x5b /* [ */) {
      if (!validName(param.value)) this.posErr(this.nextPos(), "cannot index a special parameter name");
      this.pos = this.nextPos();
      this.rune();
      this.eitherIndex();
    }
    const tokRune = this.r;
    this.pos = this.nextPos();
    this.tok = this.paramToken(this.r);
    if (this.tok === T.rightBrace) {
      const rbrace = this.pos;
      this.quote = old;
      this.next();
      return this.exp(dollar, rbrace + 1);
    }
    if (this.tok !== T.EOF && length) this.curErr("cannot combine multiple parameter expansion operators");
    switch (this.tok) {
      case T.slash:
      case T.dblSlash:
        this.quote = Q.paramExpRepl;
        this.next();
        this.getWord();
        this.quote = Q.paramExpExp;
        if (this.got(T.slash)) this.getWord();
        break;
      case T.colon: {
        let colonPos = this.pos;
        this.quote = Q.paramExpSlice;
        this.next();
        if (this.tok !== T.colon) this.followArithm(T.colon, colonPos);
        colonPos = this.pos;
        if (this.got(T.colon)) this.followArithm(T.colon, colonPos);
        this.quote = old;
        const rbrace = this.pos;
        this.matchedArithm(dollar, T.dollBrace, T.rightBrace);
        return this.exp(dollar, rbrace + 1);
      }
      case T.caret:
      case T.dblCaret:
      case T.comma:
      case T.dblComma:
        this.paramExpExp();
        break;
      case T.at:
      case T.star:
        if (this.tok === T.star && !excl) this.curErr(`not a valid parameter expansion operator: ${tokenQuoted(this.tok)}`);
        else if (excl && this.r === 0x7d /* } */) this.next();
        else this.paramExpExp();
        break;
      case T.plus:
      case T.colPlus:
      case T.minus:
      case T.colMinus:
      case T.quest:
      case T.colQuest:
      case T.assgn:
      case T.colAssgn:
      case T.perc:
      case T.dblPerc:
      case T.hash:
      case T.dblHash:
        this.paramExpExp();
        break;
      case T.colHash:
      case T.colPipe:
      case T.colStar:
        this.curErr(`${tokenQuoted(this.tok)} expansions are a zsh feature; tried parsing as bash`);
        break;
      case T.EOF:
        break;
      default:
        if (tokRune < 0x80 && paramNameRune(tokRune)) this.curErr(`${BQ}${param.value}${BQ} cannot be followed by a word`);
        this.curErr(`not a valid parameter expansion operator: ${BQ}${String.fromCharCode(tokRune)}${BQ}`);
    }
    if (this.tok !== T.EOF && this.tok !== T.rightBrace) this.tok = this.paramToken(this.r);
    this.quote = old;
    return this.exp(dollar, this.matched(dollar, T.dollBrace, T.rightBrace) + 1);
  }

  private paramExpExp(): void {
    const op = this.tok;
    this.quote = Q.paramExpExp;
    this.next();
    if (op === T.at) {
      if (!isLit(this.tok)) {
        this.curErr("@ expansion operator requires a literal");
      }
      switch (this.val) {
        case "a":
        case "k":
        case "u":
        case "A":
        case "E":
        case "K":
        case "L":
        case "P":
        case "U":
        case "Q":
          break;
        case "#":
          this.curErr("this expansion operator is a mksh feature; tried parsing as bash");
          break;
        default:
          this.curErr(`invalid @ expansion operator ${BQ}${this.val}${BQ}`);
      }
    }
    this.getWord();
  }
}
