/**
 * Parser directives as BuildKit reads them (parser/directives.go): `# syntax=`,
 * `# escape=` and `# check=` comments, only at the very top of the file, each
 * at most once; the first line that is not such a directive ends them.
 *
 * `DirectiveParser` is what the parser runs line by line; `detectSyntax` and
 * `findDirective` are BuildKit's DetectSyntax / ParseDirective, which the
 * frontend uses to pick the syntax and read `check` (they skip a BOM and a
 * `#!` line; DetectSyntax also accepts `// syntax=` and a JSON object).
 */
import { trimLeftSpace } from "../../golang/strings.js";

export type DirectiveName = "syntax" | "escape" | "check";

export interface DirectiveLine {
  readonly name: DirectiveName;
  readonly value: string;
  /** 1-based line (counting a skipped `#!` line). */
  readonly line: number;
}

export class DirectiveError extends Error {}

const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
const VALID: ReadonlySet<string> = new Set(["syntax", "escape", "check"]);


export class DirectiveParser {
  private line: number;
  private finished = false;
  private readonly seen = new Set<string>();

  constructor(private readonly comment = "#", startLine = 0) {
    this.line = startLine;
  }

  get done(): boolean {
    return this.finished;
  }

  /** One line (without its newline); a directive, or undefined. Throws DirectiveError on a repeat. */
  parseLine(text: string): DirectiveLine | undefined {
    this.line++;
    if (this.finished) return undefined;
    if (!text.startsWith(this.comment)) {
      this.finished = true;
      return undefined;
    }
    const m = DIRECTIVE.exec(trimLeftSpace(text.slice(this.comment.length)));
    if (!m) {
      this.finished = true;
      return undefined;
    }
    const name = (m[1] as string).toLowerCase();
    if (!VALID.has(name)) {
      this.finished = true;
      return undefined;
    }
    if (this.seen.has(name)) throw new DirectiveError(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    return { name: name as DirectiveName, value: m[2] as string, line: this.line };
  }
}

export interface FoundDirective {
  /** The value up to its first space (the image reference for `syntax`). */
  readonly value: string;
  /** The whole value. */
  readonly cmdline: string;
  readonly line: number;
}

/** The lines of `text` one at a time (directives sit at the top: no need to split the whole file). */
function* scanLines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const l = text.slice(start, end);
    yield l.endsWith("\r") ? l.slice(0, -1) : l;
    start = end + 1;
  }
}

function fromParser(key: DirectiveName, text: string, p: DirectiveParser): FoundDirective | undefined {
  for (const l of scanLines(text)) {
    if (p.done) break;
    let d: DirectiveLine | undefined;
    try {
      d = p.parseLine(l);
    } catch {
      break;
    }
    if (d && d.name === key) {
      const sp = d.value.indexOf(" ");
      return { value: sp < 0 ? d.value : d.value.slice(0, sp), cmdline: d.value, line: d.line };
    }
  }
  return undefined;
}

function find(key: DirectiveName, input: string, anyFormat: boolean): FoundDirective | undefined {
  let text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  let line = 0;
  const nl = text.indexOf("\n");
  if ((nl < 0 ? text : text.slice(0, nl)).startsWith("#!")) {
    text = nl < 0 ? "" : text.slice(nl + 1);
    line = 1;
  }
  const found = fromParser(key, text, new DirectiveParser("#", line));
  if (found || !anyFormat) return found;
  const slashed = fromParser(key, text, new DirectiveParser("//", line));
  if (slashed) return slashed;
  // Only a JSON object can carry the key; skip the (throwing) parse otherwise.
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const obj: unknown = JSON.parse(text);
    if (obj && typeof obj === "object" && !Array.isArray(obj)) {
      const v = (obj as Record<string, unknown>)[key];
      if (typeof v === "string") return { value: v, cmdline: v, line };
    }
  } catch {
    // not JSON: no directive
  }
  return undefined;
}

/** BuildKit's DetectSyntax. */
export function detectSyntax(text: string): FoundDirective | undefined {
  return find("syntax", text, true);
}

/** BuildKit's ParseDirective(key): `# key=value` at the top only. */
export function findDirective(key: DirectiveName, text: string): FoundDirective | undefined {
  return find(key, text, false);
}
