/** The report formats, by name: one module each, one signature, no logic here. */
import { formatCheckstyle } from "./checkstyle.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import type { Formatter } from "./report.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

import type { FormatName } from "./names.js";

export const FORMATS: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
};

export type { FormatName } from "./names.js";
export { FORMAT_NAMES } from "./names.js";

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(FORMATS, s);
}

export type { Formatter, ReportInput, FormatOptions, RuleInfo } from "./report.js";
