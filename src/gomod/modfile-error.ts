/**
 * GoModSyntaxError: why modfile.Parse / ParseLax / ParseWork rejected a
 * file. x/mod reports a list (modfile.ErrorList); each problem keeps x/mod's
 * exact text (`go.mod:3: require x: version "y" invalid: ...`, with
 * `:col` only past column 1, as x/mod prints it) and a goship Range. The
 * LocatedError part is the first problem.
 */
import { LocatedError, type Range } from "../diagnostic/located-error.js";

/** One entry of modfile.ErrorList. */
export interface GoModProblem {
  /** The message without position: "require x: version ..." */
  readonly message: string;
  readonly range: Range;
  /** Exactly modfile.Error.Error(). */
  readonly goText: string;
}

export class GoModSyntaxError extends LocatedError {
  readonly problems: readonly GoModProblem[];

  constructor(file: string, problems: readonly GoModProblem[]) {
    const first = problems[0];
    super(first ? first.message : "invalid file", file, first?.range);
    this.problems = Object.freeze([...problems]);
  }

  /** Exactly modfile.ErrorList.Error(): every problem's text, one per line. */
  get goText(): string {
    return this.problems.map((p) => p.goText).join("\n");
  }
}
