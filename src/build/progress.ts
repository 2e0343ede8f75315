/**
 * Progress of `goship build`: the events the builder, runBuild and the
 * registry publisher emit, a pure reducer that folds them into one line
 * per (package, platform) step plus one push line per package, and two
 * renderers: `plainLine` (one line per finished step, for logs and pipes)
 * and `renderTty` (the current lines, redrawn in place on a terminal).
 * No I/O here except `progressWriter`, which picks the renderer from the
 * stream's isTTY and writes to stderr only.
 */
export type ProgressEvent =
  | { readonly kind: "compile-start"; readonly pkg: string; readonly platform: string }
  | { readonly kind: "compile-done"; readonly pkg: string; readonly platform: string; readonly ms: number; readonly bytes: number }
  | { readonly kind: "layer-done"; readonly pkg: string; readonly platform: string; readonly what: "binary" | "data"; readonly bytes: number; readonly ms: number }
  | { readonly kind: "push-start"; readonly pkg: string; readonly blobs: number; readonly bytes: number }
  | { readonly kind: "push-blob"; readonly pkg: string; readonly result: string; readonly bytes: number }
  | { readonly kind: "push-done"; readonly pkg: string; readonly ref: string; readonly ms: number };

export type ProgressSink = (e: ProgressEvent) => void;

type Phase = "compiling" | "compiled" | "layered";

export interface StepLine {
  readonly key: string;
  readonly pkg: string;
  readonly platform: string;
  readonly phase: Phase;
  readonly binaryBytes?: number;
  readonly layerBytes?: number;
  readonly compileMs?: number;
}

export interface PushLine {
  readonly pkg: string;
  readonly blobs: number;
  readonly bytes: number;
  readonly done: number;
  readonly doneBytes: number;
  readonly uploaded: number;
  readonly ref?: string;
  readonly ms?: number;
}

export interface ProgressState {
  readonly steps: readonly StepLine[];
  readonly pushes: readonly PushLine[];
}

export const EMPTY_PROGRESS: ProgressState = { steps: [], pushes: [] };

function putStep(s: ProgressState, pkg: string, platform: string, f: (old: StepLine) => StepLine): ProgressState {
  const key = `${pkg} ${platform}`;
  const i = s.steps.findIndex((l) => l.key === key);
  const old: StepLine = i >= 0 ? (s.steps[i] as StepLine) : { key, pkg, platform, phase: "compiling" };
  const steps = [...s.steps];
  if (i >= 0) steps[i] = f(old);
  else steps.push(f(old));
  return { ...s, steps };
}

function putPush(s: ProgressState, pkg: string, f: (old: PushLine) => PushLine): ProgressState {
  const i = s.pushes.findIndex((l) => l.pkg === pkg);
  const old: PushLine = i >= 0 ? (s.pushes[i] as PushLine) : { pkg, blobs: 0, bytes: 0, done: 0, doneBytes: 0, uploaded: 0 };
  const pushes = [...s.pushes];
  if (i >= 0) pushes[i] = f(old);
  else pushes.push(f(old));
  return { ...s, pushes };
}

/** Folds one event into the state (pure). */
export function reduceProgress(s: ProgressState, e: ProgressEvent): ProgressState {
  switch (e.kind) {
    case "compile-start":
      return putStep(s, e.pkg, e.platform, (o) => ({ ...o, phase: "compiling" }));
    case "compile-done":
      return putStep(s, e.pkg, e.platform, (o) => ({ ...o, phase: "compiled", binaryBytes: e.bytes, compileMs: e.ms }));
    case "layer-done":
      return putStep(s, e.pkg, e.platform, (o) => ({ ...o, phase: e.what === "binary" ? "layered" : o.phase, layerBytes: (o.layerBytes ?? 0) + e.bytes }));
    case "push-start":
      return putPush(s, e.pkg, (o) => ({ ...o, blobs: e.blobs, bytes: e.bytes }));
    case "push-blob":
      return putPush(s, e.pkg, (o) => ({ ...o, done: o.done + 1, doneBytes: o.doneBytes + e.bytes, uploaded: o.uploaded + (e.result === "uploaded" ? 1 : 0) }));
    case "push-done":
      return putPush(s, e.pkg, (o) => ({ ...o, ref: e.ref, ms: e.ms }));
  }
}

/** 1234567 → "1.2 MB" (SI, as registries and ko print sizes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

function stepText(l: StepLine): string {
  switch (l.phase) {
    case "compiling":
      return `${l.pkg} ${l.platform}: go build …`;
    case "compiled":
      return `${l.pkg} ${l.platform}: go build ${formatBytes(l.binaryBytes ?? 0)} in ${l.compileMs ?? 0} ms, layer …`;
    case "layered":
      return `${l.pkg} ${l.platform}: go build ${formatBytes(l.binaryBytes ?? 0)} in ${l.compileMs ?? 0} ms, layers ${formatBytes(l.layerBytes ?? 0)} gzip`;
  }
}

function pushText(p: PushLine): string {
  const head = `${p.pkg}: push ${p.done}/${p.blobs} blobs, ${formatBytes(p.doneBytes)}/${formatBytes(p.bytes)} (${p.uploaded} uploaded, ${p.done - p.uploaded} already there)`;
  return p.ref !== undefined ? `${head} in ${p.ms ?? 0} ms` : `${head} …`;
}

/** The lines a terminal shows for this state, each cut to `width` columns (pure). */
export function renderTty(s: ProgressState, width = 100): readonly string[] {
  const cut = (t: string): string => (t.length > width ? `${t.slice(0, Math.max(0, width - 1))}…` : t);
  return [...s.steps.map(stepText), ...s.pushes.map(pushText)].map(cut);
}

/** The line a log gets for this event, or null for events that only move a TTY line (pure). */
export function plainLine(s: ProgressState, e: ProgressEvent): string | null {
  switch (e.kind) {
    case "compile-start":
    case "push-blob":
      return null;
    case "compile-done":
      return `${e.pkg} ${e.platform}: go build ${formatBytes(e.bytes)} in ${e.ms} ms`;
    case "layer-done":
      return `${e.pkg} ${e.platform}: ${e.what} layer ${formatBytes(e.bytes)} gzip in ${e.ms} ms`;
    case "push-start":
      return `${e.pkg}: push ${e.blobs} blobs, ${formatBytes(e.bytes)}`;
    case "push-done": {
      const p = s.pushes.find((x) => x.pkg === e.pkg);
      return `${e.pkg}: pushed in ${e.ms} ms (${p?.uploaded ?? 0} uploaded, ${(p?.done ?? 0) - (p?.uploaded ?? 0)} already there)`;
    }
  }
}

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * A sink that draws on `out` (stderr): on a TTY, the lines of renderTty
 * redrawn in place (cursor up, clear line), at most every `intervalMs`
 * and once more at `end()`; otherwise one plainLine per step with `prefix`.
 */
export interface ProgressWriter {
  readonly sink: ProgressSink;
  /** A log line that stays (printed above the redrawn block on a TTY). */
  note(line: string): void;
  end(): void;
}

export function progressWriter(out: ProgressStream, prefix = "build: ", intervalMs = 100): ProgressWriter {
  let state = EMPTY_PROGRESS;
  if (out.isTTY !== true) {
    return {
      sink: (e) => {
        state = reduceProgress(state, e);
        const line = plainLine(state, e);
        if (line !== null) out.write(`${prefix}${line}\n`);
      },
      note: (line) => void out.write(`${prefix}${line}\n`),
      end: () => undefined,
    };
  }
  let drawn = 0;
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = (): void => {
    timer = undefined;
    last = Date.now();
    const lines = renderTty(state, Math.max(20, (out.columns ?? 100) - prefix.length - 1));
    let s = drawn > 0 ? `\x1b[${drawn}A` : "";
    for (const l of lines) s += `\r\x1b[2K${prefix}${l}\n`;
    drawn = lines.length;
    out.write(s);
  };
  return {
    sink: (e) => {
      state = reduceProgress(state, e);
      if (timer !== undefined) return;
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) draw();
      else timer = setTimeout(draw, wait);
    },
    note: (line) => {
      out.write(`${drawn > 0 ? `\x1b[${drawn}A\r\x1b[J` : ""}${prefix}${line}\n`);
      drawn = 0;
      draw();
    },
    end: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      draw();
    },
  };
}
