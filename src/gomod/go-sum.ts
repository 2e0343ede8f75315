/**
 * parseGoSum: go.sum as the go command reads it, mirroring
 * cmd/go/internal/modfetch readGoSum (Go 1.26): the file is split on "\n";
 * each line is split into fields on Unicode white space (strings.Fields);
 * blank lines are skipped; a line without exactly three fields is
 * "malformed go.sum: <file>:<n>: wrong number of fields <k>" (the go
 * command stops there, except `go mod tidy`, which skips it); a line whose
 * hash is the hash of an empty go.mod (an old go command bug) is dropped.
 * Hashes of any algorithm are kept (haveModSumLocked compares every hash and
 * only reports a mismatch against "h1:" ones). Duplicate lines are kept,
 * and reported as problems here (the go command rewrites them away).
 *
 * Leaves out go.work.sum merging and writing (modfetch WriteGoSum).
 */
import type { Range } from "../diagnostic/located-error.js";
import { LocatedError } from "../diagnostic/located-error.js";
import { fields } from "../golang/strings.js";

/** The hash of a 1-file tree holding an empty go.mod; readGoSum drops these lines. */
export const EMPTY_GO_MOD_HASH = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

export interface GoSumEntry {
  /** Module path. */
  readonly path: string;
  /** Version as written: "v1.2.3" (module zip) or "v1.2.3/go.mod" (go.mod only). */
  readonly version: string;
  /** Version without "/go.mod". */
  readonly moduleVersion: string;
  /** True for a "/go.mod" line. */
  readonly goMod: boolean;
  /** "h1:base64...", or another algorithm the go command keeps but does not check. */
  readonly hash: string;
  /** The algorithm prefix before ":" ("h1"), or "" when the hash has none. */
  readonly algorithm: string;
  readonly line: number;
  readonly range: Range;
}

export type GoSumProblemKind = "wrong-number-of-fields" | "empty-go-mod-hash" | "duplicate" | "unknown-algorithm";

export interface GoSumProblem {
  readonly kind: GoSumProblemKind;
  readonly line: number;
  /** For wrong-number-of-fields: the go command's exact message (without the "malformed go.sum:\n" header). */
  readonly message: string;
}

export interface GoSum {
  readonly file: string;
  /** Lines the go command keeps, in file order. */
  readonly entries: readonly GoSumEntry[];
  readonly problems: readonly GoSumProblem[];
  /** The error the go command stops with (all commands but `go mod tidy`), or null. */
  readonly fatal: LocatedError | null;
}

/** Reads go.sum text (file names the file in messages, as the go command prints it). */
export function parseGoSum(text: string, file = "go.sum"): GoSum {
  const entries: GoSumEntry[] = [];
  const problems: GoSumProblem[] = [];
  let fatal: LocatedError | null = null;
  const seen = new Set<string>();
  // readGoSum loops while data remains, so a final "\n" ends the last line
  // instead of starting an empty one.
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  if (text === "") lines.length = 0;
  lines.forEach((line, i) => {
    const lineno = i + 1;
    const f = fields(line);
    if (f.length === 0) return;
    const range: Range = { start: { line: lineno, column: 1 }, end: { line: lineno, column: line.length + 1 } };
    if (f.length !== 3) {
      const message = `${file}:${lineno}: wrong number of fields ${f.length}`;
      problems.push({ kind: "wrong-number-of-fields", line: lineno, message });
      fatal ??= new LocatedError(`malformed go.sum: wrong number of fields ${f.length}`, file, range);
      return;
    }
    const [path, version, hash] = f as [string, string, string];
    if (hash === EMPTY_GO_MOD_HASH) {
      problems.push({ kind: "empty-go-mod-hash", line: lineno, message: "hash of an empty go.mod (dropped by the go command)" });
      return;
    }
    const key = `${path} ${version} ${hash}`;
    if (seen.has(key)) problems.push({ kind: "duplicate", line: lineno, message: `duplicate line for ${path} ${version}` });
    seen.add(key);
    const colon = hash.indexOf(":");
    const algorithm = colon >= 0 ? hash.slice(0, colon) : "";
    if (algorithm !== "h1") {
      problems.push({ kind: "unknown-algorithm", line: lineno, message: `hash algorithm ${JSON.stringify(algorithm)} is not checked by the go command` });
    }
    const goMod = version.endsWith("/go.mod");
    entries.push(
      Object.freeze({
        path,
        version,
        moduleVersion: goMod ? version.slice(0, -"/go.mod".length) : version,
        goMod,
        hash,
        algorithm,
        line: lineno,
        range: Object.freeze(range),
      }),
    );
  });
  return Object.freeze({ file, entries: Object.freeze(entries), problems: Object.freeze(problems), fatal });
}
