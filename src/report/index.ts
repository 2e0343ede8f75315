/** The report formats, by name: one module each, one signature, no logic here. */
import { formatCheckstyle } from "./checkstyle.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import type { Formatter } from "./report.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

export const FORMATS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(FORMATS, s);
}

export type { Formatter, ReportInput, FormatOptions, RuleInfo } from "./report.js";
