/**
 * What an SBOM can be made of: one GoBuildInfo (a binary whose bytes are not
 * at hand), one found binary, or several (a folder, an image). Pure.
 */
import type { FoundBinary, GoBuildInfo, SbomOptions } from "./types.js";

export type SbomSubject = GoBuildInfo | FoundBinary | readonly FoundBinary[];

function isFound(x: GoBuildInfo | FoundBinary): x is FoundBinary {
  return "info" in x;
}

/** The subject as a list of binaries; a bare GoBuildInfo is named by opts.name or its package path. */
export function asBinaries(subject: SbomSubject, opts: SbomOptions): readonly FoundBinary[] {
  if (Array.isArray(subject)) return subject as readonly FoundBinary[];
  const one = subject as GoBuildInfo | FoundBinary;
  if (isFound(one)) return [one];
  return [{ file: opts.name ?? (one.path || "binary"), info: one, sha256: "" }];
}
