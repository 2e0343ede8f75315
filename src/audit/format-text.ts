/**
 * The text summary of an audit: the overall score, a table with the score
 * and one line per area, the failed and passed gates, the top fixes first,
 * then the findings grouped by area. Colour only when asked (TTY). Pure;
 * the report is already redacted.
 */
import type { Colors } from "../cli/color.js";
import type { Finding, Severity } from "../finding/finding.js";
import { formatBytes } from "../context/tree.js";
import type { AreaResult, AuditReport } from "./types.js";

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function where(f: { file: string; line: number }): string {
  return f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ""}` : "";
}

export function formatAuditText(r: AuditReport, c: Colors): string {
  const sev = (s: Severity, text: string = s): string => (s === "error" ? c.red(text) : s === "warning" ? c.yellow(text) : c.blue(text));
  const status = (a: AreaResult): string => {
    switch (a.status) {
      case "ok":
        return c.green("ok");
      case "findings":
        return c.yellow("findings");
      case "skipped":
        return c.dim("skipped");
      case "failed":
        return c.red("failed");
    }
  };
  const lines: string[] = [];
  const n = r.counts;
  lines.push(`${c.bold(`goship audit ${r.root}`)}  score ${c.bold(String(r.score))}/100  (${n.error} error${n.error === 1 ? "" : "s"}, ${n.warning} warning${n.warning === 1 ? "" : "s"}, ${n.info} info)`);
  lines.push("");
  lines.push(c.dim(`${pad("area", 10)} ${pad("score", 6)} ${pad("status", 9)} summary`));
  for (const a of r.areas) {
    const score = a.score === null ? "-" : String(a.score);
    // Pad before colouring so the columns line up with or without escapes.
    const st = status(a);
    const stPad = " ".repeat(Math.max(0, 9 - a.status.length));
    const text = a.status === "skipped" || a.status === "failed" ? (a.note ?? a.summary) : `${a.summary}${a.note ? c.dim(` (${a.note})`) : ""}`;
    lines.push(`${pad(a.area, 10)} ${pad(score, 6)} ${st}${stPad} ${text}`);
  }
  if (r.context) lines.push("", `context: ${r.context.files} files, ${formatBytes(r.context.bytes)}; ignore file ${r.context.ignoreFile ?? "none"}`);
  if (r.image) lines.push(`image: ${r.image.ref} ${r.image.platform} ${formatBytes(r.image.size)} in ${r.image.layers.length} layers, user ${r.image.user || "root"}`);
  if (r.gates.length > 0) {
    lines.push("", c.bold("gates"));
    for (const g of r.gates) lines.push(`  ${g.passed ? c.green("pass") : c.red("FAIL")} ${g.gate}: ${g.message}`);
  }
  if (r.topFixes.length > 0) {
    lines.push("", c.bold("top fixes"));
    r.topFixes.forEach((t, i) => {
      lines.push(`  ${i + 1}. ${sev(t.severity)} ${t.ruleId} ${where(t)}${where(t) ? " " : ""}[${t.area}]`);
      lines.push(`     ${t.message}`);
      lines.push(`     ${c.green("→")} ${t.action}`);
    });
  }
  for (const a of r.areas) {
    if (a.findings.length === 0) continue;
    lines.push("", c.bold(`${a.area} (${a.findings.length})`));
    for (const f of a.findings) lines.push(`  ${findingLine(f, sev)}`);
  }
  if (r.generated && r.generated.length > 0) {
    lines.push("", c.bold("no Dockerfile: here is what goship init would write"));
    for (const g of r.generated) {
      lines.push(c.dim(`==> ${g.path} <==`));
      lines.push(...g.content.replace(/\n$/, "").split("\n"));
    }
  }
  if (r.history && r.history.length > 1) {
    lines.push("", c.bold("history"));
    for (const h of r.history.slice(-10)) {
      lines.push(`  ${h.createdAt}  score ${String(h.score).padStart(3)}  ${h.counts.error}E ${h.counts.warning}W ${h.counts.info}I${h.imageSize !== undefined ? `  image ${formatBytes(h.imageSize)}` : ""}`);
    }
  }
  lines.push("");
  const failedGates = r.gates.filter((g) => !g.passed).map((g) => g.gate);
  if (r.exitCode === 0) lines.push(c.green(`passed (failure threshold: ${r.failureThreshold ?? "warning"})`));
  else lines.push(c.red(`failed${failedGates.length ? `: gate${failedGates.length === 1 ? "" : "s"} ${failedGates.join(", ")}` : ""}${r.counts.error + r.counts.warning > 0 ? `${failedGates.length ? "; " : ": "}findings at or above ${r.failureThreshold ?? "warning"}` : ""}`));
  return lines.join("\n") + "\n";
}

function findingLine(f: Finding, sev: (s: Severity, t?: string) => string): string {
  const loc = where(f);
  return `${loc ? `${loc}: ` : ""}${sev(f.severity, f.severity.padEnd(7))} ${f.ruleId} ${f.message}`;
}
