/**
 * BuildKit's parser.Parse: Dockerfile text to instruction nodes.
 *
 * Lines end at "\n" (trailing "\r" dropped); a BOM on the first line is
 * skipped; directives are read from the leading comment lines; a line whose
 * last non-blank character is the escape token continues on the next one,
 * where comment lines are skipped and blank lines are skipped with a warning;
 * RUN/COPY/ADD (also under ONBUILD) in shell form read the bodies of the
 * heredocs their line opens. Errors carry BuildKit's message and line.
 *
 * Leaves out: typing the instructions (../instructions) and expansion.
 */
import { DockerfileError, SyntaxProblem } from "./errors.js";
import { DirectiveError, DirectiveParser, type DirectiveLine } from "./directives.js";
import { heredocsFromLine } from "./heredoc.js";
import { newNodeFromLine, type RawArg, type RawNode } from "./line-parsers.js";
import type { Heredoc, Node, NodeArg, ParseWarning, Position, Range } from "./node.js";
import { goToLower, leadingSpaceEnd, trimSpace } from "../../golang/strings.js";
import { utf8Bytes, utf8Length } from "../../golang/utf8.js";
import { LexError } from "./heredoc-words.js";

export interface AstResult {
  readonly nodes: readonly Node[];
  readonly escapeToken: "\\" | "`";
  readonly directives: readonly DirectiveLine[];
  readonly warnings: readonly ParseWarning[];
  /** The physical lines (without line endings, BOM removed), for callers that quote source text. */
  readonly lines: readonly string[];
}

/** bufio.Scanner's limit: a line of 64 KiB or more stops the scan. */
const MAX_LINE_BYTES = 64 * 1024;

const HEREDOC_COMMANDS: ReadonlySet<string> = new Set(["add", "copy", "run"]);

interface Segment {
  readonly off: number;
  readonly line: number;
  readonly col: number;
}

/** Maps offsets of a logical line back to file positions. */
class SourceMap {
  constructor(private readonly segs: readonly Segment[]) {}
  pos(offset: number): Position {
    let s = this.segs[0] as Segment;
    for (const seg of this.segs) {
      if (seg.off <= offset) s = seg;
      else break;
    }
    return { line: s.line, column: s.col + (offset - s.off) };
  }
  range(start: number, end: number): Range {
    const a = this.pos(start);
    if (end <= start) return { start: a, end: a };
    const b = this.pos(end - 1);
    return { start: a, end: { line: b.line, column: b.column + 1 } };
  }
}

function trimNewline(s: string): string {
  let e = s.length;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c === 0x0d || c === 0x0a) e--;
    else break;
  }
  return e === s.length ? s : s.slice(0, e);
}

function isComment(s: string): boolean {
  const i = leadingSpaceEnd(s);
  return s.charCodeAt(i) === 0x23;
}

/** The comment text BuildKit keeps: TrimSpace of the line minus its first byte. */
function commentText(line: string): string {
  const cp = line.codePointAt(0) as number;
  if (cp < 0x80) return trimSpace(line.slice(1));
  const n = utf8Bytes(cp).length;
  return trimSpace("\uFFFD".repeat(n - 1) + line.slice(cp > 0xffff ? 2 : 1));
}

/** trimContinuationCharacter: [text, endOfLine]. */
function trimContinuation(line: string, escape: number): [string, boolean] {
  let e = line.length;
  while (e > 0) {
    const c = line.charCodeAt(e - 1);
    if (c === 0x20 || c === 0x09) e--;
    else break;
  }
  if (e === 0 || line.charCodeAt(e - 1) !== escape) return [line, true];
  if (e === 1) return ["", false];
  if (line.charCodeAt(e - 2) === escape) return [line, true];
  return [line.slice(0, e - 1), false];
}

function mkRange(line: number, c1: number, c2: number): Range {
  return { start: { line, column: c1 }, end: { line, column: c2 } };
}

function problem(file: string, message: string, line: number, range: Range): DockerfileError {
  return new DockerfileError(message, file, range, line);
}

/** Splits text as bufio.Scanner with BuildKit's scanLines does. */
function splitLines(text: string): { lines: string[]; newline: boolean[]; limit: number } {
  const lines: string[] = [];
  const newline: boolean[] = [];
  let p = 0;
  while (p < text.length) {
    const nl = text.indexOf("\n", p);
    if (nl < 0) {
      lines.push(text.slice(p));
      newline.push(false);
      break;
    }
    lines.push(text.slice(p, nl));
    newline.push(true);
    p = nl + 1;
  }
  let limit = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.length * 3 >= MAX_LINE_BYTES && utf8Length(l) >= MAX_LINE_BYTES) {
      limit = i;
      break;
    }
  }
  return { lines, newline, limit };
}

export function parseAst(input: string, file = ""): AstResult {
  const { lines, newline, limit } = splitLines(input);
  if (lines.length > 0 && (lines[0] as string).startsWith("\uFEFF")) lines[0] = (lines[0] as string).slice(1);
  const directives = new DirectiveParser();
  const found: DirectiveLine[] = [];
  let escapeChar = 0x5c;
  const nodes: Node[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let current = 0; // lines consumed
  let i = 0;
  const lineEnd = (n: number): number => trimNewline(lines[n - 1] as string).length + 1;

  while (i < limit) {
    const raw = lines[i++] as string;
    if (isComment(raw)) {
      const c = commentText(raw);
      if (c === "") comments = [];
      else comments.push(c);
    }
    let tok = trimNewline(raw);
    const lead = leadingSpaceEnd(tok);
    tok = tok.slice(lead);
    let d: DirectiveLine | undefined;
    try {
      d = directives.parseLine(tok);
    } catch (e) {
      if (e instanceof DirectiveError) throw problem(file, e.message, current, mkRange(current + 1, 1 + lead, lineEnd(current + 1)));
      throw e;
    }
    if (d) {
      if (d.name === "escape") {
        if (d.value !== "`" && d.value !== "\\") {
          throw problem(file, `invalid escape token '${d.value}' does not match \` or \\`, current, mkRange(current + 1, 1 + lead, lineEnd(current + 1)));
        }
        escapeChar = d.value.charCodeAt(0);
      }
      found.push(d);
      comments.pop();
    }
    if (isComment(tok)) tok = "";
    current++;
    const startLine = current;
    let [text, eol] = trimContinuation(tok, escapeChar);
    if (eol && text === "") continue;
    let buf = text;
    const segs: Segment[] = [{ off: 0, line: startLine, col: 1 + lead }];
    let emptyContinuation = false;
    while (!eol && i < limit) {
      const r = lines[i++] as string;
      const t = trimNewline(r);
      directives.parseLine(t);
      current++;
      if (isComment(r)) continue;
      if (leadingSpaceEnd(t) === t.length) {
        emptyContinuation = true;
        continue;
      }
      [text, eol] = trimContinuation(t, escapeChar);
      segs.push({ off: buf.length, line: current, col: 1 });
      buf += text;
    }
    const line = buf;
    const map = new SourceMap(segs);
    if (emptyContinuation) {
      warnings.push({
        short: "Empty continuation line found in: " + line,
        detail: ["Empty continuation lines will become errors in a future release"],
        url: "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/",
        line: current,
        range: mkRange(current, 1, lineEnd(current)),
      });
    }
    const whole = (): Range => ({ start: map.pos(leadingSpaceEnd(line)), end: { line: current, column: lineEnd(current) } });
    let raw0: RawNode;
    try {
      raw0 = newNodeFromLine(line, escapeChar);
    } catch (e) {
      if (e instanceof SyntaxProblem) throw problem(file, e.message, startLine, whole());
      throw e;
    }
    const heredocs: Heredoc[] = [];
    const target = goToLower(raw0.cmd) === "onbuild" && raw0.args[0]?.sub ? raw0.args[0].sub : raw0;
    if (HEREDOC_COMMANDS.has(goToLower(target.cmd)) && !target.json && line.includes("<<")) {
      let words;
      try {
        words = heredocsFromLine(line);
      } catch (e) {
        if (e instanceof LexError) throw problem(file, e.message, startLine, whole());
        throw e;
      }
      for (const h of words) {
        let content = "";
        let terminated = false;
        const bodyStart = current + 1;
        while (i < limit) {
          const r = lines[i] as string;
          const nl = newline[i] as boolean;
          i++;
          current++;
          let candidate = trimNewline(r);
          if (h.chomp) candidate = candidate.replace(/^\t+/, "");
          if (candidate === h.name) {
            terminated = true;
            break;
          }
          content += nl ? r + "\n" : r;
        }
        if (!terminated) throw problem(file, "unterminated heredoc", startLine, whole());
        heredocs.push({ ...h, content, range: { start: { line: Math.min(bodyStart, current), column: 1 }, end: { line: current, column: lineEnd(current) } } });
      }
    }
    nodes.push(finish(raw0, map, heredocs, startLine, current, comments, { line: current, column: lineEnd(current) }));
    comments = [];
  }
  if (nodes.length === 0) {
    throw problem(file, "file with no instructions", current, mkRange(Math.max(current, 1), 1, 1));
  }
  if (limit < lines.length) {
    throw problem(file, "dockerfile line greater than max allowed size of 65535", current, mkRange(limit + 1, 1, 1));
  }
  return { nodes, escapeToken: escapeChar === 0x60 ? "`" : "\\", directives: found, warnings, lines };
}

function finish(raw: RawNode, map: SourceMap, heredocs: readonly Heredoc[], startLine: number, endLine: number, comments: readonly string[], end: Position): Node {
  const args: NodeArg[] = raw.args.map((a: RawArg): NodeArg => {
    const out: { value: string; range?: Range; node?: Node } = { value: a.value };
    if (a.span) out.range = map.range(a.span.start, a.span.end);
    if (a.sub) out.node = finish(a.sub, map, [], startLine, endLine, [], end);
    return out;
  });
  const keywordRange = map.range(raw.cmdSpan.start, raw.cmdSpan.end);
  return {
    keyword: raw.cmd,
    cmd: goToLower(raw.cmd),
    flags: raw.flags.map((f) => ({ text: f.text, range: map.range(f.start, f.end) })),
    args,
    json: raw.json,
    heredocs,
    startLine,
    endLine,
    original: raw.original,
    comments,
    range: { start: keywordRange.start, end },
    keywordRange,
    argsRange: map.range(raw.argsSpan.start, raw.argsSpan.end),
  };
}

