/**
 * Where stage names are written and referenced, with file ranges, for the
 * GS6xx rules about stage names (casing, duplicates, `--from` targets):
 * the `AS name` tokens of FROM lines, and every reference to a stage by
 * name: `FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=...,from=<stage>`.
 * Names compare case-insensitively, as BuildKit lower-cases them.
 * Leaves out: references written with variables (`--from=${X}`), and
 * ranges of values that do not map one to one onto the file (a flag split
 * over continuation lines): those come back without a range.
 */
import type { Range } from "../../diagnostic/located-error.js";
import { csvFields } from "../../dockerfile/go/csv-fields.js";
import type { FromInstruction, Instruction, Stage } from "../../dockerfile/instructions/types.js";
import type { LintModel } from "../model/model.js";

export interface StageNameToken {
  readonly stage: Stage;
  readonly from: FromInstruction;
  /** The name as written. */
  readonly name: string;
  readonly nameRange: Range | undefined;
  /** The `AS` keyword as written. */
  readonly as: string;
  readonly asRange: Range | undefined;
}

/** The `FROM image AS name` tokens of every named stage, in file order. */
export function stageNameTokens(model: LintModel): StageNameToken[] {
  const out: StageNameToken[] = [];
  for (const s of model.stages) {
    const args = s.stage.from.node.args;
    if (args.length !== 3) continue;
    out.push({ stage: s.stage, from: s.stage.from, name: args[2]!.value, nameRange: args[2]!.range, as: args[1]!.value, asRange: args[1]!.range });
  }
  return out;
}

export type StageRefKind = "from" | "copy" | "mount";

export interface StageReference {
  readonly kind: StageRefKind;
  /** The instruction holding the reference. */
  readonly instruction: Instruction;
  /** Index of the stage the instruction belongs to. */
  readonly inStage: number;
  /** The reference as written. */
  readonly text: string;
  /** Where the reference is written, when it maps onto the file. */
  readonly range: Range | undefined;
}

/** Every literal (variable-free) `FROM x`, `COPY --from=x` and `--mount ...from=x` value, in file order. */
export function stageReferences(model: LintModel): StageReference[] {
  const out: StageReference[] = [];
  for (const s of model.stages) {
    const base = s.stage.from.node.args[0];
    if (base && !base.value.includes("$")) out.push({ kind: "from", instruction: s.stage.from, inStage: s.index, text: base.value, range: base.range });
    for (const ins of s.stage.commands) {
      for (const f of ins.node.flags) {
        const m = /^--from=(.*)$/s.exec(f.text);
        if (ins.kind === "COPY" && m) {
          const text = m[1]!;
          if (!text.includes("$")) out.push({ kind: "copy", instruction: ins, inStage: s.index, text, range: sub(f.range, f.text, 7, text.length) });
        }
        const mm = /^--mount=(.*)$/s.exec(f.text);
        if (ins.kind === "RUN" && mm) {
          let fields: string[];
          try {
            fields = csvFields(mm[1]!);
          } catch {
            continue;
          }
          // Offsets by search: csv quoting can shift them, so only unquoted `from=` fields get a range.
          for (const field of fields) {
            const fm = /^from=(.*)$/is.exec(field);
            if (!fm || fm[1]!.includes("$") || fm[1] === "") continue;
            const at = f.text.indexOf(field);
            const range = at >= 0 ? sub(f.range, f.text, at + field.length - fm[1]!.length, fm[1]!.length) : undefined;
            out.push({ kind: "mount", instruction: ins, inStage: s.index, text: fm[1]!, range });
          }
        }
      }
    }
  }
  return out;
}

/** The range of `text.slice(offset, offset + length)` inside a single-line range holding `text`. */
function sub(r: Range, text: string, offset: number, length: number): Range | undefined {
  if (r.start.line !== r.end.line || r.end.column - r.start.column !== text.length) return undefined;
  return { start: { line: r.start.line, column: r.start.column + offset }, end: { line: r.start.line, column: r.start.column + offset + length } };
}

/** The index of the stage named `name` (case-insensitive) or numbered `name`, searching all stages; null if none. */
export function stageByName(stages: readonly Stage[], name: string): number | null {
  if (/^\d+$/.test(name)) {
    const i = Number(name);
    return i < stages.length ? i : null;
  }
  const lower = name.toLowerCase();
  const i = stages.findIndex((s) => s.name === lower);
  return i < 0 ? null : i;
}
