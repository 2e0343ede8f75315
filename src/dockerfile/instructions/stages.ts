/**
 * Stages as BuildKit's instructions.Parse groups them: ARGs before the first
 * FROM are meta ARGs, every FROM opens a stage, other instructions join the
 * current one ("no build stage in current context" before any FROM). Also the
 * lookups built on them: the `--target` stage (BuildKit's HasStage, names are
 * case-insensitive; the last stage when no target is given) and what a
 * `COPY --from` / `RUN --mount from=` names (a stage by name or index, or an
 * image).
 */
import type { ArgInstruction, CopyInstruction, FromInstruction, Instruction, RunInstruction, Stage } from "./types.js";

export interface StageGrouping {
  readonly stages: readonly Stage[];
  readonly metaArgs: readonly ArgInstruction[];
}

export class NoStageError extends Error {
  constructor(readonly instruction: Instruction) {
    super("no build stage in current context");
  }
}

interface OpenStage {
  from: FromInstruction;
  commands: Instruction[];
}

function close(s: OpenStage, index: number): Stage {
  const last = s.commands[s.commands.length - 1] ?? s.from;
  return {
    index,
    name: s.from.stageName,
    baseName: s.from.image,
    platform: s.from.platform,
    from: s.from,
    commands: s.commands,
    range: { start: s.from.range.start, end: last.range.end },
    docComment: docCommentFor(s.from),
  };
}

function docCommentFor(from: FromInstruction): string {
  if (from.stageName === "") return "";
  for (const line of from.comments) if (line.startsWith(from.stageName + " ")) return line.slice(from.stageName.length + 1);
  return "";
}

/** Incremental grouping, so the caller can stop at the first error like BuildKit. */
export class StageBuilder {
  private readonly open: OpenStage[] = [];
  private readonly metas: ArgInstruction[] = [];

  add(ins: Instruction): void {
    if (this.open.length === 0 && ins.kind === "ARG") {
      this.metas.push(ins);
      return;
    }
    if (ins.kind === "FROM") {
      this.open.push({ from: ins, commands: [] });
      return;
    }
    const cur = this.open[this.open.length - 1];
    if (!cur) throw new NoStageError(ins);
    cur.commands.push(ins);
  }

  result(): StageGrouping {
    return { stages: this.open.map(close), metaArgs: this.metas };
  }
}

/** The stage `--target` selects (case-insensitive name), or the last stage when target is empty. */
export function findStage(stages: readonly Stage[], target = ""): Stage | undefined {
  if (target === "") return stages[stages.length - 1];
  const t = target.toLowerCase();
  return stages.find((s) => s.name !== "" && s.name.toLowerCase() === t);
}

export type FromReference =
  | { readonly kind: "stage"; readonly stage: Stage }
  | { readonly kind: "image"; readonly image: string };

/**
 * What `--from=<name>` refers to from inside stage `current`: an earlier
 * stage by name or by index, else an image (or a build context) of that name.
 */
export function resolveFrom(stages: readonly Stage[], name: string, current: number): FromReference {
  const t = name.toLowerCase();
  const byName = stages.find((s, i) => i < current && s.name !== "" && s.name.toLowerCase() === t);
  if (byName) return { kind: "stage", stage: byName };
  if (/^[0-9]+$/.test(name)) {
    const idx = Number(name);
    const s = stages[idx];
    if (s && idx < current) return { kind: "stage", stage: s };
  }
  return { kind: "image", image: name };
}

export interface CopyFromReference {
  readonly stage: Stage;
  readonly instruction: CopyInstruction | RunInstruction;
  readonly name: string;
  readonly target: FromReference;
}

/** Every COPY --from and RUN --mount from= in the file, resolved. */
export function fromReferences(stages: readonly Stage[]): CopyFromReference[] {
  const out: CopyFromReference[] = [];
  for (const stage of stages) {
    for (const ins of stage.commands) {
      if (ins.kind === "COPY" && ins.from !== "") {
        out.push({ stage, instruction: ins, name: ins.from, target: resolveFrom(stages, ins.from, stage.index) });
      } else if (ins.kind === "RUN") {
        for (const m of ins.mounts) {
          if (m.mount && m.mount.from !== "") {
            out.push({ stage, instruction: ins, name: m.mount.from, target: resolveFrom(stages, m.mount.from, stage.index) });
          }
        }
      }
    }
  }
  return out;
}
