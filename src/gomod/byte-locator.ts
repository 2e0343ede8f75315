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

  constructor(private readonly data: string) {
    this.ascii = !/[^\x00-\x7f]/.test(data);
  }

  /** The Position of an x/mod position. */
  position(p: GoPosition): Position {
    const lineStart = p.byte === 0 ? 0 : this.data.lastIndexOf("\n", p.byte - 1) + 1;
    const column = this.ascii ? p.byte - lineStart + 1 : utf16Length(this.data, lineStart, p.byte) + 1;
    return { line: p.line, column };
  }

  range(start: GoPosition, end: GoPosition): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
