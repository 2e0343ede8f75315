/**
 * Reading a .dockerignore file: moby/patternmatcher v0.6.1 ignorefile.ReadAll,
 * which BuildKit's dockerui frontend calls on the file's bytes.
 *
 * Lines are split as bufio.Scanner's ScanLines does (on "\n", one trailing
 * "\r" dropped; a line of 64 KiB or more is an error, "token too long"); a
 * UTF-8 BOM is dropped from the first line only; a line whose first
 * character is `#` is a comment (a `#` after leading spaces is not); the rest
 * is trimmed of Unicode white space and skipped when empty. A leading `!`
 * marks an exception and is trimmed again after; the pattern is then cleaned
 * with filepath.Clean and one leading `/` is removed ("/" itself stays).
 * Each pattern keeps its 1-based line, the line as written and the range of
 * the trimmed text, so a finding can say which line excluded a file.
 * Left out: invalid UTF-8 (the caller decodes bytes; Go would keep the raw
 * bytes, a decoder turns them into U+FFFD).
 */
import { LocatedError, type Range } from "../diagnostic/located-error.js";
import { cleanPath } from "./clean-path.js";
import { leadingSpaceEnd, trimSpace } from "../golang/strings.js";

/** One pattern of an ignore file, as ReadAll returns it plus where it came from. */
export interface IgnorePattern {
  /** The pattern as ReadAll returns it: cleaned, relative, "!" first for exceptions. */
  readonly pattern: string;
  /** The line as written (without its line break). */
  readonly source: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** The file it was read from; "" when unnamed. */
  readonly file: string;
  /** Where the trimmed pattern text sits in its line (1-based, UTF-16 columns). */
  readonly range: Range;
}

/** bufio.MaxScanTokenSize: a line this long (in UTF-8 bytes) stops the scanner. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Splits like bufio.ScanLines: "\n" ends a line, one "\r" before it is dropped. */
export function scanLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    lines.push(text.slice(start, end));
    start = next;
  }
  return lines;
}

const dropCR = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);

/** ignorefile.ReadAll: the patterns of an ignore file, in order. */
export function parseIgnoreFile(text: string, file = ""): readonly IgnorePattern[] {
  const out: IgnorePattern[] = [];
  const raw = scanLines(text);
  for (let idx = 0; idx < raw.length; idx++) {
    const lineNo = idx + 1;
    const withCR = raw[idx] as string;
    if (Buffer.byteLength(withCR, "utf8") >= MAX_LINE_BYTES) {
      throw new LocatedError("bufio.Scanner: token too long", file, {
        start: { line: lineNo, column: 1 },
        end: { line: lineNo, column: withCR.length + 1 },
      });
    }
    let line = dropCR(withCR);
    if (idx === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    if (line.startsWith("#")) continue;
    const startCol = leadingSpaceEnd(line) + 1;
    const trimmed = trimSpace(line);
    let pattern = trimmed;
    if (pattern === "") continue;
    const invert = pattern[0] === "!";
    if (invert) pattern = trimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === "/") pattern = pattern.slice(1);
    }
    if (invert) pattern = "!" + pattern;
    out.push({
      pattern,
      source: line,
      line: lineNo,
      file,
      range: { start: { line: lineNo, column: startCol }, end: { line: lineNo, column: startCol + trimmed.length } },
    });
  }
  return out;
}
