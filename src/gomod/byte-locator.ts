/**
 * Turns x/mod positions (byte offsets into the UTF-8 text) into goship
 * Ranges: 1-based lines and 1-based columns in UTF-16 code units, the unit
 * LocatedError and editors use.
 */
import type { Position, Range } from "../diagnostic/located-error.js";
import { utf16Length } from "../golang/utf8.js";
import type { GoPosition } from "./modfile-syntax.js";

export class ByteLocator {
  private readonly ascii: boolean;
  /** Byte offset where each line starts (index 0 = line 1). */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly data: string) {
    this.ascii = !/[^\x00-\x7f]/.test(data);
    for (let i = data.indexOf("\n"); i >= 0; i = data.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  /** The Position of an x/mod position. */
  position(p: GoPosition): Position {
    const lineStart = this.lineStart(p);
    const column = this.ascii ? p.byte - lineStart + 1 : utf16Length(this.data, lineStart, p.byte) + 1;
    return { line: p.line, column };
  }

  /** The offset of the line holding byte `p.byte`: from p.line when it agrees, else by searching back. */
  private lineStart(p: GoPosition): number {
    if (p.byte === 0) return 0;
    const s = this.lineStarts[p.line - 1];
    const next = this.lineStarts[p.line];
    if (s !== undefined && s <= p.byte && (next === undefined || p.byte < next)) return s;
    return this.data.lastIndexOf("\n", p.byte - 1) + 1;
  }

  range(start: GoPosition, end: GoPosition): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
