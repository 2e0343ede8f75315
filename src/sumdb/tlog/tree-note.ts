/**
 * The checksum database's text formats (golang.org/x/mod/sumdb/tlog
 * note.go, v0.43.0):
 *
 *   tree note text:  "go.sum database tree\n" <N> "\n" <base64 hash> "\n" [more lines]
 *   lookup answer:   <record id> "\n" <record text> "\n" <signed tree note>
 *   record text:     valid UTF-8, lines ending in "\n", no blank line, no
 *                    control character but "\n"
 *
 * parseTree accepts N only in canonical decimal, at most 2^53-1 here (Go
 * allows up to 2^63-1; no real log is that large); the note must be at most
 * 1e6 bytes. The signature over the note is checked by src/sumdb/note.
 */
import { formatHash, type Hash, parseHash } from "./hash.js";
import type { Tree } from "./tile-hash-reader.js";

export class MalformedTreeError extends Error {
  override readonly name = "MalformedTreeError";
  constructor() {
    super("malformed tree note");
  }
}

export class MalformedRecordError extends Error {
  override readonly name = "MalformedRecordError";
  constructor() {
    super("malformed record data");
  }
}

const TREE_PREFIX = "go.sum database tree\n";

export function formatTree(tree: Tree): string {
  return `${TREE_PREFIX}${tree.n}\n${formatHash(tree.hash)}\n`;
}

/** tlog.ParseTree over the (verified) note text. */
export function parseTree(text: string): Tree {
  const bytes = Buffer.byteLength(text, "utf8");
  if (!text.startsWith(TREE_PREFIX) || text.split("\n").length - 1 < 3 || bytes > 1e6) throw new MalformedTreeError();
  const lines = text.split("\n");
  const nText = lines[1] as string;
  if (!/^(0|[1-9][0-9]*)$/.test(nText)) throw new MalformedTreeError();
  const n = Number(nText);
  if (!Number.isSafeInteger(n)) throw new MalformedTreeError();
  const hash: Hash | null = parseHash(lines[2] as string);
  if (hash === null) throw new MalformedTreeError();
  return Object.freeze({ n, hash });
}

/** isValidRecordText. */
export function isValidRecordText(text: Uint8Array): boolean {
  let last = -1;
  for (const c of text) {
    if ((c < 0x20 && c !== 0x0a) || (last === 0x0a && c === 0x0a)) return false;
    last = c;
  }
  if (last !== 0x0a) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(text);
    return true;
  } catch {
    return false;
  }
}

/** tlog.FormatRecord: "<id>\n<text>\n". */
export function formatRecord(id: number, text: Uint8Array): Uint8Array {
  if (!isValidRecordText(text)) throw new MalformedRecordError();
  return new Uint8Array(Buffer.concat([Buffer.from(`${id}\n`), text, Buffer.from("\n")]));
}

export interface ParsedRecord {
  readonly id: number;
  /** Record text (ends in "\n"). */
  readonly text: Uint8Array;
  /** What follows the record: the signed tree note. */
  readonly rest: Uint8Array;
}

/** tlog.ParseRecord (the id in strconv.ParseInt syntax: sign and leading zeros allowed). */
export function parseRecord(msg: Uint8Array): ParsedRecord {
  const i = msg.indexOf(0x0a);
  if (i < 0) throw new MalformedRecordError();
  const idText = Buffer.from(msg.subarray(0, i)).toString("latin1");
  if (!/^[+-]?[0-9]+$/.test(idText)) throw new MalformedRecordError();
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) throw new MalformedRecordError();
  const body = msg.subarray(i + 1);
  let j = -1;
  for (let k = 0; k + 1 < body.length; k++) {
    if (body[k] === 0x0a && body[k + 1] === 0x0a) {
      j = k;
      break;
    }
  }
  if (j < 0) throw new MalformedRecordError();
  const text = body.subarray(0, j + 1);
  if (!isValidRecordText(text)) throw new MalformedRecordError();
  return Object.freeze({ id, text, rest: body.subarray(j + 2) });
}
