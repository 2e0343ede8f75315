/**
 * ExpandError: a word BuildKit refuses to expand (unterminated quote, bad
 * substitution, `${V:?msg}` on an unset or empty variable, unsupported
 * modifier, invalid pattern). `message` is BuildKit's error text exactly
 * (`failed to process "<word>": <reason>`); `reason` is the part after it.
 * It carries no file position: the Dockerfile parser wraps it in a
 * LocatedError where it knows the instruction's range.
 */
import { goQuote } from "../../golang/strconv-quote.js";

export class ExpandError extends Error {
  override readonly name = "ExpandError";
  constructor(
    /** The word as given to expandWord / expandWords. */
    readonly word: string,
    /** BuildKit's inner error, e.g. `syntax error: bad substitution`. */
    readonly reason: string,
  ) {
    super(`failed to process ${goQuote(word)}: ${reason}`);
  }
}
