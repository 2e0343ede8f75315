/**
 * The error every rejected Dockerfile raises: a LocatedError whose message is
 * BuildKit's, word for word. `referenceLine` is the line BuildKit reports
 * (0 for an empty file; the line before a repeated directive), while `range`
 * points at the text itself.
 */
import { LocatedError, type Range } from "../../diagnostic/located-error.js";

export class DockerfileError extends LocatedError {
  constructor(
    message: string,
    file: string,
    range: Range,
    /** The line number BuildKit's LocationError carries. */
    readonly referenceLine: number,
    /** The message without BuildKit's "dockerfile parse error on line N: " prefix. */
    readonly reason: string = message,
  ) {
    super(message, file, range);
  }

  override withFile(file: string): DockerfileError {
    return new DockerfileError(this.message, file, this.range as Range, this.referenceLine, this.reason);
  }
}

/** Internal: an error raised before the caller attaches its location. */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    /** Which part of the instruction is at fault, when known: the n-th flag or the n-th argument. */
    readonly at?: { readonly flag?: number; readonly arg?: number },
  ) {
    super(message);
  }
}
