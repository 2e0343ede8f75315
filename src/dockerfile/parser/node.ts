/**
 * The syntax tree of a Dockerfile, shaped after BuildKit's parser.Node: one
 * node per instruction with its keyword, `--flags`, the argument chain (the
 * reference's Next list), the JSON-form attribute, heredocs and the lines it
 * spans. goship adds columns: every node, flag and (where the text maps back
 * one to one) argument has a 1-based line/column range; ends are exclusive.
 */
import type { Range } from "../../diagnostic/located-error.js";

export type { Position, Range } from "../../diagnostic/located-error.js";

export interface Heredoc {
  /** The delimiter word, quotes removed. */
  readonly name: string;
  readonly fileDescriptor: number;
  /** False when the delimiter was quoted (the body is not expanded). */
  readonly expand: boolean;
  /** `<<-`: leading tabs are stripped from the body (and the delimiter line). */
  readonly chomp: boolean;
  /** The body as written, each line with its line ending; without the delimiter line. */
  readonly content: string;
  /** From the first body line to the end of the delimiter line. */
  readonly range: Range;
}

export interface NodeArg {
  /** The argument as BuildKit's parser keeps it (quotes are removed later, by expansion). */
  readonly value: string;
  /** Where the argument is written; absent for values the parser made up (ENV's "=" marker). */
  readonly range?: Range;
  /** ONBUILD: the trigger instruction, parsed as its own node. */
  readonly node?: Node;
}

export interface FlagArg {
  /** As BuildKit extracted it, e.g. `--mount=type=cache,target=/root/.cache`. */
  readonly text: string;
  readonly range: Range;
}

export interface Node {
  /** The keyword as written (`run`, `RUN`, `Run`...). */
  readonly keyword: string;
  /** The keyword in lower case. */
  readonly cmd: string;
  readonly flags: readonly FlagArg[];
  readonly args: readonly NodeArg[];
  /** True for the JSON (exec) form. */
  readonly json: boolean;
  readonly heredocs: readonly Heredoc[];
  readonly startLine: number;
  readonly endLine: number;
  /** BuildKit's Original: the logical line (continuations joined, comments dropped). */
  readonly original: string;
  /** Comment lines directly above (BuildKit's PrevComment). */
  readonly comments: readonly string[];
  /** From the keyword to the end of the last line (heredoc delimiter included). */
  readonly range: Range;
  readonly keywordRange: Range;
  /** Range of the arguments after the flags (empty range when there are none). */
  readonly argsRange: Range;
}

export interface ParseWarning {
  readonly short: string;
  readonly detail: readonly string[];
  readonly url: string;
  readonly line: number;
  readonly range: Range;
}
