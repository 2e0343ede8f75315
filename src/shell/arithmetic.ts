/**
 * Arithmetic expressions (`$((…))`, `((…))`, `let`, array indexes and
 * `${a:off:len}`): a port of mvdan.cc/sh/v3/syntax parser_arithm.go
 * (v3.14.1) for Bash, with the same precedence climbing, so that the same
 * inputs are rejected. Keeps only each expression's end offset and whether
 * it is a plain name (assignable); leaves out the expression tree, which
 * goship's view never shows.
 */
import { ALL_ARITHM_EXPR, Lexer, Q, validName } from "./lexer.js";
import type { ArithNode, LitPart, WordNode } from "./nodes.js";
import { wordEnd } from "./nodes.js";
import { isLit, T, tokenQuoted } from "./tokens.js";

const ASSIGN_OPS = new Set<number>([
  T.addAssgn,
  T.subAssgn,
  T.mulAssgn,
  T.quoAssgn,
  T.remAssgn,
  T.andAssgn,
  T.orAssgn,
  T.xorAssgn,
  T.shlAssgn,
  T.shrAssgn,
  T.assgn,
  T.andBoolAssgn,
  T.orBoolAssgn,
  T.xorBoolAssgn,
  T.powAssgn,
]);

/** Binary operator levels, loosest first (bash's expr.c order). */
const LEVELS: readonly (readonly number[])[] = [
  [T.comma],
  [], // assignment, handled apart
  [], // ternary, handled apart
  [T.orOr, T.dblCaret],
  [T.andAnd],
  [T.or],
  [T.caret],
  [T.and],
  [T.equal, T.nequal],
  [T.rdrIn, T.rdrOut, T.lequal, T.gequal],
  [T.hdoc, T.appOut],
  [T.plus, T.minus],
  [T.star, T.slash, T.perc],
];

const CURLY = "`";

function isWordName(w: WordNode): boolean {
  const p = w.parts[0];
  return w.parts.length === 1 && p !== undefined && p.t === "lit" && validName(p.value);
}

export abstract class ArithmParser extends Lexer {
  protected abstract getWord(): WordNode | null;

  protected followErrExp(pos: number, left: string): never {
    return this.followErr(pos, left, "an expression");
  }

  protected arithmExpr(compact: boolean): ArithNode | null {
    return this.arithmLevel(compact, 0);
  }

  private arithmLevel(compact: boolean, level: number): ArithNode | null {
    if (level === 1) return this.arithmExprAssign(compact);
    if (level === 2) return this.arithmExprTernary(compact);
    if (level === LEVELS.length) return this.arithmExprPower(compact);
    const ops = LEVELS[level]!;
    let value = this.arithmLevel(compact, level + 1);
    for (;;) {
      if (!ops.includes(this.tok) || (compact && this.spaced)) return value;
      const op = this.tok;
      if (value === null) this.curErr(`${tokenQuoted(op)} must follow an expression`);
      const pos = this.pos;
      this.nextArithOp(compact);
      const y = this.arithmLevel(compact, level + 1);
      if (y === null) this.followErrExp(pos, tokenQuoted(op));
      value = { end: y.end, name: false };
    }
  }

  private arithmExprAssign(compact: boolean): ArithNode | null {
    const value = this.arithmExprTernary(compact);
    if (!ASSIGN_OPS.has(this.tok)) return value;
    if (compact && this.spaced) return value;
    if (value === null || !value.name) this.curErr(`${tokenQuoted(this.tok)} must follow a name`);
    const pos = this.pos;
    const tok = this.tok;
    this.nextArithOp(compact);
    const y = this.arithmExprAssign(compact);
    if (y === null) this.followErrExp(pos, tokenQuoted(tok));
    return { end: y.end, name: false };
  }

  private arithmExprTernary(compact: boolean): ArithNode | null {
    const value = this.arithmLevel(compact, 3);
    if (this.tok !== T.quest || (compact && this.spaced)) return value;
    if (value === null) this.curErr(`${tokenQuoted(this.tok)} must follow an expression`);
    const questPos = this.pos;
    this.nextArithOp(compact);
    if (this.tok === T.colon) this.followErrExp(questPos, tokenQuoted(T.quest));
    const trueExpr = this.arithmExpr(compact);
    if (trueExpr === null) this.followErrExp(questPos, tokenQuoted(T.quest));
    if (this.tok !== T.colon) this.posErr(questPos, `ternary operator missing ${CURLY}:${CURLY} after ${CURLY}?${CURLY}`);
    const colonPos = this.pos;
    this.nextArithOp(compact);
    const falseExpr = this.arithmExprTernary(compact);
    if (falseExpr === null) this.followErrExp(colonPos, tokenQuoted(T.colon));
    return { end: falseExpr.end, name: false };
  }

  private arithmExprPower(compact: boolean): ArithNode | null {
    const value = this.arithmExprUnary(compact);
    if (this.tok !== T.power || (compact && this.spaced)) return value;
    if (value === null) this.curErr(`${tokenQuoted(this.tok)} must follow an expression`);
    const pos = this.pos;
    this.nextArithOp(compact);
    const y = this.arithmExprPower(compact);
    if (y === null) this.followErrExp(pos, tokenQuoted(T.power));
    return { end: y.end, name: false };
  }

  private arithmExprUnary(compact: boolean): ArithNode | null {
    if (!compact) this.got(T.Newl);
    switch (this.tok) {
      case T.exclMark:
      case T.tilde:
      case T.plus:
      case T.minus: {
        const opPos = this.pos;
        const op = this.tok;
        this.nextArithOp(compact);
        const x = this.arithmExprUnary(compact);
        if (x === null) this.followErrExp(opPos, tokenQuoted(op));
        return { end: x.end, name: false };
      }
    }
    return this.arithmExprValue(compact);
  }

  private arithmExprValue(compact: boolean): ArithNode | null {
    let x: ArithNode;
    switch (this.tok) {
      case T.addAdd:
      case T.subSub: {
        const opPos = this.pos;
        const op = this.tok;
        this.nextArith(compact);
        if (this.tok !== T.LitWord) this.followErr(opPos, tokenQuoted(op), "a literal");
        const v = this.arithmExprValue(compact)!;
        return { end: v.end, name: false };
      }
      case T.leftParen: {
        const lparen = this.pos;
        this.nextArithOp(compact);
        this.followArithm(T.leftParen, lparen);
        const rparen = this.matched(lparen, T.leftParen, T.rightParen);
        if (this.quote === Q.paramExpArithm && this.tok === T.LitWord) {
          this.posErr(lparen, "subscript flags are a zsh feature; tried parsing as bash");
        }
        x = { end: rparen + 1, name: false };
        break;
      }
      case T.leftBrack:
        return this.curErr(`${tokenQuoted(T.leftBrack)} must follow a name like a[i]`);
      case T.colon:
        return this.curErr(`ternary operator missing ${CURLY}?${CURLY} before ${CURLY}:${CURLY}`);
      case T.LitWord: {
        const l = this.getLit()!;
        if (this.tok !== T.leftBrack) {
          x = { end: l.end, name: validName(l.value) };
          break;
        }
        const index = this.eitherIndex();
        x = { end: index.end + 1, name: true };
        break;
      }
      default: {
        if (this.tok === T.bckQuote && this.quote === Q.arithmExprLet && this.openBquotes > 0) return null;
        const w = this.getWord();
        if (w === null) return null;
        x = { end: wordEnd(w), name: isWordName(w) };
      }
    }
    if (compact && this.spaced) return x;
    if (!compact) this.got(T.Newl);
    if (this.tok === T.addAdd || this.tok === T.subSub) {
      if (!x.name) this.curErr(`${tokenQuoted(this.tok)} must follow a name`);
      const end = this.pos + 2;
      this.nextArith(compact);
      return { end, name: false };
    }
    return x;
  }

  /** Consumes a token; true if compact and the next one follows a space. */
  private nextArith(compact: boolean): boolean {
    this.next();
    if (compact && this.spaced) return true;
    if (!compact) this.got(T.Newl);
    return false;
  }

  private nextArithOp(compact: boolean): void {
    const pos = this.pos;
    const tok = this.tok;
    if (this.nextArith(compact)) this.followErrExp(pos, tokenQuoted(tok));
  }

  protected getLit(): LitPart | null {
    if (isLit(this.tok)) {
      const l = this.lit(this.pos, this.val);
      this.next();
      return l;
    }
    return null;
  }

  protected followArithm(ftok: number, fpos: number): ArithNode {
    const x = this.arithmExpr(false);
    if (x === null) this.followErrExp(fpos, tokenQuoted(ftok));
    return x;
  }

  protected arithmMatchingErr(pos: number, left: number, right: number): never {
    switch (this.tok) {
      case T.Lit:
      case T.LitWord:
        return this.curErr(`not a valid arithmetic operator: ${CURLY}${this.val}${CURLY}`);
      case T.leftBrack:
        return this.curErr(`${tokenQuoted(T.leftBrack)} must follow a name like a[i]`);
      case T.colon:
        return this.curErr(`ternary operator missing ${CURLY}?${CURLY} before ${CURLY}:${CURLY}`);
      case T.rightParen:
      case T.EOF:
        return this.matchingErr(pos, left, right);
      case T.period:
        return this.curErr("floating point arithmetic is a zsh feature; tried parsing as bash");
      default:
        if ((this.quote & ALL_ARITHM_EXPR) !== 0) {
          this.curErr(`not a valid arithmetic operator: ${tokenQuoted(this.tok)}`);
        }
        return this.matchingErr(pos, left, right);
    }
  }

  protected matchedArithm(lpos: number, left: number, right: number): void {
    if (!this.got(right)) this.arithmMatchingErr(lpos, left, right);
  }

  /** Closes `((`: expects `))`; returns the offset of the first `)`. */
  protected arithmEnd(ltok: number, lpos: number, old: { quote: number; buriedHdocs: number }): number {
    if (!(this.tok === T.rightParen && this.r === 0x29)) this.arithmMatchingErr(lpos, ltok, T.dblRightParen);
    this.rune();
    this.postNested(old);
    const pos = this.pos;
    this.next();
    return pos;
  }

  /** `[index]` of an array: an arithmetic expression or a key. */
  protected eitherIndex(): ArithNode {
    const old = this.quote;
    const lpos = this.pos;
    this.quote = Q.paramExpArithm;
    this.next();
    if (this.tok === T.star || this.tok === T.at) {
      this.val = this.tok === T.star ? "*" : "@";
      this.tok = T.LitWord;
    }
    const expr = this.followArithm(T.leftBrack, lpos);
    this.quote = old;
    this.matchedArithm(lpos, T.leftBrack, T.rightBrack);
    return expr;
  }
}
