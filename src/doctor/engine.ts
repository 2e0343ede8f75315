/**
 * The doctor engine: reads a build log as it streams (Buffers in, constant
 * memory), detects the format, attributes lines to build steps, runs the
 * diagnoses on the lines that can matter, and at the end adds the whole-build
 * diagnoses (GD2xx, GD3xx) and orders findings root cause first.
 *
 * Speed: after the first lines (read in full to detect the format), only
 * lines holding a keyword reach the readers and rules. The keywords are every
 * diagnosis trigger plus the step markers of each format, found in one pass by
 * KeywordScanner. BuildKit rawjson is read in full (its output is base64).
 * Memory: per step and per finding a few evidence lines; steps are capped at
 * MAX_STEPS, a line longer than MAX_LINE is cut.
 *
 * Leaves out: reordering BuildKit's interleaved output by time (lines keep
 * their log order) and logs of several builds concatenated in one file (they
 * are read as one build whose steps repeat).
 */
import { redact } from "../secrets/redact.js";
import { chainFindings } from "./chain.js";
import { KeywordScanner } from "./keyword-scanner.js";
import { readBuildah } from "./reader/buildah.js";
import { readBuildkitPlain } from "./reader/buildkit-plain.js";
import { RawjsonReader } from "./reader/buildkit-rawjson.js";
import { cleanLine, isCiLine } from "./reader/clean-line.js";
import { detectFormat } from "./reader/detect-format.js";
import type { LineEvent } from "./reader/events.js";
import { readLegacy } from "./reader/legacy.js";
import { FINAL_DIAGNOSES, LINE_DIAGNOSES, SUPPRESS } from "./rules/index.js";
import type { BuildOutcome, CiWrapper, Diagnosis, DoctorFinding, DoctorResult, Evidence, LogFormat, LogLine, Step, StepView } from "./types.js";

export interface DiagnoseOptions {
  /** Force the input format instead of detecting it. */
  readonly format?: LogFormat;
}

const MAX_STEPS = 5000;
const MAX_EVIDENCE = 5;
const MAX_LINE = 1 << 20;
/** Lines read in full before the pre-filter takes over (format detection, CI prologue). */
const FULL_LINES = 400;

/** Markers the readers need besides the diagnosis triggers. */
const READER_KEYWORDS = [
  // BuildKit plain
  // (the error summary's ` > [stage i/n] RUN ...:` line holds one of the `] X` keywords too)
  "] RUN ", "] COPY ", "] ADD ", "] FROM ", "] WORKDIR", "[internal]", " DONE ", " CACHED", " ERROR", "CANCELED", "failed to solve", "------", "Dockerfile:",
  // legacy (`Step 4/10 : `: one keyword per leading digit keeps every keyword >= 6 bytes)
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `Step ${d}`), " ---> ", "returned a non-zero code", "Successfully built",
  // buildah
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `STEP ${d}`), "--> Using cache", "Error: building", "Successfully tagged", "COMMIT ",
  // CI
  "##[error]", "##[group]", "section_", "Job failed", "Job succeeded",
  // module downloads (GD301/GD302)
  "go: downloading",
];

/**
 * Which line diagnoses a message triggers, in one regex pass: a zero-width
 * match at every position where a trigger starts (longest first); a trigger
 * that is a prefix of another also fires with it.
 */
class TriggerIndex {
  private readonly re: RegExp;
  private readonly rules = new Map<string, Set<number>>();

  constructor(diagnoses: readonly Diagnosis[]) {
    const triggers = [...new Set(diagnoses.flatMap((d) => d.triggers))].sort((a, b) => b.length - a.length);
    for (const t of triggers) {
      const set = new Set<number>();
      diagnoses.forEach((d, i) => {
        if (d.triggers.some((u) => t.startsWith(u))) set.add(i);
      });
      this.rules.set(t, set);
    }
    this.re = new RegExp(`(?=(${triggers.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`, "g");
  }

  /** Indexes (into the diagnoses list) triggered by `s`, in list order; undefined when none. */
  triggered(s: string): number[] | undefined {
    let out: Set<number> | undefined;
    this.re.lastIndex = 0;
    for (let m = this.re.exec(s); m !== null; m = this.re.exec(s)) {
      const set = this.rules.get(m[1] as string);
      if (set !== undefined) {
        out ??= new Set();
        for (const i of set) out.add(i);
      }
      this.re.lastIndex = m.index + 1;
    }
    return out === undefined ? undefined : [...out].sort((a, b) => a - b);
  }
}

let sharedTriggers: TriggerIndex | undefined;
function triggerIndex(): TriggerIndex {
  sharedTriggers ??= new TriggerIndex(LINE_DIAGNOSES);
  return sharedTriggers;
}

interface Prefilter {
  readonly scanner: KeywordScanner;
  /** Per keyword ID: indexes of the line diagnoses it triggers. */
  readonly rulesOf: readonly (readonly number[])[];
}

let sharedPrefilter: Prefilter | undefined;
function prefilter(): Prefilter {
  if (sharedPrefilter === undefined) {
    const keywords = [...new Set([...READER_KEYWORDS, ...LINE_DIAGNOSES.flatMap((d) => d.triggers)])];
    const rulesOf = keywords.map((k) => LINE_DIAGNOSES.flatMap((d, i) => (d.triggers.includes(k) ? [i] : [])));
    sharedPrefilter = { scanner: new KeywordScanner(keywords), rulesOf };
  }
  return sharedPrefilter;
}

/** Rule indexes triggered by the keyword IDs of a line, in trial order. */
function rulesForIds(ids: readonly number[]): number[] {
  const { rulesOf } = prefilter();
  const out: number[] = [];
  for (const id of ids) for (const r of rulesOf[id] as readonly number[]) if (!out.includes(r)) out.push(r);
  return out.sort((a, b) => a - b);
}

/** The keywords of the pre-filter (for benchmarks against grep). */
export function prefilterKeywords(): readonly string[] {
  return [...new Set([...READER_KEYWORDS, ...LINE_DIAGNOSES.flatMap((d) => d.triggers)])];
}

interface MutableFinding {
  readonly d: Diagnosis;
  readonly step: Step | undefined;
  readonly detail: Readonly<Record<string, string>>;
  readonly evidence: Evidence[];
  count: number;
}

export class Diagnoser {
  private format: LogFormat | undefined;
  private readonly forced: boolean;
  private ci: CiWrapper | undefined;
  private lineNo = 0;
  private bytes = 0;
  private readonly tails = new Map<number, Buffer>();
  private readonly steps = new Map<string, Step>();
  private current: Step | undefined;
  private summary: Step | undefined;
  private lastError: Step | undefined;
  private stage: string | undefined;
  private stageCount = 0;
  private readonly findings = new Map<string, MutableFinding>();
  private readonly downloads = new Map<string, { count: number; evidence: Evidence[] }>();
  private sawCache = false;
  private outcome: { status: BuildOutcome["status"]; exitCode?: number; evidence?: Evidence } = { status: "unknown" };
  private readonly rawjson = new RawjsonReader();

  constructor(opts: DiagnoseOptions = {}) {
    this.format = opts.format !== undefined && opts.format !== "unknown" ? opts.format : undefined;
    this.forced = this.format !== undefined;
  }

  /** Feeds bytes of stream `stream` (stdout/stderr of `run` keep separate partial lines). */
  push(chunk: Uint8Array, stream = 0): void {
    this.bytes += chunk.length;
    const tail = this.tails.get(stream);
    let buf = tail !== undefined && tail.length > 0 ? Buffer.concat([tail, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      if (buf.length > MAX_LINE) {
        this.region(buf, 0, buf.length, true);
        buf = Buffer.alloc(0);
      }
      this.tails.set(stream, Buffer.from(buf));
      return;
    }
    this.region(buf, 0, last + 1, false);
    this.tails.set(stream, Buffer.from(buf.subarray(last + 1)));
  }

  /** Ends the input; `exitCode` is the build's exit status when known (`goship run`). */
  end(exitCode?: number): DoctorResult {
    for (const [stream, tail] of this.tails) {
      if (tail.length > 0) this.region(tail, 0, tail.length, true);
      this.tails.delete(stream);
    }
    for (const e of this.rawjson.flush()) this.apply(e, this.lineNo, "");
    if (exitCode !== undefined) {
      this.outcome = { ...this.outcome, status: exitCode === 0 ? "succeeded" : "failed", exitCode };
    } else if (this.outcome.status === "unknown" && this.steps.size > 0 && this.format !== undefined && this.format !== "legacy" && this.format !== "buildah") {
      // BuildKit prints no success line; a log with steps and no failure succeeded.
      const anyError = [...this.steps.values()].some((s) => s.status === "error");
      this.outcome = { status: anyError ? "failed" : "succeeded" };
    }
    const steps = [...this.steps.values()];
    const line = this.snapshotFindings();
    if (this.outcome.status === "unknown" && this.sequential() && this.current?.status === "running" && line.some((f) => f.severity === "error" && f.step?.key === this.current?.key)) {
      // The legacy builder prints daemon errors (a failed pull) and stops: no success line, an error in the last step.
      this.outcome = { status: "failed", exitCode: 1 };
    }
    const outcome: BuildOutcome = { status: this.outcome.status, ...(this.outcome.exitCode !== undefined ? { exitCode: this.outcome.exitCode } : {}), ...(this.outcome.evidence ? { evidence: this.outcome.evidence } : {}) };
    const finals: DoctorFinding[] = [];
    for (const d of FINAL_DIAGNOSES) {
      const hits = d.finish?.({ steps, findings: [...line, ...finals], outcome, downloads: this.downloads, sawCache: this.sawCache }) ?? [];
      for (const h of hits) {
        const detail = h.detail ?? {};
        finals.push({ id: d.id, severity: d.severity, title: d.title, step: h.step, evidence: h.evidence, count: h.evidence.length, cause: d.cause(detail, h.step), fix: d.fix(detail, h.step) });
      }
    }
    return {
      format: this.format ?? "unknown",
      ...(this.ci !== undefined ? { ci: this.ci } : {}),
      lines: this.lineNo,
      bytes: this.bytes,
      outcome,
      steps: steps.map((s) => ({ ...s })),
      findings: chainFindings([...line, ...finals]),
    };
  }

  private snapshotFindings(): DoctorFinding[] {
    return [...this.findings.values()].map((f) => ({
      id: f.d.id,
      severity: f.d.severity,
      title: f.d.title,
      step: f.step === undefined ? undefined : { ...f.step },
      evidence: [...f.evidence],
      count: f.count,
      cause: f.d.cause(f.detail, f.step),
      fix: f.d.fix(f.detail, f.step),
    }));
  }

  /** Lines of buf[from, to): all of them while detecting, else only keyword lines. */
  private region(buf: Buffer, from: number, to: number, unterminated: boolean): void {
    let pos = from;
    while ((this.lineNo < FULL_LINES || this.format === "buildkit-rawjson") && pos < to) {
      let e = buf.indexOf(10, pos);
      if (e < 0 || e >= to) e = to;
      this.lineNo++;
      this.line(buf, pos, e);
      pos = e + 1;
    }
    if (pos >= to) return;
    let counted = pos;
    prefilter().scanner.scan(buf, pos, to, (ls, le, ids) => {
      for (let j = buf.indexOf(10, counted); j >= 0 && j < ls; j = buf.indexOf(10, j + 1)) this.lineNo++;
      this.lineNo++;
      this.line(buf, ls, le, rulesForIds(ids));
      counted = le + 1;
    });
    if (counted < to) {
      for (let j = buf.indexOf(10, counted); j >= 0 && j < to; j = buf.indexOf(10, j + 1)) this.lineNo++;
      if (unterminated && buf[to - 1] !== 10) this.lineNo++;
    }
  }

  /** One line; `rules`: the line diagnoses its keywords trigger (undefined: find out from the text). */
  private line(buf: Buffer, start: number, end: number, rules?: readonly number[]): void {
    const raw = buf.toString("utf8", start, Math.min(end, start + MAX_LINE));
    if (raw.length === 0) return;
    const { text, ci } = cleanLine(raw);
    if (ci !== undefined) this.ci ??= ci;
    if (text.length === 0) return;
    const n = this.lineNo;
    if (isCiLine(text)) {
      const gh = /^##\[error\]Process completed with exit code (\d+)/.exec(text) ?? /^ERROR: Job failed: exit code (\d+)/.exec(text);
      if (gh) this.apply({ kind: "ci-exit", exitCode: Number(gh[1]) }, n, text);
      else if (/^Job succeeded/.test(text)) this.apply({ kind: "ci-exit", exitCode: 0 }, n, text);
      if (!text.startsWith("##[error]")) return;
    }
    if (this.format === undefined) {
      const f = detectFormat(text);
      if (f !== undefined) this.format = f;
    }
    this.rules = rules;
    for (const e of this.read(text)) this.apply(e, n, text);
    this.rules = undefined;
  }

  /** The current line's triggered diagnoses, when the pre-filter knows them. */
  private rules: readonly number[] | undefined;

  private read(text: string): readonly LineEvent[] {
    switch (this.format) {
      case "buildkit-plain":
        return [readBuildkitPlain(text)];
      case "buildkit-rawjson":
        return this.rawjson.read(text);
      case "legacy":
        return [readLegacy(text)];
      case "buildah":
        return [readBuildah(text)];
      default:
        return [{ kind: "output", message: text }];
    }
  }

  private sequential(): boolean {
    return this.format === "legacy" || this.format === "buildah";
  }

  private apply(e: LineEvent, n: number, text: string): void {
    switch (e.kind) {
      case "step": {
        let s = this.steps.get(e.key);
        if (s === undefined) {
          if (this.steps.size >= MAX_STEPS) return;
          s = { key: e.key, instruction: e.instruction, line: n, status: "running" };
          this.steps.set(e.key, s);
        } else if (this.sequential() && s.status !== "running") {
          // The same Step i/N again: a second build in the same log.
          s.status = "running";
          s.line = n;
          delete s.endLine;
          delete s.exitCode;
        }
        s.instruction = e.instruction;
        if (e.index !== undefined) s.index = e.index;
        if (this.sequential()) {
          if (/^FROM\s/i.test(e.instruction)) {
            const as = /\sAS\s+(\S+)\s*$/i.exec(e.instruction)?.[1];
            this.stage = as ?? (e.stage !== undefined ? e.stage : String(this.stageCount));
            this.stageCount++;
          }
          if (this.stage !== undefined) s.stage = this.stage;
          else if (e.stage !== undefined) s.stage = e.stage;
          if (this.current !== undefined && this.current !== s && this.current.status === "running") {
            this.current.status = "done";
            this.current.endLine = n;
          }
          this.current = s;
        } else if (e.stage !== undefined) s.stage = e.stage;
        return;
      }
      case "status": {
        const s = e.key !== undefined ? this.steps.get(e.key) : this.current;
        if (s !== undefined) {
          s.status = e.status;
          s.endLine = n;
          if (e.exitCode !== undefined) s.exitCode = e.exitCode;
          if (e.status === "error" && !/^#\d+ CANCELED/.test(text)) this.lastError = s;
        }
        if (e.status === "cached") this.sawCache = true;
        if (e.status === "error") {
          if (!/CANCELED/.test(text)) this.fail(n, text, this.sequential() ? 1 : undefined);
          this.runRules(withoutCommand(e.message), text, n, s, true);
        }
        return;
      }
      case "output": {
        const s = e.key !== undefined ? this.steps.get(e.key) : (this.summary ?? this.current);
        this.runRules(e.message, text, n, s, false);
        return;
      }
      case "summary-step": {
        this.summary = [...this.steps.values()].find((s) => s.index === e.index && s.stage === e.stage && s.instruction === e.instruction) ?? this.lastError;
        return;
      }
      case "summary-end":
        if (this.summary !== undefined) this.summary = undefined;
        return;
      case "build-failed":
        // buildctl and buildx exit 1 whatever the step's own exit code was.
        this.fail(n, text, 1);
        if (this.outcome.exitCode === undefined) this.outcome = { ...this.outcome, exitCode: 1 };
        this.runRules(withoutCommand(e.message), text, n, this.lastError, true);
        return;
      case "build-succeeded":
        if (this.outcome.status !== "failed") this.outcome = { status: "succeeded", evidence: { line: n, text: redact(text) } };
        return;
      case "dockerfile-line": {
        const s = this.summary ?? this.lastError;
        if (s !== undefined) s.dockerfileLine = e.line;
        return;
      }
      case "ci-exit":
        this.outcome = { status: e.exitCode === 0 && this.outcome.status !== "failed" ? "succeeded" : "failed", exitCode: e.exitCode, evidence: this.outcome.evidence ?? { line: n, text: redact(text) } };
        return;
    }
  }

  private fail(n: number, text: string, exitCode: number | undefined): void {
    if (this.outcome.status === "failed" && this.outcome.evidence !== undefined) return;
    this.outcome = { status: "failed", ...(exitCode !== undefined ? { exitCode } : {}), evidence: { line: n, text: redact(text) } };
  }

  /** Runs the line diagnoses on one message; `summaryLike`: a status/summary line that repeats earlier output. */
  private runRules(message: string, text: string, n: number, step: Step | undefined, summaryLike: boolean): void {
    if (message.startsWith("go: downloading ")) {
      if (step === undefined) return;
      let d = this.downloads.get(step.key);
      if (d === undefined) this.downloads.set(step.key, (d = { count: 0, evidence: [] }));
      d.count++;
      if (d.evidence.length < 3) d.evidence.push({ line: n, text: redact(text) });
      return;
    }
    const which = this.rules ?? triggerIndex().triggered(message);
    if (which === undefined || which.length === 0) return;
    const line: LogLine = { n, message, text, step };
    let suppressed: Set<string> | undefined;
    for (const i of which) {
      const d = LINE_DIAGNOSES[i] as Diagnosis;
      if (suppressed?.has(d.id)) continue;
      const hit = d.match?.(line);
      if (hit === undefined) continue;
      this.record(d, step, hit.detail ?? {}, n, text, summaryLike);
      const hide = SUPPRESS[d.id];
      if (hide !== undefined) {
        suppressed ??= new Set();
        for (const h of hide) suppressed.add(h);
      }
    }
  }

  private record(d: Diagnosis, step: Step | undefined, detail: Readonly<Record<string, string>>, n: number, text: string, summaryLike: boolean): void {
    let key = `${d.id}\u0000${step?.key ?? ""}`;
    let f = this.findings.get(key);
    if (f === undefined && (step === undefined || summaryLike)) {
      // A stepless or summary line repeating an earlier hit joins it.
      for (const [k, g] of this.findings) {
        if (g.d === d) {
          key = k;
          f = g;
          break;
        }
      }
    }
    if (f === undefined) {
      f = { d, step, detail, evidence: [], count: 0 };
      this.findings.set(key, f);
    }
    f.count++;
    if (f.evidence.length < MAX_EVIDENCE) {
      const red = redact(text);
      const norm = normalize(red);
      if (!f.evidence.some((ev) => normalize(ev.text) === norm)) f.evidence.push({ line: n, text: red });
    }
  }
}

/** A status line quotes the step's command (`process "/bin/sh -c ..."`): rules must not read it as output. */
function withoutCommand(message: string): string {
  return message.replace(/(?:process|command) "(?:[^"\\]|\\.)*"/g, "process").replace(/The command '[^']*'/, "The command");
}

/** Evidence text without step prefixes and timestamps, to drop repeats. */
function normalize(s: string): string {
  return s.replace(/^#\d+ (?:\d+\.\d+ )?/, "").replace(/^\d+\.\d+ /, "").replace(/^#\d+ ERROR: /, "").trim();
}

/** Diagnoses a whole log held in memory (tests, small inputs). */
export function diagnoseText(text: string | Uint8Array, opts: DiagnoseOptions & { readonly exitCode?: number } = {}): DoctorResult {
  const d = new Diagnoser(opts);
  d.push(typeof text === "string" ? Buffer.from(text, "utf8") : text);
  return d.end(opts.exitCode);
}

export type { StepView };
