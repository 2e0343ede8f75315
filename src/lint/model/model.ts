/**
 * The semantic model every lint rule reads, computed once per Dockerfile:
 * stages with their resolved base (an earlier stage or an image, after
 * expanding global ARGs as BuildKit does for FROM), the final stage, what
 * each stage inherits (base image facts, USER), and the parsed shell script
 * of every shell-form RUN (cached). Project facts (go.mod, .dockerignore,
 * the build context) come in from outside; rules never touch the disk.
 */
import type { Dockerfile } from "../../dockerfile/index.js";
import type { FromInstruction, Instruction, RunInstruction, Stage } from "../../dockerfile/instructions/types.js";
import { expandWord } from "../../dockerfile/expand/index.js";
import { parseImageRef, type ImageRef } from "../../oci/reference.js";
import { parseShell } from "../../shell/parse.js";
import type { Script } from "../../shell/ast.js";
import { classifyImage, SCRATCH, type BaseImage } from "./base-image.js";
import { CommandLocator } from "./locate.js";
import type { ProjectFacts } from "./project.js";

export interface StageModel {
  readonly stage: Stage;
  readonly index: number;
  /** The FROM image after expanding global ARG defaults. */
  readonly baseText: string;
  /** Index of the earlier stage this one builds FROM, or null for an image. */
  readonly parent: number | null;
  /** The image reference (for image bases), null for stages, scratch, or unparsable names. */
  readonly ref: ImageRef | null;
  /** Facts of the image at the root of this stage's FROM chain. */
  readonly base: BaseImage;
  /** True when the FROM text still holds a variable after expansion (unknown image). */
  readonly dynamic: boolean;
  readonly isFinal: boolean;
  /** The USER in effect at the end of the stage (inherited through FROM <stage>), or null if never set. */
  readonly user: string | null;
  /** Stages this stage copies from with COPY --from (by index). */
  readonly copiesFrom: readonly number[];
}

export interface LintModel {
  readonly file: string;
  readonly source: string;
  readonly dockerfile: Dockerfile;
  readonly stages: readonly StageModel[];
  /** The stage the build produces (the last one). */
  readonly final: StageModel | null;
  /** Global ARG defaults (before the first FROM). */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  readonly project: ProjectFacts;
  /** The physical lines of the file. */
  readonly lines: readonly string[];
  /** The shell script of a shell-form RUN (null when it does not parse). */
  script(run: RunInstruction): Script | null;
  /** Maps offsets in a shell-form command back to file positions. */
  locate(run: RunInstruction): CommandLocator;
  /** The stage an instruction belongs to (null for global ARGs). */
  stageOf(line: number): StageModel | null;
  /** Resolves `--from` (name or index) to a stage index, or null for an image. */
  stageIndex(ref: string, before?: number): number | null;
}

export function buildModel(file: string, source: string, df: Dockerfile, project: ProjectFacts): LintModel {
  const globalArgs = new Map<string, string | undefined>();
  for (const a of df.metaArgs) for (const d of a.args) globalArgs.set(d.key, d.value !== undefined ? expand(d.value, globalArgs) : undefined);

  const byName = new Map<string, number>();
  const stages: StageModel[] = [];
  df.stages.forEach((stage, index) => {
    const baseText = expand(stage.baseName, globalArgs);
    const dynamic = /\$/.test(baseText);
    const lower = baseText.toLowerCase();
    const parentIdx = byName.get(lower);
    let ref: ImageRef | null = null;
    let base: BaseImage;
    let parent: number | null = null;
    let user: string | null = null;
    if (parentIdx !== undefined) {
      parent = parentIdx;
      const p = stages[parentIdx]!;
      base = p.base;
      user = p.user;
    } else if (lower === "scratch") {
      base = SCRATCH;
    } else {
      ref = dynamic ? null : parseImageRef(baseText);
      base = ref ? classifyImage(ref) : classifyImage({ raw: baseText, registry: "", path: "", tag: null, digest: null, familiar: "" });
    }
    for (const c of stage.commands) if (c.kind === "USER") user = c.user;
    if (stage.name) byName.set(stage.name, index);
    stages.push({
      stage,
      index,
      baseText,
      parent,
      ref,
      base,
      dynamic,
      isFinal: index === df.stages.length - 1,
      user,
      copiesFrom: [],
    });
  });
  // COPY --from edges, once the names are known.
  const resolve = (ref: string, before = Number.MAX_SAFE_INTEGER): number | null => {
    if (/^\d+$/.test(ref)) {
      const i = Number(ref);
      return i < stages.length && i < before ? i : null;
    }
    const i = byName.get(ref.toLowerCase());
    return i !== undefined && i < before ? i : null;
  };
  for (const s of stages) {
    const from: number[] = [];
    for (const c of s.stage.commands) {
      if (c.kind === "COPY" && c.from) {
        const i = resolve(expand(c.from, globalArgs), s.index);
        if (i !== null) from.push(i);
      }
      if (c.kind === "RUN") {
        for (const m of c.mounts) {
          const f = m.mount && "from" in m.mount ? (m.mount as { from?: string }).from : undefined;
          if (f) {
            const i = resolve(f, s.index);
            if (i !== null) from.push(i);
          }
        }
      }
    }
    (s as { copiesFrom: readonly number[] }).copiesFrom = from;
  }

  const scripts = new Map<RunInstruction, Script | null>();
  const locators = new Map<RunInstruction, CommandLocator>();
  const lines = source.split(/\r?\n/);
  return {
    lines,
    file,
    source,
    dockerfile: df,
    stages,
    final: stages[stages.length - 1] ?? null,
    globalArgs,
    project,
    script(run) {
      if (!run.shell || run.command === undefined) return null;
      let s = scripts.get(run);
      if (s === undefined) {
        s = parseShell(run.command).script;
        scripts.set(run, s);
      }
      return s;
    },
    locate(run) {
      let l = locators.get(run);
      if (!l) {
        const start = run.node.args[0]?.range?.start ?? run.node.argsRange.start;
        l = new CommandLocator(lines, start, df.escapeToken);
        locators.set(run, l);
      }
      return l;
    },
    stageOf(line) {
      let found: StageModel | null = null;
      for (const s of stages) if (s.stage.from.startLine <= line) found = s;
      return found;
    },
    stageIndex: resolve,
  };
}

/** Expands `text` with `args` as BuildKit expands FROM: unknown variables stay as written. */
/** Build args BuildKit provides on its own: unknown at lint time, so they stay as written. */
const AUTOMATIC_ARGS: ReadonlySet<string> = new Set([
  "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
  "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
]);

/**
 * Expands `text` as BuildKit expands FROM with the global ARGs: a declared
 * ARG gives its default; a declared ARG without one and a platform arg stay
 * as written (they are only known at build time, from --build-arg or the
 * platform); any other name is empty, as BuildKit makes it.
 */
function expand(text: string, args: ReadonlyMap<string, string | undefined>): string {
  try {
    return expandWord(text, (k) => (args.has(k) ? args.get(k) : AUTOMATIC_ARGS.has(k) ? undefined : ""), { skipUnsetEnv: true }).value;
  } catch {
    return text;
  }
}

/** All instructions of the file in order, ONBUILD triggers excluded. */
export function allInstructions(m: LintModel): readonly Instruction[] {
  return m.dockerfile.instructions;
}

export type { FromInstruction };
