/**
 * GitHub Actions workflow commands: one `::error file=..,line=..,col=..,title=..::msg`
 * line per finding, which Actions turns into annotations on the diff.
 * Escaping follows the runner's rules for properties and data.
 */
import type { Formatter } from "./report.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

export const formatGithub: Formatter = (input) =>
  input.findings
    .map((f) => {
      const props = [`file=${prop(f.file)}`];
      if (f.line > 0) props.push(`line=${f.line}`);
      if (f.column > 0) props.push(`col=${f.column}`);
      if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`);
      if (f.endColumn !== undefined) props.push(`endColumn=${f.endColumn}`);
      props.push(`title=${prop(f.ruleId)}`);
      return `::${LEVEL[f.severity]} ${props.join(",")}::${data(`${f.ruleId} ${f.message}`)}\n`;
    })
    .join("");

function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function prop(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
