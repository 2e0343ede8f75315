/**
 * A small Go lexer over UTF-8 byte strings (see src/golang/utf8.ts): the token
 * classes go/scanner distinguishes that matter to goship's source reading —
 * identifiers (Unicode letters and digits), string literals ("..." and raw
 * `...`), rune literals, numbers, comments (// and /* *\/, with `\r` removed
 * from comment text as go/scanner does), single-character operators, and the
 * semicolons the Go spec inserts at line ends (after an identifier, literal,
 * `break`/`continue`/`fallthrough`/`return`, `++`/`--` or a closing bracket,
 * and at a newline-spanning block comment).
 *
 * Leaves out: exact number syntax (a number is a run of alphanumerics, `_`,
 * `.` and exponent signs), multi-character operators other than `++`/`--`,
 * and error reporting (bad input never throws; it yields "illegal" tokens).
 */
import { isDigit, isLetter } from "../golang/unicode.js";
import { decodeRune } from "../golang/utf8.js";

export type TokenKind = "ident" | "string" | "char" | "number" | "comment" | "op" | "semi" | "illegal";

export interface Token {
  readonly kind: TokenKind;
  /** Byte offset of the first byte. */
  readonly start: number;
  /** Byte offset after the last byte. */
  readonly end: number;
  /** The token's bytes (for comments: with `\r` removed; for an inserted semicolon: "\n"). */
  readonly text: string;
}

const BOM = "\xef\xbb\xbf";

function isIdentStart(r: number): boolean {
  return r === 0x5f || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || (r >= 0x80 && isLetter(r));
}

function isIdentPart(r: number): boolean {
  return isIdentStart(r) || (r >= 0x30 && r <= 0x39) || (r >= 0x80 && isDigit(r));
}

const SEMI_KEYWORDS = new Set(["break", "continue", "fallthrough", "return"]);

/** Tokenizes Go source given as a byte string; comments included, semicolons inserted. */
export function goTokens(src: string): Token[] {
  const out: Token[] = [];
  let i = src.startsWith(BOM) ? 3 : 0;
  let insertSemi = false;
  const push = (kind: TokenKind, start: number, end: number, text = src.slice(start, end)): void => {
    out.push({ kind, start, end, text });
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "\n") {
      if (insertSemi) push("semi", i, i + 1, "\n");
      insertSemi = false;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (c === "/" && src[i + 1] === "/") {
      let j = i + 2;
      while (j < src.length && src[j] !== "\n") j++;
      // A line comment acts like a newline; the semicolon (if any) comes first.
      if (insertSemi) push("semi", start, start, "\n");
      insertSemi = false;
      push("comment", start, j, src.slice(start, j).replace(/\r/g, ""));
      i = j;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const close = src.indexOf("*/", i + 2);
      const j = close < 0 ? src.length : close + 2;
      const text = src.slice(start, j);
      if (text.includes("\n") || close < 0) {
        if (insertSemi) push("semi", start, start, "\n");
        insertSemi = false;
      }
      push("comment", start, j, text.replace(/\r/g, ""));
      i = j;
      continue;
    }
    const [r, n] = decodeRune(src, i);
    if (isIdentStart(r)) {
      let j = i + n;
      for (;;) {
        const [r2, n2] = decodeRune(src, j);
        if (j >= src.length || !isIdentPart(r2)) break;
        j += n2;
      }
      const word = src.slice(start, j);
      push("ident", start, j, word);
      insertSemi = !KEYWORDS.has(word) || SEMI_KEYWORDS.has(word);
      i = j;
      continue;
    }
    if ((c >= "0" && c <= "9") || (c === "." && src[i + 1] !== undefined && src[i + 1]! >= "0" && src[i + 1]! <= "9")) {
      let j = i + 1;
      while (j < src.length) {
        const d = src[j] as string;
        if (/[0-9A-Za-z_.]/.test(d)) {
          j++;
        } else if ((d === "+" || d === "-") && /[eEpP]/.test(src[j - 1] as string)) {
          j++;
        } else {
          break;
        }
      }
      push("number", start, j);
      insertSemi = true;
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      if (src[j] === c) j++;
      push(c === '"' ? "string" : "char", start, Math.min(j, src.length));
      insertSemi = true;
      i = j;
      continue;
    }
    if (c === "`") {
      const close = src.indexOf("`", i + 1);
      const j = close < 0 ? src.length : close + 1;
      push("string", start, j);
      insertSemi = true;
      i = j;
      continue;
    }
    if ((c === "+" || c === "-") && src[i + 1] === c) {
      push("op", start, i + 2);
      insertSemi = true;
      i += 2;
      continue;
    }
    if (c === ";") {
      push("semi", start, i + 1);
      insertSemi = false;
      i++;
      continue;
    }
    if ("()[]{},.=:*&|!<>^%+-/~".includes(c)) {
      push("op", start, i + 1);
      insertSemi = c === ")" || c === "]" || c === "}";
      i++;
      continue;
    }
    push("illegal", start, i + n);
    insertSemi = false;
    i += n;
  }
  if (insertSemi) push("semi", src.length, src.length, "\n");
  return out;
}

const KEYWORDS = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
]);
