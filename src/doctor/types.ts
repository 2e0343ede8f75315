/**
 * The data of `goship doctor`: log formats, build steps as the log names
 * them, the per-line events the readers produce, the diagnosis contract the
 * rules in rules/ implement, and the result every output is made from.
 * Types only; no behaviour.
 */
import type { Severity } from "../finding/finding.js";

/** The builder output formats the readers understand. */
export type LogFormat = "buildkit-plain" | "buildkit-rawjson" | "legacy" | "buildah" | "unknown";
export const LOG_FORMATS: readonly LogFormat[] = ["buildkit-plain", "buildkit-rawjson", "legacy", "buildah"];

/** A CI log wrapper around the builder's output. */
export type CiWrapper = "github" | "gitlab";

export type StepStatus = "running" | "done" | "cached" | "error";

/** One build step, as the log names it. Mutable only inside the engine. */
export interface Step {
  /** BuildKit `#N` / rawjson vertex digest / `Step i/N` / `STEP i/N` (+ buildah stage prefix). */
  readonly key: string;
  /** Stage name or index when the log carries it (`builder`, `stage-1`). */
  stage?: string;
  /** Position as the log prints it: `4/6`. */
  index?: string;
  /** The instruction text: `RUN go mod download`, `[internal] load metadata for ...`. */
  instruction: string;
  /** Log line of the step's first header. */
  line: number;
  status: StepStatus;
  /** Log line that ended the step (DONE/ERROR/next step). */
  endLine?: number;
  exitCode?: number;
  /** Dockerfile line, from the log (BuildKit error snippet) or --dockerfile. */
  dockerfileLine?: number;
}

/** A read-only view of a step, as findings and outputs carry it. */
export type StepView = Readonly<Step>;

/** One cleaned log line handed to the rules. */
export interface LogLine {
  /** 1-based line number in the input (rawjson: the JSON line). */
  readonly n: number;
  /** The line without CI prefix, ANSI escapes, `#N 1.234` prefix or timestamps. */
  readonly message: string;
  /** The line as printed (CI prefix and ANSI removed): evidence text. */
  readonly text: string;
  readonly step: StepView | undefined;
}

/** What a rule returns for a matching line: values for its cause and fix. */
export interface RuleHit {
  readonly detail?: Readonly<Record<string, string>>;
}

export type DiagnosisClass =
  | "network"
  | "auth"
  | "integrity"
  | "module"
  | "toolchain"
  | "compile"
  | "image"
  | "resource"
  | "packages"
  | "silent"
  | "efficiency";

export interface Diagnosis {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly class: DiagnosisClass;
  /**
   * Literal substrings (case-sensitive, at least 4 bytes): a line reaches
   * `match` only if it contains one. They feed the one-pass pre-filter.
   */
  readonly triggers: readonly string[];
  /** Decides on one candidate line. */
  match?(line: LogLine): RuleHit | undefined;
  /** For diagnoses over the whole build (GD2xx, GD3xx): run once at the end. */
  finish?(ctx: FinishContext): readonly FinalHit[];
  /** One sentence: what happened. */
  cause(detail: Readonly<Record<string, string>>, step: StepView | undefined): string;
  /** A concrete change to make. */
  fix(detail: Readonly<Record<string, string>>, step: StepView | undefined): string;
}

export interface Evidence {
  readonly line: number;
  readonly text: string;
}

/** A diagnosis made at the end, over steps and the line-level findings. */
export interface FinalHit {
  readonly step: StepView | undefined;
  readonly evidence: readonly Evidence[];
  readonly detail?: Readonly<Record<string, string>>;
}

export interface FinishContext {
  readonly steps: readonly StepView[];
  /** Line-level findings so far (before chaining). */
  readonly findings: readonly DoctorFinding[];
  readonly outcome: BuildOutcome;
  /** Lines `go: downloading ...` per step key, with the first few as evidence. */
  readonly downloads: ReadonlyMap<string, { readonly count: number; readonly evidence: readonly Evidence[] }>;
  /** Whether any step came from cache (CACHED / Using cache). */
  readonly sawCache: boolean;
}

/** How the build ended, as far as the log (or `run`) tells. */
export interface BuildOutcome {
  readonly status: "succeeded" | "failed" | "unknown";
  readonly exitCode?: number;
  /** The line that says so (`Successfully built`, `ERROR: failed to solve`, ...). */
  readonly evidence?: Evidence;
}

export interface DoctorFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly step: StepView | undefined;
  readonly evidence: readonly Evidence[];
  /** How many matching lines there were in all (evidence keeps the first few). */
  readonly count: number;
  readonly cause: string;
  readonly fix: string;
  /** Set by chaining: the ID of the root cause this finding follows from. */
  readonly causedBy?: string;
}

export interface DoctorResult {
  readonly format: LogFormat;
  readonly ci?: CiWrapper;
  readonly lines: number;
  readonly bytes: number;
  readonly outcome: BuildOutcome;
  readonly steps: readonly StepView[];
  /** Root causes first, each followed by its consequences. */
  readonly findings: readonly DoctorFinding[];
}
