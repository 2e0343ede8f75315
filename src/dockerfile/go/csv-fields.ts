/**
 * tonistiigi/go-csvvalue's Fields (one CSV record, comma separated, quotes
 * doubled inside quoted fields), which BuildKit uses to split --mount and
 * --device values, with encoding/csv's error messages (byte columns).
 */
import { utf8Length } from "../../golang/utf8.js";

export class CsvError extends Error {}

function parseErr(pos: number, what: string): CsvError {
  return new CsvError(`parse error on line 1, column ${pos + 1}: ${what}`);
}

const BARE = 'bare " in non-quoted-field';
const QUOTE = 'extraneous or missing " in quoted-field';

export function csvFields(input: string): string[] {
  let line = input;
  if (line.endsWith("\n")) line = line.endsWith("\r\n") ? line.slice(0, -2) : line.slice(0, -1);
  if (line === "") throw new CsvError("EOF");
  const out: string[] = [];
  let pos = 0; // byte offset, for messages
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      const i = line.indexOf(",");
      const field = i >= 0 ? line.slice(0, i) : line;
      const j = field.indexOf('"');
      if (j >= 0) throw parseErr(pos + utf8Length(field.slice(0, j)), BARE);
      out.push(field);
      if (i >= 0) {
        pos += utf8Length(field) + 1;
        line = line.slice(i + 1);
        continue;
      }
      return out;
    }
    line = line.slice(1);
    pos += 1;
    let halfOpen = false;
    for (;;) {
      const i = line.indexOf('"');
      if (i < 0) throw parseErr(pos, QUOTE);
      const piece = line.slice(0, i);
      if (!halfOpen) out.push(piece);
      else out[out.length - 1] += piece;
      halfOpen = false;
      pos += utf8Length(piece) + 1;
      line = line.slice(i + 1);
      if (line[0] === '"') {
        out[out.length - 1] += '"';
        line = line.slice(1);
        pos += 1;
        halfOpen = true;
      } else if (line[0] === ",") {
        line = line.slice(1);
        pos += 1;
        break;
      } else if (line.length === 0) {
        return out;
      } else {
        throw parseErr(pos - 1, QUOTE);
      }
    }
  }
}
