/**
 * GD201: a step printed a failure (a GD1xx error) and still exited 0: the
 * exit status was swallowed by `|| ...`, a pipe, `;` or `set +e`.
 */
import type { Evidence, FinalHit, StepView } from "../types.js";
import { defineDiagnosis, stepName } from "./define.js";

export const GD201 = defineDiagnosis({
  id: "GD201",
  severity: "error",
  title: "failure masked inside a step",
  class: "silent",
  triggers: [],
  finish(ctx) {
    const hits: FinalHit[] = [];
    const byStep = new Map<string, Evidence[]>();
    for (const f of ctx.findings) {
      if (f.severity !== "error" || !f.id.startsWith("GD1") || f.step === undefined) continue;
      const s = ctx.steps.find((x) => x.key === f.step?.key);
      if (s === undefined || s.status !== "done") continue;
      const list = byStep.get(s.key) ?? [];
      list.push(...f.evidence.slice(0, 1));
      byStep.set(s.key, list);
    }
    for (const [key, ev] of byStep) {
      const step = ctx.steps.find((x) => x.key === key) as StepView;
      const evidence = [...ev].sort((a, b) => a.line - b.line).slice(0, 3);
      hits.push({ step, evidence, detail: { how: maskOf(step.instruction) } });
    }
    return hits;
  },
  cause: (d, step) => `${stepName(step)} printed an error but exited 0: ${d.how} swallowed the failure, so the build went on without what the step should have produced.`,
  fix: (d) =>
    (d.how ?? "").startsWith("a pipe")
      ? `Make the pipe fail when its first command fails: \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\` before the RUN (or \`set -o pipefail;\` inside it, where the shell supports it); wrap CI builds with \`goship run -- docker build ...\` so masked failures fail the job.`
      : `Let the command fail the step: remove ${d.how === "`set +e`" ? "`set +e`" : d.how} (use \`&&\` between commands); if a fallback is really wanted, make it explicit and still fail on error; wrap CI builds with \`goship run -- docker build ...\` so masked failures fail the job.`,
});

/** What in a RUN line can swallow a failure. */
export function maskOf(instruction: string): string {
  const run = instruction.replace(/^RUN\s+(?:--\S+\s+)*/, "");
  if (/\|\|/.test(run)) return `\`|| ${/\|\|\s*([^&;|]*)/.exec(run)?.[1]?.trim() ?? ""}\``;
  if (/set \+e/.test(run)) return "`set +e`";
  if (/[^|]\|[^|]/.test(run)) return "a pipe (the step's status is the last command's)";
  if (/;/.test(run)) return "`;` (the step's status is the last command's)";
  return "the step's script";
}
