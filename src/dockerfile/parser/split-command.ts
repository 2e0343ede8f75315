/**
 * BuildKit's splitCommand / extractBuilderFlags: the keyword, the leading
 * `--flag[=value]` words and the rest of a logical line. Offsets (UTF-16, into
 * the logical line) come along so callers can place each piece.
 *
 * The reference walks flag words byte by byte: a non-ASCII character inside a
 * flag word is kept as one Latin-1 character per UTF-8 byte, and the bytes
 * 0x85 and 0xA0 count as blanks. That is reproduced here.
 */
import { leadingSpaceEnd, trimSpace } from "../../golang/strings.js";
import { isSpace } from "../../golang/unicode.js";
import { utf8Bytes } from "../../golang/utf8.js";

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface FlagWord extends Span {
  readonly text: string;
}

export interface SplitLine {
  readonly cmd: string;
  readonly cmdSpan: Span;
  readonly flags: readonly FlagWord[];
  /** Arguments after the flags, trimmed. */
  readonly args: string;
  readonly argsStart: number;
}

/** The ASCII blanks of BuildKit's reWhitespace: [\t\v\f\r ]. */
export function isReWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** regexp.MustCompile(`[\t\v\f\r ]+`).Split(s, n) (n = 2 or -1), with start offsets. */
export function splitWhitespace(s: string, n: number): { text: string; start: number }[] {
  if (s.length === 0) return [{ text: "", start: 0 }];
  const out: { text: string; start: number }[] = [];
  let beg = 0;
  let end = 0;
  let i = 0;
  while (i < s.length) {
    if (!isReWhitespace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isReWhitespace(s.charCodeAt(j))) j++;
    if (n > 0 && out.length === n - 1) break;
    end = i;
    if (j !== 0) out.push({ text: s.slice(beg, end), start: beg });
    beg = j;
    i = j;
  }
  // Go appends the tail unless the last match ended the string exactly at its start.
  if (end !== s.length) out.push({ text: s.slice(beg), start: beg });
  return out;
}

interface Bytes {
  readonly length: number;
  at(i: number): number;
  /** UTF-16 index of byte i, and the byte's position inside its character. */
  index(i: number): number;
  slice(from: number): string;
}

function asciiBytes(s: string): Bytes {
  return { length: s.length, at: (i) => s.charCodeAt(i), index: (i) => i, slice: (i) => s.slice(i) };
}

function utf8View(s: string): Bytes {
  const bytes: number[] = [];
  const idx: number[] = [];
  const within: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const bs = utf8Bytes(cp);
    bs.forEach((b, k) => {
      bytes.push(b);
      idx.push(i);
      within.push(k);
    });
    i += cp > 0xffff ? 2 : 1;
  }
  return {
    length: bytes.length,
    at: (i) => bytes[i] as number,
    index: (i) => (i >= idx.length ? s.length : (idx[i] as number)),
    slice: (from) => {
      if (from >= bytes.length) return "";
      const k = within[from] as number;
      const at = idx[from] as number;
      if (k === 0) return s.slice(at);
      // A cut inside a character: Go keeps the stray bytes; they read back as U+FFFD each.
      const cp = s.codePointAt(at) as number;
      const n = utf8Bytes(cp).length;
      return "\uFFFD".repeat(n - k) + s.slice(at + (cp > 0xffff ? 2 : 1));
    },
  };
}

const isAscii = (s: string): boolean => !/[^\x00-\x7f]/.test(s);

const IN_SPACES = 0;
const IN_WORD = 1;
const IN_QUOTE = 2;

/** extractBuilderFlags: the flag words, and where the rest of the line starts. */
export function extractBuilderFlags(line: string, escape: number): { flags: FlagWord[]; rest: string; restStart: number } {
  const b = isAscii(line) ? asciiBytes(line) : utf8View(line);
  const flags: FlagWord[] = [];
  let phase = IN_SPACES;
  let word = "";
  let quote = 0;
  let blankOK = false;
  let wordStart = 0;
  const done = (pos: number) => ({ flags, rest: b.slice(pos), restStart: b.index(pos) });
  const push = (endByte: number): void => {
    flags.push({ text: word, start: b.index(wordStart), end: b.index(endByte) });
  };
  for (let pos = 0; pos <= b.length; pos++) {
    const ch = pos !== b.length ? b.at(pos) : 0;
    if (phase === IN_SPACES) {
      if (pos === b.length) break;
      if (isSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === b.length || b.at(pos + 1) !== 0x2d) return done(pos);
      phase = IN_WORD;
      wordStart = pos;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === b.length) {
      if (word !== "--" && (blankOK || word.length > 0)) push(pos);
      break;
    }
    if (phase === IN_WORD) {
      if (isSpace(ch)) {
        phase = IN_SPACES;
        if (word === "--") return done(pos);
        if (blankOK || word.length > 0) push(pos);
        word = "";
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      let c = ch;
      if (c === escape) {
        if (pos + 1 === b.length) continue;
        pos++;
        c = b.at(pos);
      }
      word += String.fromCharCode(c);
      continue;
    }
    // IN_QUOTE
    if (ch === quote) {
      phase = IN_WORD;
      continue;
    }
    let c = ch;
    if (c === escape) {
      if (pos + 1 === b.length) {
        phase = IN_WORD;
        continue;
      }
      pos++;
      c = b.at(pos);
    }
    word += String.fromCharCode(c);
  }
  return { flags, rest: "", restStart: line.length };
}

/** splitCommand: keyword, flags and trimmed arguments of a logical line. */
export function splitCommand(line: string, escape: number): SplitLine {
  const lead = leadingSpaceEnd(line);
  const t = trimSpace(line);
  const parts = splitWhitespace(t, 2);
  const cmd = (parts[0] as { text: string }).text;
  const cmdSpan = { start: lead, end: lead + cmd.length };
  const second = parts[1];
  if (!second) return { cmd, cmdSpan, flags: [], args: "", argsStart: cmdSpan.end };
  const base = lead + second.start;
  const ex = extractBuilderFlags(second.text, escape);
  const flags = ex.flags.map((f) => ({ text: f.text, start: base + f.start, end: base + f.end }));
  const args = trimSpace(ex.rest);
  return { cmd, cmdSpan, flags, args, argsStart: base + ex.restStart + leadingSpaceEnd(ex.rest) };
}
