/**
 * `goship doctor -f json`: schema version 1, documented in docs/doctor/README.md.
 * One log: `{version, file, builder, ci?, exitCode?, outcome, lines, steps[],
 * findings[{id, severity, title, step, evidence[{line,text}], count, cause,
 * fix, causedBy?}]}`; several logs: `{version, logs: [<the same without version>]}`.
 * Evidence is already redacted by the engine; step instructions are redacted here.
 */
import { redact } from "../secrets/redact.js";
import type { DoctorResult, StepView } from "./types.js";

export const DOCTOR_JSON_VERSION = 1;

export interface NamedResult {
  readonly file: string;
  readonly result: DoctorResult;
}

function step(s: StepView): Record<string, unknown> {
  return {
    key: s.key,
    ...(s.stage !== undefined ? { stage: s.stage } : {}),
    ...(s.index !== undefined ? { index: s.index } : {}),
    instruction: redact(s.instruction),
    line: s.line,
    status: s.status,
    ...(s.exitCode !== undefined ? { exitCode: s.exitCode } : {}),
    ...(s.dockerfileLine !== undefined ? { dockerfileLine: s.dockerfileLine } : {}),
  };
}

export function doctorJsonObject({ file, result: r }: NamedResult): Record<string, unknown> {
  return {
    file,
    builder: r.format,
    ...(r.ci !== undefined ? { ci: r.ci } : {}),
    ...(r.outcome.exitCode !== undefined ? { exitCode: r.outcome.exitCode } : {}),
    outcome: r.outcome.status,
    lines: r.lines,
    steps: r.steps.map(step),
    findings: r.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      title: f.title,
      step: f.step === undefined ? null : step(f.step),
      evidence: f.evidence.map((e) => ({ line: e.line, text: e.text })),
      count: f.count,
      cause: redact(f.cause),
      fix: f.fix,
      ...(f.causedBy !== undefined ? { causedBy: f.causedBy } : {}),
    })),
  };
}

export function formatDoctorJson(results: readonly NamedResult[]): string {
  const doc =
    results.length === 1
      ? { version: DOCTOR_JSON_VERSION, ...doctorJsonObject(results[0] as NamedResult) }
      : { version: DOCTOR_JSON_VERSION, logs: results.map(doctorJsonObject) };
  return JSON.stringify(doc, null, 2) + "\n";
}
