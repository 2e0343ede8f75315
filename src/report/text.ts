/**
 * Human text report: findings grouped by file, each with its location, rule
 * ID, severity and message, then a code frame of the offending line(s) when
 * the source is known, and a one-line summary. Colour only when asked.
 */
import pc from "picocolors";
import type { Finding } from "../finding/finding.js";
import type { Formatter } from "./report.js";

export const formatText: Formatter = (input, opts) => {
  const c = pc.createColors(opts.color);
  const sev = { error: c.red("error"), warning: c.yellow("warning"), info: c.cyan("info") };
  const out: string[] = [];
  let file: string | undefined;
  for (const f of input.findings) {
    if (f.file !== file) {
      if (file !== undefined) out.push("");
      file = f.file;
      out.push(c.underline(c.bold(f.file)));
    }
    const where = f.line > 0 ? `${f.line}:${Math.max(f.column, 1)}` : "-";
    out.push(`  ${c.dim(where.padEnd(7))} ${sev[f.severity]} ${c.bold(f.ruleId)} ${f.message}`);
    const src = input.sources?.get(f.file);
    if (src !== undefined && f.line > 0) out.push(...frame(src, f, c));
  }
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of input.findings) n[f.severity]++;
  const files = new Set(input.findings.map((f) => f.file)).size;
  if (out.length > 0) out.push("");
  if (input.findings.length === 0) {
    out.push(c.green(`✓ no findings in ${plural(input.files.length, "file")}`));
  } else {
    out.push(
      `${plural(input.findings.length, "finding")} in ${plural(files, "file")}: ` +
        `${c.red(`${n.error} error`)}, ${c.yellow(`${n.warning} warning`)}, ${c.cyan(`${n.info} info`)}`,
    );
  }
  return out.join("\n") + "\n";
};

function frame(src: string, f: Finding, c: ReturnType<typeof pc.createColors>): string[] {
  const lines = src.split(/\r?\n/);
  const first = f.line;
  const last = Math.min(f.endLine ?? f.line, f.line + 4, lines.length);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1];
    if (text === undefined) break;
    out.push(`    ${c.dim(String(n).padStart(width) + " |")} ${text}`);
  }
  if (first === last && f.column > 0) {
    const text = lines[first - 1] ?? "";
    const end = f.endColumn !== undefined && f.endColumn > f.column ? f.endColumn : text.length + 1;
    const len = Math.max(1, Math.min(end, text.length + 1) - f.column);
    out.push(`    ${" ".repeat(width)} ${c.dim("|")} ${" ".repeat(f.column - 1)}${c.red("^".repeat(len))}`);
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
