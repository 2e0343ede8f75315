/**
 * Dockerfile word expansion as BuildKit v0.34.2 does it
 * (frontend/dockerfile/shell/lex.go, Lex.ProcessWordWithMatches and
 * Lex.ProcessWords), ported statement by statement so that results, the
 * variables looked up, word splitting and error messages are identical:
 * `$V`, `${V}`, `${V:-w}` `${V-w}` `${V:+w}` `${V+w}` `${V:?w}` `${V?w}`,
 * `${V#p}` `${V##p}` `${V%p}` `${V%%p}`, `${V/p/r}` `${V//p/r}`, positional
 * and special parameters (always unset unless the environment has them),
 * single and double quotes, the escape token (`\` or a backtick), a leading
 * `<<` heredoc marker, and the Lex switches SkipUnsetEnv, SkipProcessQuotes,
 * RawQuotes and RawEscapes.
 *
 * Quirks kept on purpose because BuildKit has them: a nested `${...}` operand
 * resets the word-splitting buffer, so ProcessWords drops the part of a word
 * before it (`a${X:-b}` splits to ["b"]); a U+FEFF at the very start of the
 * word is skipped (Go text/scanner); `${V//p/r}` expands `$0` and `$$` in r.
 * Leaves out: Windows' case-insensitive variable names (BuildKit on Linux
 * compares names exactly, and so does this). Differs: about 1,500 or more
 * nested `${...}` levels exhaust V8's stack and throw ExpandError(TOO_DEEP)
 * where BuildKit still expands the word.
 */
import { ExpandError } from "./expand-error.js";
import { isDigit, isLetter, isSpace } from "../../golang/unicode.js";
import { PatternError, replacePattern, trimPrefix, trimSuffix } from "./shell-pattern.js";

/** Looks a variable up: undefined means unset (distinct from set to ""). */
export type EnvLookup = ((name: string) => string | undefined) | ReadonlyMap<string, string>;

export interface ExpandOptions {
  /** The Dockerfile's escape directive; default `\`. */
  readonly escapeToken?: "\\" | "`";
  /** Leave references to unset variables in place (`$X`, `${X:-d}` stay as written). */
  readonly skipUnsetEnv?: boolean;
  /** Treat quotes as ordinary characters. */
  readonly skipProcessQuotes?: boolean;
  /** Keep quote characters in the result. */
  readonly rawQuotes?: boolean;
  /** Keep escape tokens in the result. */
  readonly rawEscapes?: boolean;
}

export interface ExpandResult {
  readonly value: string;
  /** Variables looked up and found (set, possibly empty). */
  readonly matched: ReadonlySet<string>;
  /** Variables looked up and not found. */
  readonly unmatched: ReadonlySet<string>;
}

const EOF = -1;
const DOLLAR = 0x24;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const LT = 0x3c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;

/** An inner BuildKit error before it is wrapped with the word. */
class Failure extends Error {}

/** Go text/scanner's Peek/Next over code points, skipping a leading U+FEFF. */
class RuneScanner {
  private pos = 0;
  private ch = -2;
  constructor(private readonly src: string) {}

  private read(): number {
    if (this.pos >= this.src.length) return EOF;
    const r = this.src.codePointAt(this.pos) as number;
    this.pos += r > 0xffff ? 2 : 1;
    return r;
  }

  peek(): number {
    if (this.ch === -2) {
      this.ch = this.read();
      if (this.ch === 0xfeff) this.ch = this.read();
    }
    return this.ch;
  }

  next(): number {
    const ch = this.peek();
    if (ch !== EOF) this.ch = this.read();
    return ch;
  }
}

/** Go `string(rune)`. */
function str(r: number): string {
  return r < 0 ? "\ufffd" : String.fromCodePoint(r);
}

function isSpecialParam(r: number): boolean {
  // @ * # ? - $ ! 0
  return r === 0x40 || r === 0x2a || r === 0x23 || r === 0x3f || r === 0x2d || r === DOLLAR || r === 0x21 || r === 0x30;
}

/** Runs a pattern operation, turning a rejected pattern into a Failure. */
function patternFailure(op: () => string): string {
  try {
    return op();
  } catch (e) {
    if (e instanceof PatternError) throw new Failure(e.message);
    throw e;
  }
}

function isHeredocSpace(r: number): boolean {
  return r === 0x09 || r === 0x0d || r === 0x20;
}

/** The words buffer is shared by every nesting level, as in lex.go. */
interface SharedBuffer {
  text: string;
}

/** lex.go wordsStruct: splits on unquoted, unescaped whitespace. */
class Words {
  readonly words: string[] = [];
  private inWord = false;
  constructor(private readonly buf: SharedBuffer) {}

  addChar(ch: number): void {
    if (isSpace(ch)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.words.push(this.buf.text);
        this.buf.text = "";
        this.inWord = false;
      }
    } else this.addRawChar(ch);
  }

  addRawChar(ch: number): void {
    this.buf.text += str(ch);
    this.inWord = true;
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch.codePointAt(0) as number);
  }

  addRawString(s: string): void {
    this.buf.text += s;
    this.inWord = true;
  }

  getWords(): string[] {
    if (this.buf.text.length > 0) {
      this.words.push(this.buf.text);
      this.buf.text = "";
      this.inWord = false;
    }
    return this.words;
  }
}

interface Segment {
  readonly result: string;
  readonly words: string[];
}

class ShellWord {
  readonly matches = new Set<string>();
  readonly nonmatches = new Set<string>();
  private readonly scanner: RuneScanner;
  private readonly buffer: SharedBuffer = { text: "" };
  private rawEscapes: boolean;
  private readonly escapeToken: number;

  constructor(
    word: string,
    private readonly env: EnvLookup,
    private readonly opts: ExpandOptions,
  ) {
    this.scanner = new RuneScanner(word);
    this.rawEscapes = opts.rawEscapes ?? false;
    this.escapeToken = (opts.escapeToken ?? "\\").codePointAt(0) as number;
  }

  process(): Segment {
    return this.processStopOn(EOF, this.rawEscapes, false);
  }

  private processStopOn(stopChar: number, rawEscapes: boolean, preservePatternEscapes: boolean): Segment {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.stopOn(stopChar, preservePatternEscapes);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private stopOn(stopChar: number, preservePatternEscapes: boolean): Segment {
    const sc = this.scanner;
    const quotes = !this.opts.skipProcessQuotes;
    let result = "";
    this.buffer.text = "";
    const words = new Words(this.buffer);
    while (sc.peek() !== EOF) {
      let ch = sc.peek();
      if (stopChar !== EOF && ch === stopChar) {
        sc.next();
        return { result, words: words.getWords() };
      }
      if (ch === DOLLAR) {
        const tmp = this.processDollar();
        result += tmp;
        words.addString(tmp);
      } else if (ch === LT || (quotes && (ch === SQUOTE || ch === DQUOTE))) {
        const tmp =
          ch === LT
            ? this.processPossibleHeredoc()
            : ch === SQUOTE
              ? this.processSingleQuote(preservePatternEscapes)
              : this.processDoubleQuote(preservePatternEscapes);
        result += tmp;
        words.addRawString(tmp);
      } else {
        ch = sc.next();
        if (ch === this.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += str(ch);
          }
          ch = sc.next();
          if (ch === EOF) break;
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        result += str(ch);
      }
    }
    if (stopChar !== EOF) {
      throw new Failure(`unexpected end of statement while looking for matching ${str(stopChar)}`);
    }
    return { result, words: words.getWords() };
  }

  private processSingleQuote(preservePatternEscapes: boolean): string {
    const sc = this.scanner;
    let result = "";
    let ch = sc.next();
    if (this.opts.rawQuotes) result += str(ch);
    for (;;) {
      ch = sc.next();
      if (ch === EOF) throw new Failure("unexpected end of statement while looking for matching single-quote");
      if (ch === SQUOTE) {
        if (this.opts.rawQuotes) result += str(ch);
        return result;
      }
      if (preservePatternEscapes && ch === this.escapeToken) result += str(ch);
      result += str(ch);
    }
  }

  private processDoubleQuote(preservePatternEscapes: boolean): string {
    const sc = this.scanner;
    let result = "";
    const first = sc.next();
    if (this.opts.rawQuotes) result += str(first);
    for (;;) {
      const peek = sc.peek();
      if (peek === EOF) throw new Failure("unexpected end of statement while looking for matching double-quote");
      if (peek === DQUOTE) {
        const ch = sc.next();
        if (this.opts.rawQuotes) result += str(ch);
        return result;
      }
      if (peek === DOLLAR) {
        result += this.processDollar();
        continue;
      }
      let ch = sc.next();
      if (ch === this.escapeToken) {
        const after = sc.peek();
        if (after === EOF) continue; // an escape at the end of the word is dropped
        if (after === DQUOTE || after === DOLLAR || after === this.escapeToken) {
          if (this.rawEscapes) result += str(ch);
          ch = sc.next();
        } else if (this.rawEscapes && (!this.opts.rawQuotes || preservePatternEscapes)) {
          result += str(ch);
        }
      }
      result += str(ch);
    }
  }

  /** A nested operand up to `stop`; an error at the end of input becomes `missing`. */
  private operand(stop: number, rawEscapes: boolean, preserve: boolean, missing: string): string {
    try {
      return this.processStopOn(stop, rawEscapes, preserve).result;
    } catch (e) {
      if (e instanceof Failure && this.scanner.peek() === EOF) throw new Failure(missing);
      throw e;
    }
  }

  private processDollar(): string {
    const sc = this.scanner;
    sc.next();

    if (sc.peek() !== LBRACE) {
      const name = this.processName();
      if (name === "") return "$";
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return "$" + name;
      return value ?? "";
    }

    sc.next();
    const first = sc.peek();
    if (first === EOF) throw new Failure("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) throw new Failure("syntax error: bad substitution");
    const name = this.processName();
    let ch = sc.next();
    let chs = str(ch);
    let nullIsUnset = false;

    if (ch === RBRACE) {
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return "${" + name + "}";
      return value ?? "";
    }
    if (ch === COLON) {
      nullIsUnset = true;
      ch = sc.next();
      chs += str(ch);
    }
    if (nullIsUnset || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
      const isPattern = ch === 0x23 || ch === 0x25; // # %
      if (nullIsUnset && isPattern) throw new Failure(`unsupported modifier (${chs}) in substitution`);
      let word = this.operand(RBRACE, isPattern, isPattern, "syntax error: missing '}'");

      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return "${" + name + chs + word + "}";
      const empty = value === undefined || (nullIsUnset && value === "");
      switch (ch) {
        case 0x2d: // -
          return empty ? word : (value as string);
        case 0x2b: // +
          return empty ? "" : word;
        case 0x3f: // ?
          if (value === undefined) {
            throw new Failure(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
          }
          if (nullIsUnset && value === "") {
            throw new Failure(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
          }
          return value;
        case 0x25: // %
        case 0x23: {
          // # and % take the shortest match, ## and %% the longest.
          let greedy = false;
          if (word.length > 0 && word.codePointAt(0) === ch) {
            greedy = true;
            word = word.slice(1);
          }
          const v = value ?? "";
          return patternFailure(() => (ch === 0x25 ? trimSuffix(word, v, greedy) : trimPrefix(word, v, greedy)));
        }
        default:
          throw new Failure(`unsupported modifier (${chs}) in substitution`);
      }
    }
    if (ch === SLASH) {
      const replaceAll = sc.peek() === SLASH;
      if (replaceAll) sc.next();
      const pattern = this.operand(SLASH, true, true, "syntax error: missing '/' in ${}");
      const replacement = this.operand(RBRACE, true, false, "syntax error: missing '}'");
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return "${" + name + "/" + pattern + "/" + replacement + "}";
      return patternFailure(() => replacePattern(pattern, value ?? "", replacement, replaceAll));
    }
    throw new Failure(`unsupported modifier (${chs}) in substitution`);
  }

  private processName(): string {
    const sc = this.scanner;
    let name = "";
    while (sc.peek() !== EOF) {
      const ch = sc.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (sc.peek() !== EOF && isDigit(sc.peek())) name += str(sc.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) return str(sc.next());
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      name += str(sc.next());
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    const sc = this.scanner;
    sc.next();
    if (sc.peek() !== LT) return "<";
    sc.next();
    let space = "";
    while (isHeredocSpace(sc.peek())) space += str(sc.next());
    return "<<" + space;
  }

  private getEnv(name: string): string | undefined {
    const env = this.env;
    const v = typeof env === "function" ? env(name) : env.get(name);
    if (v !== undefined) this.matches.add(name);
    else this.nonmatches.add(name);
    return v;
  }
}

function toSorted(s: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...s].sort());
}

/**
 * Lex.ProcessWordWithMatches: expands `word` and reports which variables were
 * looked up and found or not. Throws ExpandError where BuildKit fails.
 */
export function expandWord(word: string, env: EnvLookup, opts: ExpandOptions = {}): ExpandResult {
  const sw = new ShellWord(word, env, opts);
  const { result } = run(word, () => sw.process());
  return { value: result, matched: toSorted(sw.matches), unmatched: toSorted(sw.nonmatches) };
}

/**
 * Lex.ProcessWords: expands `word` and splits the result on whitespace that
 * was neither quoted nor escaped (whitespace coming from a variable's value
 * splits too). Throws ExpandError where BuildKit fails.
 */
export function expandWords(word: string, env: EnvLookup, opts: ExpandOptions = {}): string[] {
  const sw = new ShellWord(word, env, opts);
  return run(word, () => sw.process()).words;
}

/** The one ExpandError reason BuildKit never gives (see run). */
export const TOO_DEEP = "word nested too deeply to expand";

function run(word: string, op: () => Segment): Segment {
  try {
    return op();
  } catch (e) {
    if (e instanceof Failure) throw new ExpandError(word, e.message);
    // Go's stack grows to a gigabyte; V8's does not. Thousands of nested
    // `${V:-${V:-...}}` levels are reported instead of crashing (BuildKit expands them).
    if (e instanceof RangeError) throw new ExpandError(word, TOO_DEEP);
    throw e;
  }
}
