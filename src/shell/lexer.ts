/**
 * The shell lexer: a port of mvdan.cc/sh/v3/syntax lexer.go (v3.14.1) for
 * the Bash variant, rune by rune, with its quote states, so that tokens,
 * literal values and offsets match the reference parser exactly (the
 * differential test in test/differential/shell.test.ts holds it to that).
 * Works on a JavaScript string: offsets are UTF-16 indices and each code
 * unit is one rune (only ASCII is syntax, so this changes nothing else).
 * Leaves out other dialects (zsh, mksh, POSIX), comments kept as nodes,
 * streaming input and StopAt. The first error throws a ShellSyntaxError
 * (mvdan keeps only its first error too).
 */
import { T, tokenQuoted } from "./tokens.js";
import type { LitPart, RedirectNode, WordNode } from "./nodes.js";

export const RUNE_EOF = 0x110000;
export const ESC_NEWL = 0x110001;
/** What peek returns past the end of the input (utf8.RuneSelf). */
export const PEEK_EOF = 0x80;
/** What peek returns for any non-ASCII unit (a UTF-8 lead byte in Go). */
const PEEK_OTHER = 0xff;

/** Lexer states (mvdan's quoteState bits). */
export const Q = {
  noState: 1 << 0,
  runeByRune: 1 << 1,
  unquotedWordCont: 1 << 2,
  subCmd: 1 << 3,
  subCmdBckquo: 1 << 4,
  subCmdBraces: 1 << 5,
  dblQuotes: 1 << 6,
  hdocWord: 1 << 7,
  hdocBody: 1 << 8,
  hdocBodyTabs: 1 << 9,
  arithmExpr: 1 << 10,
  arithmExprLet: 1 << 11,
  arithmExprCmd: 1 << 12,
  testExpr: 1 << 13,
  testExprRegexp: 1 << 14,
  switchCase: 1 << 15,
  paramExpArithm: 1 << 16,
  paramExpSlice: 1 << 17,
  paramExpRepl: 1 << 18,
  paramExpExp: 1 << 19,
  arrayElems: 1 << 20,
} as const;

const ALL_KEEP_SPACES = Q.runeByRune | Q.paramExpRepl | Q.dblQuotes | Q.hdocBody | Q.hdocBodyTabs | Q.paramExpExp;
const ALL_REG_TOKENS =
  Q.noState | Q.unquotedWordCont | Q.subCmd | Q.subCmdBckquo | Q.subCmdBraces | Q.hdocWord | Q.switchCase | Q.arrayElems | Q.testExpr;
export const ALL_ARITHM_EXPR = Q.arithmExpr | Q.arithmExprLet | Q.arithmExprCmd | Q.paramExpArithm | Q.paramExpSlice;
const ALL_PARAM_EXP = Q.paramExpArithm | Q.paramExpSlice | Q.paramExpRepl | Q.paramExpExp;

/** A syntax error at a 0-based offset of the script. */
export class ShellSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

const NL = 10,
  CR = 13,
  TAB = 9,
  SP = 32,
  BSL = 0x5c /* \\ */,
  BQ = 0x60 /* ` */,
  DQ = 0x22 /* " */,
  SQ = 0x27 /* ' */,
  DOLLAR = 0x24 /* $ */;

function asciiLetter(r: number): boolean {
  return (r >= 97 && r <= 122) || (r >= 65 && r <= 90);
}
function asciiDigit(r: number): boolean {
  return r >= 48 && r <= 57;
}
export function paramNameRune(r: number): boolean {
  return asciiLetter(r) || asciiDigit(r) || r === 95;
}
/** A 128-entry membership table over ASCII characters. */
function asciiSet(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const SINGLE_RUNE_PARAM = asciiSet("@*#$?!-0123456789");
const REG_OPS = asciiSet(";\"'()$|&><`");
const PARAM_OPS = asciiSet("}#!:-+=?%[]/^,@*");
const ARITHM_OPS = asciiSet("+-!~*/%()^<>:=,?|&[]#.");

/** Printable ASCII (plus the listed controls) except the listed characters. */
function plainSet(except: string, controls = ""): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0x20; i < 0x7f; i++) t[i] = 1;
  for (let i = 0; i < controls.length; i++) t[controls.charCodeAt(i)] = 1;
  for (let i = 0; i < except.length; i++) t[except.charCodeAt(i)] = 0;
  return t;
}
/** Runs of characters that need no decision, per loop (for skipPlain). */
const PLAIN_NONE = plainSet(" &|;()\\<>`\"'$?*+@!=}[");
const PLAIN_DQ = plainSet('"\\`$', "\t\n");
const PLAIN_HDOC = plainSet("$\\`", "\t");
const PLAIN_COMMENT = plainSet("\\`", "\t");
export const PLAIN_SGL = plainSet("'\\", "\t\n");

export function singleRuneParam(r: number): boolean {
  return r < 0x80 && SINGLE_RUNE_PARAM[r] === 1;
}
export function paramNameStartRune(r: number): boolean {
  return r < 0x80 && (singleRuneParam(r) || paramNameRune(r));
}

function regOps(r: number): boolean {
  return r < 0x80 && REG_OPS[r] === 1;
}
function paramOps(r: number): boolean {
  return r < 0x80 && PARAM_OPS[r] === 1;
}
function arithmOps(r: number): boolean {
  return r < 0x80 && ARITHM_OPS[r] === 1;
}
function bquoteEscaped(b: number): boolean {
  return b === DOLLAR || b === BQ || b === BSL;
}

/** ValidName: a POSIX name. */
export function validName(val: string): boolean {
  if (val === "") return false;
  for (let i = 0; i < val.length; i++) {
    const r = val.charCodeAt(i);
    if (asciiLetter(r) || r === 95) continue;
    if (i > 0 && asciiDigit(r)) continue;
    return false;
  }
  return true;
}

export function numberLiteral(val: string): boolean {
  if (val === "") return false;
  for (let i = 0; i < val.length; i++) if (!asciiDigit(val.charCodeAt(i))) return false;
  return true;
}

/** Tokens that end a simple command or a word list (mvdan's stopToken, backquotes aside). */
const STOP_TOKENS = new Uint8Array(64);
for (const t of [
  T.EOF, T.Newl, T.semicolon, T.and, T.or, T.andAnd, T.orOr, T.orAnd, T.andPipe, T.andBang,
  T.dblSemicolon, T.semiAnd, T.dblSemiAnd, T.semiOr, T.rightParen,
]) STOP_TOKENS[t] = 1;

export abstract class Lexer {
  protected readonly src: string;
  private readonly n: number;
  /** Index of the unit after `r`. */
  protected bsp = 0;
  /** Current rune, or RUNE_EOF / ESC_NEWL. */
  protected r = 0;
  /** Width of `r` in units. */
  protected w = 0;
  protected spaced = false;
  protected tok: number = T.illegal;
  protected val = "";
  /** Offset of `tok`. */
  protected pos = 0;
  protected quote: number = Q.noState;
  protected eqlOffs = 0;
  /**
   * The literal being collected (mvdan's litBs), kept as a flushed prefix
   * plus the source range [litFrom, litTo) read since, to avoid building
   * strings rune by rune.
   */
  private litOn = false;
  private litPre = "";
  private litFrom = 0;
  private litTo = 0;
  protected openBquotes = 0;
  protected openBquoteDbls = 0;
  protected lastBquoteEsc = 0;
  protected rxOpenParens = 0;
  protected rxFirstPart = false;
  protected buriedHdocs = 0;
  protected heredocs: RedirectNode[] = [];
  protected hdocStops: (string | null)[] = [];

  constructor(src: string) {
    this.src = src;
    this.n = src.length;
  }

  protected abstract doHeredocs(): void;

  // ---- helpers shared by the parser layers (parser.go) ----

  protected posErr(offset: number, message: string): never {
    throw new ShellSyntaxError(offset, message);
  }

  protected curErr(message: string): never {
    return this.posErr(this.pos, message);
  }

  protected followErr(pos: number, left: string, right: string): never {
    return this.posErr(pos, `${left} must be followed by ${right}`);
  }

  protected matchingErr(lpos: number, left: number, right: number): never {
    return this.posErr(lpos, `reached ${tokenQuoted(this.tok)} without matching ${tokenQuoted(left)} with ${tokenQuoted(right)}`);
  }

  protected quoteErr(lpos: number, quote: number): never {
    return this.posErr(lpos, `reached ${tokenQuoted(this.tok)} without closing quote ${tokenQuoted(quote)}`);
  }

  protected lit(pos: number, value: string): LitPart {
    return { t: "lit", value, pos, end: this.nextPos() };
  }

  protected wordOneLit(pos: number, value: string): WordNode {
    return { parts: [this.lit(pos, value)] };
  }

  protected got(tok: number): boolean {
    if (this.tok === tok) {
      this.next();
      return true;
    }
    return false;
  }

  /** Consumes the reserved word `val`; its offset, or -1 when absent. */
  protected gotRsrv(val: string): number {
    const pos = this.pos;
    if (this.tok === T.LitWord && this.val === val) {
      this.next();
      return pos;
    }
    return -1;
  }

  /** Consumes `right`, returning its offset; otherwise a matching error. */
  protected matched(lpos: number, left: number, right: number): number {
    const pos = this.pos;
    if (!this.got(right)) this.matchingErr(lpos, left, right);
    return pos;
  }

  protected preNested(quote: number): { quote: number; buriedHdocs: number } {
    const saved = { quote: this.quote, buriedHdocs: this.buriedHdocs };
    this.buriedHdocs = this.heredocs.length;
    this.quote = quote;
    return saved;
  }

  protected postNested(s: { quote: number; buriedHdocs: number }): void {
    this.quote = s.quote;
    this.buriedHdocs = s.buriedHdocs;
  }

  protected stopToken(): boolean {
    const t = this.tok;
    if (t < STOP_TOKENS.length && STOP_TOKENS[t] === 1) return true;
    return t === T.bckQuote && this.backquoteEnd();
  }

  protected peekRedir(): boolean {
    const t = this.tok;
    return t === T.LitRedir || (t >= T.rdrOut && t <= T.appAllClob);
  }

  /** Offset of `r`. */
  protected nextPos(): number {
    return this.bsp - this.w;
  }

  protected rune(): number {
    let bquotes = 0;
    for (;;) {
      if (this.bsp >= this.n) {
        this.bsp = this.n + 1;
        this.r = RUNE_EOF;
        this.w = 1;
        return RUNE_EOF;
      }
      const b = this.src.charCodeAt(this.bsp);
      this.bsp++;
      if (b < 0x80) {
        if (b === 0) continue; // bash ignores NUL bytes
        if (b === CR) {
          if (this.peek() === NL) continue; // \r\n is \n
        } else if (b === BSL) {
          if (this.r === BSL) {
            // an escaped backslash cannot start a line continuation
          } else if (this.peek() === NL) {
            this.bsp++;
            this.w = 1;
            this.r = ESC_NEWL;
            return ESC_NEWL;
          } else if (this.peekAt(0) === CR && this.peekAt(1) === NL) {
            this.bsp += 2;
            this.w = 2;
            this.r = ESC_NEWL;
            return ESC_NEWL;
          }
          if (this.openBquotes > 0 && this.bsp < this.n) {
            const nb = this.src.charCodeAt(this.bsp);
            if ((bquotes < this.openBquotes && bquoteEscaped(nb)) || (bquotes < this.openBquoteDbls && nb === DQ)) {
              // backquotes are parsed like $(): drop the extra escaping backslash
              bquotes++;
              continue;
            }
          }
        }
        if (b === BQ) this.lastBquoteEsc = bquotes;
      }
      if (this.litOn) {
        const i = this.bsp - 1;
        if (i === this.litTo) this.litTo++;
        else {
          this.litPre += this.src.slice(this.litFrom, this.litTo);
          this.litFrom = i;
          this.litTo = i + 1;
        }
      }
      this.w = 1;
      this.r = b;
      return b;
    }
  }

  /**
   * Consumes the characters after `r` while `plain` marks them, exactly as
   * repeated rune() calls would (none of them is special to rune()); the
   * last one becomes `r`. A fast path for long literal runs.
   */
  protected skipPlain(plain: Uint8Array): void {
    const src = this.src;
    const from = this.bsp;
    let i = from;
    while (i < this.n) {
      const b = src.charCodeAt(i);
      if (b < 0x80 && plain[b] !== 1) break;
      i++;
    }
    if (i === from) return;
    if (this.litOn) {
      if (this.litTo === from) this.litTo = i;
      else {
        this.litPre += src.slice(this.litFrom, this.litTo);
        this.litFrom = from;
        this.litTo = i;
      }
    }
    this.bsp = i;
    this.r = src.charCodeAt(i - 1);
    this.w = 1;
  }

  protected peek(): number {
    return this.peekAt(0);
  }

  private peekAt(k: number): number {
    const i = this.bsp + k;
    if (i >= this.n) return PEEK_EOF;
    const b = this.src.charCodeAt(i);
    return b < 0x80 ? b : PEEK_OTHER;
  }

  private nextKeepSpaces(): void {
    let r = this.r;
    if (this.quote !== Q.hdocBody && this.quote !== Q.hdocBodyTabs) {
      while (r === ESC_NEWL) r = this.rune();
    }
    this.pos = this.nextPos();
    switch (this.quote) {
      case Q.runeByRune:
        this.tok = T.illegal;
        break;
      case Q.dblQuotes:
        if (r === BQ || r === DQ || r === DOLLAR) this.tok = this.dqToken(r);
        else this.advanceLitDquote(r);
        break;
      case Q.hdocBody:
      case Q.hdocBodyTabs:
        if (r === BQ || r === DOLLAR) this.tok = this.dqToken(r);
        else this.advanceLitHdoc(r);
        break;
      case Q.paramExpRepl:
      case Q.paramExpExp:
        if (this.quote === Q.paramExpRepl && r === 0x2f /* / */) {
          this.rune();
          this.tok = T.slash;
        } else if (r === 0x7d /* } */) this.tok = this.paramToken(r);
        else if (r === BQ || r === DQ || r === DOLLAR || r === SQ) this.tok = this.regToken(r);
        else this.advanceLitOther(r);
        break;
    }
  }

  protected next(): void {
    if (this.r === RUNE_EOF) {
      this.tok = T.EOF;
      return;
    }
    this.spaced = false;
    if ((this.quote & ALL_KEEP_SPACES) !== 0) {
      this.nextKeepSpaces();
      return;
    }
    let r = this.r;
    while (r === ESC_NEWL) r = this.rune();
    for (;;) {
      // skip spaces
      for (;;) {
        if (r === RUNE_EOF) {
          this.tok = T.EOF;
          return;
        } else if (r === ESC_NEWL) {
          r = this.rune();
        } else if (r === SP || r === TAB || r === CR) {
          this.spaced = true;
          r = this.rune();
        } else if (r === NL) {
          if (this.tok === T.Newl) {
            r = this.rune(); // merge consecutive newlines
            continue;
          }
          this.spaced = true;
          this.tok = T.Newl;
          if (this.quote !== Q.hdocWord && this.heredocs.length > this.buriedHdocs) this.doHeredocs();
          return;
        } else break;
      }
      this.pos = this.nextPos();
      const q = this.quote;
      if ((q & ALL_REG_TOKENS) !== 0) {
        this.nextRegular(r);
      } else if (q === Q.paramExpArithm && r === 0x23 /* # */) {
        this.advanceLitOther(r);
      } else if ((q & ALL_ARITHM_EXPR) !== 0 && arithmOps(r)) {
        this.tok = this.arithmToken(r);
      } else if ((q & ALL_PARAM_EXP) !== 0 && paramOps(r)) {
        this.tok = this.paramToken(r);
      } else if (q === Q.testExprRegexp) {
        if (!this.rxFirstPart && this.spaced) {
          this.quote = Q.testExpr;
          continue; // back to skipping spaces
        }
        this.rxFirstPart = false;
        switch (r) {
          case 0x3b /* ; */:
          case DQ:
          case SQ:
          case DOLLAR:
          case 0x26 /* & */:
          case 0x3e /* > */:
          case 0x3c /* < */:
          case BQ:
            this.tok = this.regToken(r);
            break;
          case 0x29 /* ) */:
            if (this.rxOpenParens > 0) {
              this.advanceLitRe(r);
            } else {
              this.tok = T.rightParen;
              this.quote = Q.testExpr;
              this.rune();
            }
            break;
          default:
            this.advanceLitRe(r);
        }
      } else if (regOps(r)) {
        this.tok = this.regToken(r);
      } else {
        this.advanceLitOther(r);
      }
      return;
    }
  }

  private nextRegular(r: number): void {
    switch (r) {
      case 0x3b /* ; */:
      case DQ:
      case SQ:
      case 0x28 /* ( */:
      case 0x29 /* ) */:
      case DOLLAR:
      case 0x7c /* | */:
      case 0x26 /* & */:
      case 0x3e /* > */:
      case 0x3c /* < */:
      case BQ:
        this.tok = this.regToken(r);
        return;
      case 0x23 /* # */: {
        // $foo#bar, 'foo'#bar and [[ a#b ]]: not a comment
        if (!this.spaced && (this.quote === Q.unquotedWordCont || this.quote === Q.testExpr)) {
          this.advanceLitNone(r);
          return;
        }
        r = this.rune();
        this.newLit(r);
        for (;;) {
          if (r === NL || r === RUNE_EOF) break;
          if (r === ESC_NEWL) break;
          if (r === BQ && this.backquoteEnd()) break;
          if (r < 0x80 && PLAIN_COMMENT[r] === 1) this.skipPlain(PLAIN_COMMENT);
          r = this.rune();
        }
        this.litOn = false;
        this.next();
        return;
      }
      case 0x5b /* [ */:
        if (this.quote === Q.arrayElems && (this.spaced || this.tok === T.leftParen || this.tok === T.Newl)) {
          this.rune();
          this.tok = T.leftBrack;
        } else this.advanceLitNone(r);
        return;
      case 0x3d /* = */:
        if (this.peek() === 0x28 /* ( */) {
          this.rune();
          this.rune();
          this.tok = T.assgnParen;
        } else if (this.quote === Q.arrayElems) {
          this.rune();
          this.tok = T.assgn;
        } else this.advanceLitNone(r);
        return;
      case 0x3f /* ? */:
      case 0x2a /* * */:
      case 0x2b /* + */:
      case 0x40 /* @ */:
      case 0x21 /* ! */:
        if (this.extendedGlob()) {
          this.tok =
            r === 0x3f /* ? */ ? T.globQuest : r === 0x2a /* * */ ? T.globStar : r === 0x2b /* + */ ? T.globPlus : r === 0x40 /* @ */ ? T.globAt : T.globExcl;
          this.rune();
          this.rune();
        } else this.advanceLitNone(r);
        return;
      default:
        this.advanceLitNone(r);
    }
  }

  private extendedGlob(): boolean {
    if (this.val === "function") return false;
    if (this.peek() === 0x28 /* ( */) return this.peekAt(1) !== 0x29 /* ) */;
    return false;
  }

  protected regToken(r: number): number {
    switch (r) {
      case SQ:
        this.rune();
        return T.sglQuote;
      case DQ:
        this.rune();
        return T.dblQuote;
      case BQ:
        return T.bckQuote; // the parser calls rune, knowing openBquotes
      case 0x26 /* & */:
        switch (this.rune()) {
          case 0x26 /* & */:
            this.rune();
            return T.andAnd;
          case 0x3e /* > */:
            switch (this.rune()) {
              case 0x7c /* | */:
                this.rune();
                return T.rdrAllClob;
              case 0x3e /* > */:
                if (this.rune() === 0x7c /* | */) {
                  this.rune();
                  return T.appAllClob;
                }
                return T.appAll;
            }
            return T.rdrAll;
        }
        return T.and;
      case 0x7c /* | */:
        switch (this.rune()) {
          case 0x7c /* | */:
            this.rune();
            return T.orOr;
          case 0x26 /* & */:
            this.rune();
            return T.orAnd;
        }
        return T.or;
      case DOLLAR:
        switch (this.rune()) {
          case SQ:
            this.rune();
            return T.dollSglQuote;
          case DQ:
            this.rune();
            return T.dollDblQuote;
          case 0x7b /* { */:
            this.rune();
            return T.dollBrace;
          case 0x5b /* [ */:
            this.rune();
            return T.dollBrack;
          case 0x28 /* ( */:
            if (this.rune() === 0x28 /* ( */) {
              this.rune();
              return T.dollDblParen;
            }
            return T.dollParen;
        }
        return T.dollar;
      case 0x28 /* ( */:
        if (this.rune() === 0x28 /* ( */ && this.quote !== Q.testExpr) {
          this.rune();
          return T.dblLeftParen;
        }
        return T.leftParen;
      case 0x29 /* ) */:
        this.rune();
        return T.rightParen;
      case 0x3b /* ; */:
        switch (this.rune()) {
          case 0x3b /* ; */:
            if (this.rune() === 0x26 /* & */) {
              this.rune();
              return T.dblSemiAnd;
            }
            return T.dblSemicolon;
          case 0x26 /* & */:
            this.rune();
            return T.semiAnd;
        }
        return T.semicolon;
      case 0x3c /* < */:
        switch (this.rune()) {
          case 0x3c /* < */:
            switch (this.rune()) {
              case 0x2d /* - */:
                this.rune();
                return T.dashHdoc;
              case 0x3c /* < */:
                this.rune();
                return T.wordHdoc;
            }
            return T.hdoc;
          case 0x3e /* > */:
            this.rune();
            return T.rdrInOut;
          case 0x26 /* & */:
            this.rune();
            return T.dplIn;
          case 0x28 /* ( */:
            this.rune();
            return T.cmdIn;
        }
        return T.rdrIn;
      case 0x3e /* > */:
        switch (this.rune()) {
          case 0x3e /* > */:
            if (this.rune() === 0x7c /* | */) {
              this.rune();
              return T.appClob;
            }
            return T.appOut;
          case 0x26 /* & */:
            this.rune();
            return T.dplOut;
          case 0x7c /* | */:
            this.rune();
            return T.rdrClob;
          case 0x28 /* ( */:
            this.rune();
            return T.cmdOut;
        }
        return T.rdrOut;
    }
    throw new Error("unreachable");
  }

  private dqToken(r: number): number {
    switch (r) {
      case DQ:
        this.rune();
        return T.dblQuote;
      case BQ:
        return T.bckQuote;
      default:
        switch (this.rune()) {
          case 0x7b /* { */:
            this.rune();
            return T.dollBrace;
          case 0x5b /* [ */:
            this.rune();
            return T.dollBrack;
          case 0x28 /* ( */:
            if (this.rune() === 0x28 /* ( */) {
              this.rune();
              return T.dollDblParen;
            }
            return T.dollParen;
        }
        return T.dollar;
    }
  }

  protected paramToken(r: number): number {
    switch (r) {
      case 0x7d /* } */:
        this.rune();
        return T.rightBrace;
      case 0x3a /* : */:
        switch (this.rune()) {
          case 0x2b /* + */:
            this.rune();
            return T.colPlus;
          case 0x2d /* - */:
            this.rune();
            return T.colMinus;
          case 0x3f /* ? */:
            this.rune();
            return T.colQuest;
          case 0x3d /* = */:
            this.rune();
            return T.colAssgn;
          case 0x23 /* # */:
            this.rune();
            return T.colHash;
          case 0x7c /* | */:
            this.rune();
            return T.colPipe;
          case 0x2a /* * */:
            this.rune();
            return T.colStar;
        }
        return T.colon;
      case 0x2b /* + */:
        this.rune();
        return T.plus;
      case 0x2d /* - */:
        this.rune();
        return T.minus;
      case 0x3f /* ? */:
        this.rune();
        return T.quest;
      case 0x3d /* = */:
        this.rune();
        return T.assgn;
      case 0x25 /* % */:
        if (this.rune() === 0x25 /* % */) {
          this.rune();
          return T.dblPerc;
        }
        return T.perc;
      case 0x23 /* # */:
        if (this.rune() === 0x23 /* # */) {
          this.rune();
          return T.dblHash;
        }
        return T.hash;
      case 0x21 /* ! */:
        this.rune();
        return T.exclMark;
      case 0x5d /* ] */:
        this.rune();
        return T.rightBrack;
      case 0x2f /* / */:
        if (this.rune() === 0x2f /* / */) {
          this.rune();
          return T.dblSlash;
        }
        return T.slash;
      case 0x5e /* ^ */:
        if (this.rune() === 0x5e /* ^ */) {
          this.rune();
          return T.dblCaret;
        }
        return T.caret;
      case 0x2c /* , */:
        if (this.rune() === 0x2c /* , */) {
          this.rune();
          return T.dblComma;
        }
        return T.comma;
      case 0x40 /* @ */:
        this.rune();
        return T.at;
      case 0x2a /* * */:
        this.rune();
        return T.star;
      case RUNE_EOF:
        return T.EOF;
      default:
        return T.illegal;
    }
  }

  private arithmToken(r: number): number {
    switch (r) {
      case 0x21 /* ! */:
        if (this.rune() === 0x3d /* = */) {
          this.rune();
          return T.nequal;
        }
        return T.exclMark;
      case 0x3d /* = */:
        if (this.rune() === 0x3d /* = */) {
          this.rune();
          return T.equal;
        }
        return T.assgn;
      case 0x7e /* ~ */:
        this.rune();
        return T.tilde;
      case 0x28 /* ( */:
        this.rune();
        return T.leftParen;
      case 0x29 /* ) */:
        this.rune();
        return T.rightParen;
      case 0x26 /* & */:
        switch (this.rune()) {
          case 0x26 /* & */:
            this.rune();
            return T.andAnd;
          case 0x3d /* = */:
            this.rune();
            return T.andAssgn;
        }
        return T.and;
      case 0x7c /* | */:
        switch (this.rune()) {
          case 0x7c /* | */:
            this.rune();
            return T.orOr;
          case 0x3d /* = */:
            this.rune();
            return T.orAssgn;
        }
        return T.or;
      case 0x3c /* < */:
        switch (this.rune()) {
          case 0x3c /* < */:
            if (this.rune() === 0x3d /* = */) {
              this.rune();
              return T.shlAssgn;
            }
            return T.hdoc;
          case 0x3d /* = */:
            this.rune();
            return T.lequal;
        }
        return T.rdrIn;
      case 0x3e /* > */:
        switch (this.rune()) {
          case 0x3e /* > */:
            if (this.rune() === 0x3d /* = */) {
              this.rune();
              return T.shrAssgn;
            }
            return T.appOut;
          case 0x3d /* = */:
            this.rune();
            return T.gequal;
        }
        return T.rdrOut;
      case 0x2b /* + */:
        switch (this.rune()) {
          case 0x2b /* + */:
            this.rune();
            return T.addAdd;
          case 0x3d /* = */:
            this.rune();
            return T.addAssgn;
        }
        return T.plus;
      case 0x2d /* - */:
        switch (this.rune()) {
          case 0x2d /* - */:
            this.rune();
            return T.subSub;
          case 0x3d /* = */:
            this.rune();
            return T.subAssgn;
        }
        return T.minus;
      case 0x25 /* % */:
        if (this.rune() === 0x3d /* = */) {
          this.rune();
          return T.remAssgn;
        }
        return T.perc;
      case 0x2a /* * */:
        switch (this.rune()) {
          case 0x2a /* * */:
            this.rune();
            return T.power;
          case 0x3d /* = */:
            this.rune();
            return T.mulAssgn;
        }
        return T.star;
      case 0x2f /* / */:
        if (this.rune() === 0x3d /* = */) {
          this.rune();
          return T.quoAssgn;
        }
        return T.slash;
      case 0x5e /* ^ */:
        switch (this.rune()) {
          case 0x5e /* ^ */:
            this.rune();
            return T.dblCaret;
          case 0x3d /* = */:
            this.rune();
            return T.xorAssgn;
        }
        return T.caret;
      case 0x5b /* [ */:
        this.rune();
        return T.leftBrack;
      case 0x5d /* ] */:
        this.rune();
        return T.rightBrack;
      case 0x2c /* , */:
        this.rune();
        return T.comma;
      case 0x3f /* ? */:
        this.rune();
        return T.quest;
      case 0x3a /* : */:
        this.rune();
        return T.colon;
      case 0x23 /* # */:
        this.rune();
        return T.hash;
      case 0x2e /* . */:
        this.rune();
        return T.period;
    }
    throw new Error("unreachable");
  }

  protected newLit(r: number): void {
    this.litOn = true;
    this.litPre = "";
    if (r === RUNE_EOF || r === ESC_NEWL) {
      this.litFrom = this.litTo = Math.min(this.bsp, this.n);
    } else {
      this.litFrom = this.bsp - 1;
      this.litTo = this.bsp;
    }
  }

  protected litLength(): number {
    return this.litPre.length + this.litTo - this.litFrom;
  }

  protected litValue(): string {
    const seg = this.src.slice(this.litFrom, this.litTo);
    return this.litPre === "" ? seg : this.litPre + seg;
  }

  /** Appends text that is not in the source (an escaped newline kept in a quote). */
  protected litAppend(text: string): void {
    if (!this.litOn) return;
    this.litPre = this.litValue() + text;
    this.litFrom = this.litTo = Math.min(this.bsp, this.n);
  }

  protected endLit(): string {
    const lit = this.litOn ? this.litValue() : "";
    this.litOn = false;
    if (this.r === RUNE_EOF || this.r === ESC_NEWL) return lit;
    return lit.slice(0, lit.length - this.w);
  }

  private isLitRedir(): boolean {
    const lit = this.litValue().slice(0, -1);
    if (lit[0] === "{" && lit[lit.length - 1] === "}") {
      let name = lit.slice(1, -1);
      if (name.length > 0 && name[name.length - 1] === "]") {
        const i = name.indexOf("[");
        if (i > 0 && i < name.length - 2) name = name.slice(0, i);
      }
      return validName(name);
    }
    return numberLiteral(lit);
  }

  protected advanceLitOther(r: number): void {
    let tok: number = T.LitWord;
    const q = this.quote;
    loop: for (this.newLit(r); r !== RUNE_EOF; r = this.rune()) {
      switch (r) {
        case BSL:
          this.rune();
          break;
        case SQ:
        case DQ:
        case BQ:
        case DOLLAR:
          tok = T.Lit;
          break loop;
        case 0x7d /* } */:
          if ((q & ALL_PARAM_EXP) !== 0) break loop;
          break;
        case 0x2f /* / */:
          if (q !== Q.paramExpExp) break loop;
          break;
        case 0x3a /* : */:
        case 0x3d /* = */:
        case 0x25 /* % */:
        case 0x5e /* ^ */:
        case 0x2c /* , */:
        case 0x3f /* ? */:
        case 0x21 /* ! */:
        case 0x7e /* ~ */:
        case 0x2a /* * */:
        case 0x2e /* . */:
          if ((q & ALL_ARITHM_EXPR) !== 0) break loop;
          break;
        case 0x5b /* [ */:
        case 0x5d /* ] */:
          if ((q & ALL_ARITHM_EXPR) !== 0) break loop;
          if ((q & ALL_KEEP_SPACES) === 0) break loop;
          break;
        case 0x2b /* + */:
        case 0x2d /* - */:
        case SP:
        case TAB:
        case 0x3b /* ; */:
        case 0x26 /* & */:
        case 0x3e /* > */:
        case 0x3c /* < */:
        case 0x7c /* | */:
        case 0x28 /* ( */:
        case 0x29 /* ) */:
        case NL:
        case CR:
          if ((q & ALL_KEEP_SPACES) === 0) break loop;
          break;
      }
    }
    this.tok = tok;
    this.val = this.endLit();
  }

  protected advanceLitNone(r: number): void {
    this.eqlOffs = -1;
    let tok: number = T.LitWord;
    loop: for (this.newLit(r); r !== RUNE_EOF; r = this.rune()) {
      if (r < 0x80 && PLAIN_NONE[r] === 1) {
        this.skipPlain(PLAIN_NONE);
        continue;
      }
      switch (r) {
        case SP:
        case TAB:
        case NL:
        case CR:
        case 0x26 /* & */:
        case 0x7c /* | */:
        case 0x3b /* ; */:
        case 0x29 /* ) */:
        case 0x28 /* ( */:
          break loop;
        case BSL:
          this.rune();
          break;
        case 0x3e /* > */:
        case 0x3c /* < */:
          if (this.peek() === 0x28 /* ( */) tok = T.Lit;
          else if (this.isLitRedir()) tok = T.LitRedir;
          break loop;
        case BQ:
          if (this.quote !== Q.subCmdBckquo) tok = T.Lit;
          break loop;
        case DQ:
        case SQ:
        case DOLLAR:
          tok = T.Lit;
          break loop;
        case 0x3f /* ? */:
        case 0x2a /* * */:
        case 0x2b /* + */:
        case 0x40 /* @ */:
        case 0x21 /* ! */:
          if (this.extendedGlob()) {
            tok = T.Lit;
            break loop;
          }
          break;
        case 0x3d /* = */:
          if (this.eqlOffs < 0) this.eqlOffs = this.litLength() - 1;
          break;
        case 0x7d /* } */:
          if (this.quote === Q.subCmdBraces && this.litLength() === 1) {
            this.rune();
            break loop;
          }
          break;
        case 0x5b /* [ */: {
          const lit = this.litValue();
          if (lit[0] === "{") break; // bash keeps {name[idx]} whole
          if (lit.length > 1 && lit[0] !== "[") {
            tok = T.Lit;
            break loop;
          }
          break;
        }
      }
    }
    this.tok = tok;
    this.val = this.endLit();
  }

  private advanceLitDquote(r: number): void {
    let tok: number = T.LitWord;
    loop: for (this.newLit(r); r !== RUNE_EOF; r = this.rune()) {
      if (r < 0x80 && PLAIN_DQ[r] === 1) {
        this.skipPlain(PLAIN_DQ);
        continue;
      }
      switch (r) {
        case DQ:
          break loop;
        case BSL:
          this.rune();
          break;
        case ESC_NEWL:
        case BQ:
        case DOLLAR:
          tok = T.Lit;
          break loop;
      }
    }
    this.tok = tok;
    this.val = this.endLit();
  }

  private advanceLitHdoc(r: number): void {
    // After an escaped newline (lastTok Lit) the first line cannot end the heredoc.
    let lastTok = this.tok;
    while (r === ESC_NEWL) {
      r = this.rune();
      lastTok = T.Lit;
    }
    this.pos = this.nextPos();
    this.tok = T.Lit;
    this.newLit(r);
    while (this.quote === Q.hdocBodyTabs && r === TAB) r = this.rune();
    let lStart = this.litLength() - 1;
    const stop = this.hdocStops[this.hdocStops.length - 1];
    for (; ; r = this.rune()) {
      if (r < 0x80 && PLAIN_HDOC[r] === 1 && r !== NL && r !== TAB) {
        this.skipPlain(PLAIN_HDOC);
        continue;
      }
      if (r === ESC_NEWL || r === DOLLAR) {
        this.val = this.endLit();
        return;
      }
      if (r === BSL) {
        this.rune();
        continue;
      }
      if (r === BQ) {
        if (!this.backquoteEnd()) {
          this.val = this.endLit();
          return;
        }
      } else if (r !== NL && r !== RUNE_EOF) continue;
      // a newline, EOF or closing backquote: does the line end the heredoc?
      if (lStart === 0 && lastTok === T.Lit) {
        // this line follows an escaped newline
      } else if (lStart >= 0) {
        let line = this.litValue().slice(lStart);
        if (r !== RUNE_EOF && line.length > 0) line = line.slice(0, -1);
        if (line === (stop ?? "")) {
          this.tok = T.LitWord;
          this.val = this.endLit().slice(0, lStart);
          if (this.val === "") this.tok = T.Newl;
          this.hdocStops[this.hdocStops.length - 1] = null;
          return;
        }
      }
      if (r !== NL) return; // unexpected EOF or closing backquote
      while (this.quote === Q.hdocBodyTabs && this.peek() === TAB) this.rune();
      lStart = this.litLength();
    }
  }

  protected quotedHdocWord(): WordNode | null {
    let r = this.r;
    this.newLit(r);
    const pos = this.nextPos();
    const stop = this.hdocStops[this.hdocStops.length - 1];
    for (; ; r = this.rune()) {
      if (r === RUNE_EOF) return null;
      while (this.quote === Q.hdocBodyTabs && r === TAB) r = this.rune();
      const lStart = this.litLength() - 1;
      for (;;) {
        if (r === RUNE_EOF || r === NL) break;
        if (r === BQ && this.backquoteEnd()) break;
        if (r === ESC_NEWL) {
          this.litAppend("\\\n");
          break;
        }
        if (r < 0x80 && PLAIN_COMMENT[r] === 1) this.skipPlain(PLAIN_COMMENT);
        r = this.rune();
      }
      if (lStart < 0) continue;
      let line = this.litValue().slice(lStart);
      if (r !== RUNE_EOF && line.length > 0) line = line.slice(0, -1);
      if (line === (stop ?? "")) {
        this.hdocStops[this.hdocStops.length - 1] = null;
        const val = this.endLit().slice(0, lStart);
        if (val === "") return null;
        return this.wordOneLit(pos, val);
      }
    }
  }

  private advanceLitRe(r: number): void {
    for (this.newLit(r); ; r = this.rune()) {
      switch (r) {
        case BSL:
          this.rune();
          break;
        case 0x28 /* ( */:
          this.rxOpenParens++;
          break;
        case 0x29 /* ) */:
          if (--this.rxOpenParens < 0) {
            this.tok = T.LitWord;
            this.val = this.endLit();
            this.quote = Q.testExpr;
            return;
          }
          break;
        case SP:
        case TAB:
        case CR:
        case NL:
        case 0x3b /* ; */:
        case 0x26 /* & */:
        case 0x3e /* > */:
        case 0x3c /* < */:
          if (this.rxOpenParens <= 0) {
            this.tok = T.LitWord;
            this.val = this.endLit();
            this.quote = Q.testExpr;
            return;
          }
          break;
        case DQ:
        case SQ:
        case DOLLAR:
        case BQ:
          this.tok = T.Lit;
          this.val = this.endLit();
          return;
        case RUNE_EOF:
          this.tok = T.LitWord;
          this.val = this.endLit();
          this.quote = Q.noState;
          return;
      }
    }
  }

  protected backquoteEnd(): boolean {
    return this.lastBquoteEsc < this.openBquotes;
  }
}
