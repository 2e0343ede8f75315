/**
 * Maps offsets in a shell-form command (the logical line BuildKit builds by
 * joining continuation lines) back to file positions, so a finding about
 * `|| true` on the third line of a RUN points at that line and column.
 * Continuation rule as in BuildKit's parser: a line whose last non-blank
 * character is the escape token continues; comment and blank lines inside a
 * continuation are skipped.
 */
import type { Position, Range } from "../../diagnostic/located-error.js";

interface Segment {
  /** Offset in the command where this segment starts. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

export class CommandLocator {
  private readonly segments: Segment[] = [];

  constructor(lines: readonly string[], start: Position, escape: "\\" | "`") {
    let offset = 0;
    let line = start.line;
    let col = start.column;
    for (;;) {
      const text = lines[line - 1];
      if (text === undefined) break;
      const body = text.slice(col - 1);
      const trimmed = body.replace(/[ \t\r]+$/, "");
      const continues = trimmed.endsWith(escape);
      const length = continues ? trimmed.length - 1 : body.length;
      this.segments.push({ offset, line, column: col, length });
      offset += length;
      if (!continues) break;
      line++;
      col = 1;
      // comment and blank lines inside a continuation are dropped by the parser
      while (lines[line - 1] !== undefined && /^\s*(#.*)?$/.test(lines[line - 1]!)) line++;
    }
  }

  position(offset: number): Position {
    let seg = this.segments[0];
    if (!seg) return { line: 1, column: 1 };
    for (const s of this.segments) {
      if (s.offset <= offset) seg = s;
      else break;
    }
    return { line: seg.line, column: seg.column + Math.min(offset - seg.offset, seg.length) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
