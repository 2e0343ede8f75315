/**
 * `goship doctor` text output: per log a one-line summary (builder, outcome,
 * steps), then each finding with its step, cause, evidence lines (log line
 * numbers) and fix; consequences are indented under their root cause.
 * Colour only when asked. Evidence is already redacted by the engine.
 */
import type { Colors } from "../cli/color.js";
import { redact } from "../secrets/redact.js";
import type { NamedResult } from "./format-json.js";
import type { DoctorFinding, LogFormat, StepView } from "./types.js";

const BUILDER: Record<LogFormat, string> = {
  "buildkit-plain": "BuildKit (plain)",
  "buildkit-rawjson": "BuildKit (rawjson)",
  legacy: "docker legacy builder",
  buildah: "buildah/podman",
  unknown: "unknown format",
};

export function stepLabel(s: StepView | undefined): string {
  if (s === undefined) return "whole build";
  const where = [s.stage, s.index].filter((x) => x !== undefined).join(" ");
  return `${where !== "" ? `[${where}] ` : ""}${redact(s.instruction)}`;
}

export function formatDoctorText(results: readonly NamedResult[], c: Colors): string {
  const out: string[] = [];
  for (const { file, result: r } of results) {
    const outcome = r.outcome.status === "unknown" ? "outcome unknown" : `build ${r.outcome.status}${r.outcome.exitCode !== undefined ? ` (exit ${r.outcome.exitCode})` : ""}`;
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of r.findings) counts[f.severity]++;
    out.push(
      `${c.bold(file)}: ${BUILDER[r.format]}${r.ci !== undefined ? ` in ${r.ci === "github" ? "GitHub Actions" : "GitLab CI"}` : ""}, ${outcome}, ${r.steps.length} steps, ${r.lines} lines`,
    );
    if (r.findings.length === 0) {
      out.push(`  ${c.green("no problem found")}`, "");
      continue;
    }
    for (const f of r.findings) out.push(...finding(f, c));
    out.push(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`, "");
  }
  return out.join("\n");
}

function finding(f: DoctorFinding, c: Colors): string[] {
  const ind = f.causedBy !== undefined ? "    " : "";
  const sev = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.blue("info");
  const df = f.step?.dockerfileLine !== undefined ? ` (Dockerfile:${f.step.dockerfileLine})` : "";
  const lines = [
    `${ind}${f.causedBy !== undefined ? c.dim(`↳ consequence of ${f.causedBy}: `) : ""}${sev} ${c.bold(f.id)} ${f.title}  ${c.dim(`${stepLabel(f.step)}${df}`)}`,
    `${ind}  ${redact(f.cause)}`,
  ];
  const width = String(Math.max(...f.evidence.map((e) => e.line), 1)).length;
  for (const e of f.evidence) lines.push(`${ind}  ${c.dim(`${String(e.line).padStart(width)} |`)} ${e.text}`);
  if (f.count > f.evidence.length) lines.push(`${ind}  ${c.dim(`(${f.count - f.evidence.length} more matching line(s))`)}`);
  lines.push(`${ind}  ${c.green("fix:")} ${f.fix}`, "");
  return lines;
}
