/**
 * Links build steps named in a log back to Dockerfile lines (`--dockerfile`):
 * by instruction text within the step's stage (whitespace-normalised, flags
 * kept), else by position: legacy `Step i/N` counts every instruction of the
 * file; buildah `[s/S] STEP i/N` and BuildKit `[stage i/n]` count within a
 * stage (BuildKit counts only FROM, RUN, COPY, ADD and WORKDIR). Leaves out
 * ARG-expanded text (BuildKit prints FROM with the resolved reference, which
 * matches the stage's FROM by position).
 */
import type { Dockerfile, Instruction, Stage } from "../dockerfile/index.js";
import type { DoctorResult, StepView } from "./types.js";

const BUILDKIT_VERTEX = new Set(["FROM", "RUN", "COPY", "ADD", "WORKDIR"]);

function norm(s: string): string {
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

export function dockerfileLineOf(step: StepView, df: Dockerfile): number | undefined {
  if (step.stage === "internal" || step.instruction.startsWith("[internal]")) return undefined;
  const stage = findStage(step, df);
  const pool: readonly Instruction[] = stage !== undefined ? [stage.from, ...stage.commands] : df.instructions;
  const want = norm(step.instruction);
  const byText = pool.find((i) => norm(i.original) === want) ?? pool.find((i) => norm(i.source.replace(/\\\n/g, " ")) === want);
  if (byText !== undefined) return byText.startLine;
  const pos = /^(\d+)\/(\d+)$/.exec(step.index ?? "");
  if (pos === null) return undefined;
  const i = Number(pos[1]);
  if (step.key.startsWith("Step ")) return df.instructions[i - 1]?.startLine;
  if (stage === undefined) return undefined;
  const all = [stage.from, ...stage.commands];
  if (step.key.includes("STEP ")) return all[i - 1]?.startLine;
  return all.filter((x) => BUILDKIT_VERTEX.has(x.kind))[i - 1]?.startLine;
}

function findStage(step: StepView, df: Dockerfile): Stage | undefined {
  const s = step.stage;
  if (s === undefined) return undefined;
  const bah = /^(\d+)\/\d+$/.exec(s);
  if (bah) return df.stages[Number(bah[1]) - 1];
  const named = df.stages.find((x) => x.name !== "" && x.name === s.toLowerCase());
  if (named !== undefined) return named;
  const idx = /^stage-(\d+)$/.exec(s) ?? /^(\d+)$/.exec(s);
  return idx ? df.stages[Number(idx[1])] : undefined;
}

/** The result with every step's (and finding step's) Dockerfile line filled in where found. */
export function linkDockerfile(r: DoctorResult, df: Dockerfile): DoctorResult {
  const lines = new Map<string, number>();
  for (const s of r.steps) {
    const l = dockerfileLineOf(s, df) ?? s.dockerfileLine;
    if (l !== undefined) lines.set(s.key, l);
  }
  const withLine = (s: StepView | undefined): StepView | undefined => {
    if (s === undefined) return undefined;
    const l = lines.get(s.key) ?? s.dockerfileLine;
    return l === undefined ? s : { ...s, dockerfileLine: l };
  };
  return {
    ...r,
    steps: r.steps.map((s) => withLine(s) as StepView),
    findings: r.findings.map((f) => ({ ...f, step: withLine(f.step) })),
  };
}
