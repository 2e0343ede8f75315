/**
 * BuildKit's line parsers (parser/line_parsers.go) and newNodeFromLine: one
 * function per argument shape, chosen by keyword: JSON-or-shell (RUN, CMD,
 * ENTRYPOINT, SHELL), JSON-or-list (ADD, COPY, VOLUME), key=value (ENV,
 * LABEL, with the legacy `ENV key value`), names (ARG), whitespace lists
 * (FROM, EXPOSE), a single string (USER, WORKDIR, MAINTAINER, STOPSIGNAL),
 * HEALTHCHECK and ONBUILD. Unknown keywords keep one empty argument, as in
 * the reference (instructions/ rejects them).
 *
 * Offsets are UTF-16 indexes into the logical line.
 */
import { goQuote } from "../../golang/strconv-quote.js";
import { goToLower, leadingSpaceEnd } from "../../golang/strings.js";
import { isSpace } from "../../golang/unicode.js";
import { utf8Bytes } from "../../golang/utf8.js";
import { parseJsonArray } from "../go/json-array.js";
import { SyntaxProblem } from "./errors.js";
import { splitCommand, splitWhitespace, type FlagWord, type Span } from "./split-command.js";

export interface RawArg {
  readonly value: string;
  readonly span?: Span;
  readonly sub?: RawNode;
}

export interface RawNode {
  readonly cmd: string;
  readonly cmdSpan: Span;
  readonly flags: readonly FlagWord[];
  readonly args: readonly RawArg[];
  readonly json: boolean;
  readonly original: string;
  readonly argsSpan: Span;
}

interface Parsed {
  readonly args: readonly RawArg[];
  readonly json: boolean;
}

type LineParser = (rest: string, base: number, escape: number) => Parsed;

const NONE: Parsed = { args: [], json: false };

const arg = (value: string, start: number, end: number): RawArg => ({ value, span: { start, end } });

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** parseWords: blank-separated words, quotes and escapes kept as written. */
export function parseWords(rest: string, escape: number): Word[] {
  const words: Word[] = [];
  let phase = 0; // 0 spaces, 1 word, 2 quote
  let quote = 0;
  let blankOK = false;
  let buf = "";
  let start = 0;
  const n = rest.length;
  for (let pos = 0; pos <= n; ) {
    let ch = 0;
    let w = 1;
    if (pos !== n) {
      ch = rest.codePointAt(pos) as number;
      w = ch > 0xffff ? 2 : 1;
    }
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch)) {
        pos += w;
        continue;
      }
      phase = 1;
      start = pos;
    }
    if (pos === n) {
      if (blankOK || buf.length > 0) words.push({ text: buf, start, end: pos });
      break;
    }
    if (phase === 1) {
      if (isSpace(ch)) {
        phase = 0;
        if (blankOK || buf.length > 0) words.push({ text: buf, start, end: pos });
        buf = "";
        blankOK = false;
        pos += w;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escape) {
        if (pos + w === n) {
          pos += w;
          continue;
        }
        buf += String.fromCodePoint(ch);
        pos += w;
        ch = rest.codePointAt(pos) as number;
        w = ch > 0xffff ? 2 : 1;
      }
      buf += String.fromCodePoint(ch);
      pos += w;
      continue;
    }
    // in quote
    if (ch === quote) phase = 1;
    if (ch === escape && quote !== 0x27) {
      if (pos + w === n) {
        phase = 1;
        pos += w;
        continue;
      }
      pos += w;
      buf += String.fromCodePoint(ch);
      ch = rest.codePointAt(pos) as number;
      w = ch > 0xffff ? 2 : 1;
    }
    buf += String.fromCodePoint(ch);
    pos += w;
  }
  return words;
}

function keyValue(key: string, value: string, sep: string, k: Span, v: Span): RawArg[] {
  return [{ value: key, span: k }, { value, span: v }, { value: sep }];
}

function parseNameVal(rest: string, base: number, escape: number, key: string): Parsed {
  const words = parseWords(rest, escape);
  const first = words[0];
  if (!first) return NONE;
  if (!first.text.includes("=")) {
    const parts = splitWhitespace(rest, 2);
    const k = parts[0];
    const v = parts[1];
    if (!k || !v) throw new SyntaxProblem(`${key} must have two arguments`);
    return {
      args: keyValue(k.text, v.text, "", { start: base + k.start, end: base + k.start + k.text.length }, { start: base + v.start, end: base + rest.length }),
      json: false,
    };
  }
  const args: RawArg[] = [];
  for (const w of words) {
    const eq = w.text.indexOf("=");
    if (eq < 0) throw new SyntaxProblem(`Syntax error - can't find = in ${goQuote(w.text)}. Must be of the form: name=value`);
    const s = base + w.start;
    args.push(...keyValue(w.text.slice(0, eq), w.text.slice(eq + 1), "=", { start: s, end: s + eq }, { start: s + eq + 1, end: base + w.end }));
  }
  return { args, json: false };
}

const parseEnv: LineParser = (rest, base, esc) => parseNameVal(rest, base, esc, "ENV");
const parseLabel: LineParser = (rest, base, esc) => parseNameVal(rest, base, esc, "LABEL");

const parseNameOrNameVal: LineParser = (rest, base, esc) => ({
  args: parseWords(rest, esc).map((w) => arg(w.text, base + w.start, base + w.end)),
  json: false,
});

const parseStringsWhitespaceDelimited: LineParser = (rest, base) => {
  if (rest === "") return NONE;
  return { args: splitWhitespace(rest, -1).map((p) => arg(p.text, base + p.start, base + p.start + p.text.length)), json: false };
};

const parseString: LineParser = (rest, base) => (rest === "" ? NONE : { args: [arg(rest, base, base + rest.length)], json: false });

const NOT_STRINGS = "when using JSON array syntax, arrays must be comprised of strings only";

/** parseJSON: undefined when the text is not a JSON array of strings (shell form then). */
function parseJSON(rest: string, base: number): Parsed | undefined {
  const lead = leadingSpaceEnd(rest);
  if (rest.charCodeAt(lead) !== 0x5b) return undefined;
  const r = parseJsonArray(rest.slice(lead));
  if (r.kind === "invalid") return undefined;
  if (r.kind === "notString") throw new SyntaxProblem(NOT_STRINGS);
  const off = base + lead;
  return { args: r.values.map((v, i) => arg(v, off + (r.spans[i] as readonly [number, number])[0], off + (r.spans[i] as readonly [number, number])[1])), json: true };
}

const parseMaybeJSON: LineParser = (rest, base) => {
  if (rest === "") return NONE;
  return parseJSON(rest, base) ?? { args: [arg(rest, base, base + rest.length)], json: false };
};

const parseMaybeJSONToList: LineParser = (rest, base, esc) => parseJSON(rest, base) ?? parseStringsWhitespaceDelimited(rest, base, esc);

/** Go's unicode.IsSpace(rune(b)) for one byte. */
const isSpaceByte = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
/** The same test on a UTF-16 unit: only ASCII units are whole bytes. */
const isAsciiSpace = (c: number): boolean => c < 0x80 && isSpaceByte(c);

/**
 * parseHealthConfig: the type word, then the command as parseMaybeJSON. The
 * reference finds the end of the type byte by byte (see split-command.ts).
 */
const parseHealthConfig: LineParser = (rest, base, esc) => {
  let i = 0;
  let typ = "";
  let tail = "";
  let tailStart = rest.length;
  scan: for (; i < rest.length; ) {
    const cp = rest.codePointAt(i) as number;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      if (isAsciiSpace(cp)) {
        typ = rest.slice(0, i);
        let j = i;
        while (j < rest.length && isAsciiSpace(rest.charCodeAt(j))) j++;
        // A following non-ASCII character may start with blank bytes too; it never does (lead bytes are >= 0xC2).
        tail = rest.slice(j);
        tailStart = j;
        break scan;
      }
      i += w;
      continue;
    }
    const bytes = utf8Bytes(cp);
    for (let k = 1; k < bytes.length; k++) {
      if (isSpaceByte(bytes[k] as number)) {
        typ = rest.slice(0, i) + "\uFFFD".repeat(k);
        let m = k;
        while (m < bytes.length && isSpaceByte(bytes[m] as number)) m++;
        if (m < bytes.length) {
          tail = "\uFFFD".repeat(bytes.length - m) + rest.slice(i + w);
          tailStart = i + w;
        } else {
          let j = i + w;
          while (j < rest.length && isAsciiSpace(rest.charCodeAt(j))) j++;
          tail = rest.slice(j);
          tailStart = j;
        }
        break scan;
      }
    }
    i += w;
  }
  if (i >= rest.length) {
    typ = rest;
    tail = "";
    tailStart = rest.length;
  }
  if (typ === "") return NONE;
  const cmd = parseMaybeJSON(tail, base + tailStart, esc);
  return { args: [arg(typ, base, base + Math.min(i, rest.length)), ...cmd.args], json: cmd.json };
};

const parseIgnore: LineParser = () => ({ args: [{ value: "" }], json: false });

const parseSubCommand = (rest: string, base: number, esc: number): Parsed => {
  if (rest === "") return NONE;
  const child = newNodeFromLine(rest, esc, base);
  return { args: [{ value: "", sub: child }], json: false };
};

const DISPATCH: ReadonlyMap<string, LineParser> = new Map<string, LineParser>([
  ["add", parseMaybeJSONToList],
  ["arg", parseNameOrNameVal],
  ["cmd", parseMaybeJSON],
  ["copy", parseMaybeJSONToList],
  ["entrypoint", parseMaybeJSON],
  ["env", parseEnv],
  ["expose", parseStringsWhitespaceDelimited],
  ["from", parseStringsWhitespaceDelimited],
  ["healthcheck", parseHealthConfig],
  ["label", parseLabel],
  ["maintainer", parseString],
  ["onbuild", parseSubCommand],
  ["run", parseMaybeJSON],
  ["shell", parseMaybeJSON],
  ["stopsignal", parseString],
  ["user", parseString],
  ["volume", parseMaybeJSONToList],
  ["workdir", parseString],
]);

/** newNodeFromLine: splits a logical line and dispatches on its keyword. `base` offsets every span. */
export function newNodeFromLine(line: string, escape: number, base = 0): RawNode {
  const sp = splitCommand(line, escape);
  const fn = DISPATCH.get(goToLower(sp.cmd)) ?? parseIgnore;
  const parsed = fn(sp.args, base + sp.argsStart, escape);
  return {
    cmd: sp.cmd,
    cmdSpan: { start: base + sp.cmdSpan.start, end: base + sp.cmdSpan.end },
    flags: sp.flags.map((f) => ({ text: f.text, start: base + f.start, end: base + f.end })),
    args: parsed.args,
    json: parsed.json,
    original: line,
    argsSpan: { start: base + sp.argsStart, end: base + sp.argsStart + sp.args.length },
  };
}
