/**
 * What a reader makes of one cleaned log line: a step header, a step's end,
 * output of a step, or a build-level outcome. Readers are pure functions from
 * a line's text to one event; the engine keeps the state (current step, ...).
 */
export type LineEvent =
  /** A step starts (or is named again, as BuildKit does when steps interleave). */
  | { readonly kind: "step"; readonly key: string; readonly stage?: string; readonly index?: string; readonly instruction: string }
  /** A step ended. `key` undefined: the current step (sequential formats). */
  | { readonly kind: "status"; readonly key?: string; readonly status: "done" | "cached" | "error"; readonly message: string; readonly exitCode?: number }
  /** Output of a step (`key` undefined: the current step). */
  | { readonly kind: "output"; readonly key?: string; readonly message: string }
  /** BuildKit's error summary names the failed step again: ` > [builder 4/6] RUN ...:`. */
  | { readonly kind: "summary-step"; readonly stage?: string; readonly index?: string; readonly instruction: string }
  /** BuildKit's error summary block ends (`------`). */
  | { readonly kind: "summary-end" }
  | { readonly kind: "build-failed"; readonly message: string; readonly exitCode?: number }
  | { readonly kind: "build-succeeded"; readonly message: string }
  /** BuildKit (buildx) prints the failed instruction's Dockerfile line: `Dockerfile:8`. */
  | { readonly kind: "dockerfile-line"; readonly line: number }
  /** The CI job's own verdict (`##[error]Process completed with exit code 1.`). */
  | { readonly kind: "ci-exit"; readonly exitCode: number };

/** `builder 4/6` → stage and index; `internal` → stage only. */
export function splitBracket(inside: string): { stage?: string; index?: string } {
  const m = /^(?:(.*?)\s+)?(\d+\/\d+)$/.exec(inside);
  if (m) return { ...(m[1] !== undefined ? { stage: m[1] } : {}), index: m[2] as string };
  return { stage: inside };
}
