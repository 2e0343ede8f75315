/**
 * Cleans one log line before it is read: removes ANSI escapes (colours,
 * erase-line), a trailing CR, the timestamp GitHub Actions puts before each
 * line (`2024-05-01T10:11:12.1234567Z `) and GitLab CI's section markers
 * (`section_start:<ts>:<name>\r\e[0K`), and says which CI wrapper the line
 * shows. Leaves out other CI systems' prefixes (Jenkins timestamper, Buildkite
 * `_bk;t=`), which pass through unchanged.
 */
import type { CiWrapper } from "../types.js";

export interface CleanLine {
  readonly text: string;
  /** The CI wrapper this line's markers show, if any. */
  readonly ci?: CiWrapper;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const GITHUB_TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const GITLAB_SECTION = /section_(?:start|end):\d+:[A-Za-z0-9_.\-[\]]+(?:\r|\x1b\[0K)*/g;

export function cleanLine(raw: string): CleanLine {
  let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  let ci: CiWrapper | undefined;
  if (text.includes("section_")) {
    const t = text.replace(GITLAB_SECTION, "");
    if (t !== text) {
      ci = "gitlab";
      text = t;
    }
  }
  if (text.includes("\x1b")) text = text.replace(ANSI, "");
  if (text.includes("\r")) text = text.slice(text.lastIndexOf("\r") + 1);
  const c0 = text.charCodeAt(0);
  const ts = c0 >= 0x30 && c0 <= 0x39 ? GITHUB_TS.exec(text) : null;
  if (ts) {
    text = text.slice(ts[0].length);
    ci ??= "github";
  }
  if (text.startsWith("##[")) ci = "github";
  return ci === undefined ? { text } : { text, ci };
}

/** True when the line is a CI wrapper's own line (group markers, job result), not builder output. */
export function isCiLine(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x23: // #
      return text.startsWith("##[");
    case 0x3a: // :
      return text.startsWith("::");
    case 0x24: // $
      return text.startsWith("$ ");
    case 0x52: // R
    case 0x4a: // J
    case 0x45: // E
    case 0x43: // C
      return /^(?:Running with gitlab-runner|Job succeeded|ERROR: Job failed|Cleaning up project directory)/.test(text);
    default:
      return false;
  }
}
