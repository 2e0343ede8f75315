/**
 * LocatedError: a user-facing error that knows where in which file it happened.
 *
 * Modelled on BuildKit's parser.LocationError: the cause is wrapped once with
 * the ranges it concerns, by the caller that knows the file. The CLI prints
 * `file:line:col: message` and exits 2; no stack trace reaches the user.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units of the line). */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LocatedError extends Error {
  override readonly name = "LocatedError";
  constructor(
    message: string,
    /** File the error is about; empty when the input had no name (stdin). */
    readonly file: string,
    readonly range?: Range,
  ) {
    super(message);
  }

  /** `file:line:col: message`, the form editors and CI annotations understand. */
  format(): string {
    const where = [this.file || "<stdin>"];
    if (this.range) where.push(String(this.range.start.line), String(this.range.start.column));
    return `${where.join(":")}: ${this.message}`;
  }

  /** Returns a copy naming `file`, for callers that learn the file name late. */
  withFile(file: string): LocatedError {
    return new LocatedError(this.message, file, this.range);
  }
}

/** An error in how goship was called (bad flag, bad config value): exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
