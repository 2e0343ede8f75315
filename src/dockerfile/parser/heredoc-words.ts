/**
 * Word splitting of BuildKit's shell lexer (frontend/dockerfile/shell, Lex
 * with SkipUnsetEnv) for the one use the parser makes of it: finding heredoc
 * words with an empty environment. With nothing set, every $name and ${...}
 * stays as written, so no value is ever substituted; only the lexing (quotes,
 * escapes, "<<" plus following blanks, ${...} syntax and its errors) matters.
 *
 * Faithful to the reference's quirks: nested ${...} parsing resets the shared
 * word buffer, text/scanner drops a leading U+FEFF, and "${a//b/c}" comes
 * back as "${a/b/c}". Runes are classified with Go's Unicode 15.0.0 tables
 * (src/golang/unicode.ts), as the lexer's unicode.IsLetter / IsDigit / IsSpace.
 *
 * Leaves out: variable values, pattern matching and everything else of word
 * expansion (that is src/dockerfile/expand).
 */
import { goQuote } from "../../golang/strconv-quote.js";
import { isDigit, isLetter, isSpace } from "../../golang/unicode.js";

const EOF = -1;

export class LexError extends Error {}

function isSpecialParam(c: number): boolean {
  return "@*#?-$!0".includes(String.fromCodePoint(c));
}

const chr = (c: number): string => (c === EOF ? "\uFFFD" : String.fromCodePoint(c));

class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly lx: Lexer) {}
  addChar(c: number): void {
    if (isSpace(c) && this.inWord) {
      if (this.lx.wordBuf.length !== 0) {
        this.words.push(this.lx.wordBuf);
        this.lx.wordBuf = "";
        this.inWord = false;
      }
    } else if (!isSpace(c)) this.addRawChar(c);
  }
  addRawChar(c: number): void {
    this.lx.wordBuf += String.fromCodePoint(c);
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch.codePointAt(0) as number);
  }
  addRawString(s: string): void {
    this.lx.wordBuf += s;
    this.inWord = true;
  }
  get(): string[] {
    if (this.lx.wordBuf.length > 0) {
      this.words.push(this.lx.wordBuf);
      this.lx.wordBuf = "";
      this.inWord = false;
    }
    return this.words;
  }
}

class Lexer {
  private readonly cps: number[];
  private pos = 0;
  /** Shared by every nested processStopOn, as in the reference. */
  wordBuf = "";
  rawEscapes: boolean;

  constructor(src: string, private readonly rawQuotes: boolean, rawEscapes: boolean) {
    this.cps = [];
    for (const ch of src) this.cps.push(ch.codePointAt(0) as number);
    if (this.cps[0] === 0xfeff) this.pos = 1;
    this.rawEscapes = rawEscapes;
  }

  peek(): number {
    return this.pos < this.cps.length ? (this.cps[this.pos] as number) : EOF;
  }

  next(): number {
    const c = this.peek();
    if (c !== EOF) this.pos++;
    return c;
  }

  processStopOn(stop: number, rawEscapes: boolean, preservePatternEscapes: boolean): [string, string[]] {
    let result = "";
    this.wordBuf = "";
    const words = new Words(this);
    const saved = this.rawEscapes;
    const toggled = rawEscapes !== saved;
    if (toggled) this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let c = this.peek();
        if (stop !== EOF && c === stop) {
          this.next();
          return [result, words.get()];
        }
        if (c === 0x24 || c === 0x3c || c === 0x27 || c === 0x22) {
          let tmp: string;
          if (c === 0x24) tmp = this.processDollar();
          else if (c === 0x3c) tmp = this.processPossibleHeredoc();
          else if (c === 0x27) tmp = this.processSingleQuote(preservePatternEscapes);
          else tmp = this.processDoubleQuote(preservePatternEscapes);
          result += tmp;
          if (c === 0x24) words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        c = this.next();
        if (c === 0x5c) {
          if (this.rawEscapes) {
            words.addRawChar(c);
            result += "\\";
          }
          c = this.next();
          if (c === EOF) break;
          words.addRawChar(c);
        } else words.addChar(c);
        result += String.fromCodePoint(c);
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${chr(stop)}`);
      return [result, words.get()];
    } finally {
      if (toggled) this.rawEscapes = !rawEscapes;
    }
  }

  processSingleQuote(preservePatternEscapes: boolean): string {
    let out = "";
    let c = this.next();
    if (this.rawQuotes) out += chr(c);
    for (;;) {
      c = this.next();
      if (c === EOF) throw new LexError("unexpected end of statement while looking for matching single-quote");
      if (c === 0x27) {
        if (this.rawQuotes) out += "'";
        return out;
      }
      if (preservePatternEscapes && c === 0x5c) out += "\\";
      out += String.fromCodePoint(c);
    }
  }

  processDoubleQuote(preservePatternEscapes: boolean): string {
    let out = "";
    const open = this.next();
    if (this.rawQuotes) out += chr(open);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError("unexpected end of statement while looking for matching double-quote");
      if (p === 0x22) {
        this.next();
        if (this.rawQuotes) out += '"';
        return out;
      }
      if (p === 0x24) {
        out += this.processDollar();
        continue;
      }
      let c = this.next();
      if (c === 0x5c) {
        const q = this.peek();
        if (q === EOF) continue;
        if (q === 0x22 || q === 0x24 || q === 0x5c) {
          if (this.rawEscapes) out += "\\";
          c = this.next();
        } else if (this.rawEscapes && (!this.rawQuotes || preservePatternEscapes)) {
          out += "\\";
        }
      }
      out += String.fromCodePoint(c);
    }
  }

  processName(): string {
    let name = "";
    while (this.peek() !== EOF) {
      const c = this.peek();
      if (name.length === 0 && isDigit(c)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(c)) return String.fromCodePoint(this.next());
      if (!isLetter(c) && !isDigit(c) && c !== 0x5f) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }

  processDollar(): string {
    this.next();
    if (this.peek() !== 0x7b) {
      const name = this.processName();
      return name === "" ? "$" : "$" + name;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 0x7b || p === 0x7d || p === 0x3a) throw new LexError("syntax error: bad substitution");
    const name = this.processName();
    let c = this.next();
    let chs = chr(c);
    let nullIsUnset = false;
    if (c === 0x7d) return "${" + name + "}";
    if (c === 0x3a) {
      nullIsUnset = true;
      c = this.next();
      chs += chr(c);
    }
    if (nullIsUnset || c === 0x2b || c === 0x2d || c === 0x3f || c === 0x23 || c === 0x25) {
      const raw = c === 0x23 || c === 0x25;
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      let word: string;
      try {
        [word] = this.processStopOn(0x7d, raw, raw);
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      return "${" + name + chs + word + "}";
    }
    if (c === 0x2f) {
      if (this.peek() === 0x2f) this.next();
      let pattern: string;
      let replacement: string;
      try {
        [pattern] = this.processStopOn(0x2f, true, true);
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
        throw e;
      }
      try {
        [replacement] = this.processStopOn(0x7d, true, false);
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== 0x3c) return "<";
    this.next();
    let space = "";
    for (let c = this.peek(); c === 0x09 || c === 0x0d || c === 0x20; c = this.peek()) {
      space += String.fromCodePoint(c);
      this.next();
    }
    return "<<" + space;
  }
}

export interface WordOptions {
  readonly rawQuotes: boolean;
  readonly rawEscapes: boolean;
}

/** Lex.ProcessWords with an empty environment; throws LexError like the reference. */
export function processWords(src: string, opts: WordOptions): string[] {
  const lx = new Lexer(src, opts.rawQuotes, opts.rawEscapes);
  try {
    return lx.processStopOn(EOF, opts.rawEscapes, false)[1];
  } catch (e) {
    if (e instanceof LexError) throw new LexError(`failed to process ${goQuote(src)}: ${e.message}`);
    throw e;
  }
}

