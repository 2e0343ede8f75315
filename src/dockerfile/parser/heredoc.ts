/**
 * Heredoc words as BuildKit's parser finds them (ParseHeredoc,
 * heredocsFromLine, ChompHeredocContent): `<<WORD`, `<<-WORD` (chomp leading
 * tabs), an optional file descriptor (`3<<EOF`), blanks after `<<`, and a
 * delimiter quoted in whole or in part (`<<"EOF"`, `<<E'O'F`), which turns off
 * expansion of the body.
 *
 * Leaves out: reading the body lines (parse.ts does, since it owns the lines).
 */
import { LexError, processWords } from "./heredoc-words.js";

export interface HeredocWord {
  readonly name: string;
  readonly fileDescriptor: number;
  readonly expand: boolean;
  readonly chomp: boolean;
}

const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

function quoteCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) n++;
  }
  return n;
}

function fileDescriptor(digits: string): number {
  if (digits === "") return 0;
  const v = BigInt(digits);
  return Number(v > 0xffffffffffffffffn ? 0xffffffffffffffffn : v);
}

/** parser.ParseHeredoc: the heredoc a word starts, or undefined; throws on lexing errors. */
export function parseHeredoc(src: string): HeredocWord | undefined {
  if (!src.includes("<<")) return undefined;
  const m = HEREDOC.exec(src);
  if (!m) return undefined;
  const rest = m[3] as string;
  if (rest === "") return undefined;
  const words = processWords(rest, { rawQuotes: false, rawEscapes: false });
  if (words.length !== 1) return undefined;
  const raw = processWords(rest, { rawQuotes: true, rawEscapes: false });
  if (raw.length !== words.length) {
    throw new LexError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const word = words[0] as string;
  return {
    name: word,
    fileDescriptor: fileDescriptor(m[1] as string),
    expand: quoteCount(word) === quoteCount(raw[0] as string),
    chomp: m[2] === "-",
  };
}

/** parser.MustParseHeredoc: like parseHeredoc, but a lexing error means "no heredoc". */
export function mustParseHeredoc(src: string): HeredocWord | undefined {
  try {
    return parseHeredoc(src);
  } catch {
    return undefined;
  }
}

/** The heredocs an instruction line opens, in order. */
export function heredocsFromLine(line: string): HeredocWord[] {
  let words: string[];
  try {
    words = processWords(line, { rawQuotes: true, rawEscapes: true });
  } catch {
    words = [];
  }
  const docs: HeredocWord[] = [];
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h) docs.push(h);
  }
  return docs;
}

/** parser.ChompHeredocContent: drops leading tabs from every line. */
export function chompHeredocContent(src: string): string {
  if (!src.includes("\t")) return src;
  return src
    .split("\n")
    .map((l) => l.replace(/^\t+/, ""))
    .join("\n");
}
