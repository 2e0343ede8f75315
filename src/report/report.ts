/**
 * What every report format receives: the sorted findings, the tool run's
 * metadata, and the source text of the files (for code frames and SARIF
 * snippets). A format is a pure function from this to a string.
 */
import type { Finding } from "../finding/finding.js";

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  /** Path of the rule's doc page inside the package (docs/rules/<ID>.md). */
  readonly docs?: string;
}

export interface ReportInput {
  /** Sorted with sortFindings. */
  readonly findings: readonly Finding[];
  /** Files that were analysed (so a clean file still appears in checkstyle). */
  readonly files: readonly string[];
  /** Source text per file, for code frames; optional. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Rules that ran, for SARIF's driver.rules. */
  readonly rules?: readonly RuleInfo[];
  readonly toolVersion: string;
}

export interface FormatOptions {
  /** Colour escapes (text only). */
  readonly color: boolean;
}

export type Formatter = (input: ReportInput, opts: FormatOptions) => string;
