/**
 * The doctor engine: reads a build log as it streams (Buffers in, constant
 * memory), detects the format, attributes lines to build steps, runs the
 * diagnoses on the lines that can matter, and at the end adds the whole-build
 * diagnoses (GD2xx, GD3xx) and orders findings root cause first.
 *
 * Speed: after the first lines (read in full to detect the format), only
 * lines holding a keyword reach the readers and rules. Finding them is the
 * stateless half of the work, scanRegion (line-scan.ts): keyword lines as
 * records, each judged on its bytes before it is decoded (for which formats it
 * is plain output, whether cleaning leaves it as is, whether it holds a
 * trigger, download or GitLab section keyword). This class is the stateful
 * half (consume): with the format and CI wrapper known it skips the records
 * that change nothing (in logs made of step markers that is most of them) and
 * reads the others. The two halves run one after the other here (push), or on
 * two threads (pushScanned, from pipeline.ts); region boundaries do not change
 * the result. The triggered diagnoses of a decoded line are looked up only
 * when a rule runs; repeated step headers are parsed once. BuildKit rawjson is
 * read in full (its output is base64), from the line where it is detected.
 * Memory: per step and per finding a few evidence lines; steps are capped at
 * MAX_STEPS, a line longer than MAX_LINE is cut.
 *
 * Leaves out: reordering BuildKit's interleaved output by time (lines keep
 * their log order) and logs of several builds concatenated in one file (they
 * are read as one build whose steps repeat).
 */
import { redact } from "../secrets/redact.js";
import { chainFindings } from "./chain.js";
import { readBuildah } from "./reader/buildah.js";
import { readBuildkitPlain } from "./reader/buildkit-plain.js";
import { RawjsonReader } from "./reader/buildkit-rawjson.js";
import { cleanLine, isCiLine } from "./reader/clean-line.js";
import { detectFormat } from "./reader/detect-format.js";
import type { LineEvent } from "./reader/events.js";
import { readLegacy } from "./reader/legacy.js";
import { HAS_SHORT, MAX_LINE, NEEDS_CI, plainFlag, rulesIn, SCAN_FIELDS, ScanRecords, scanRegion } from "./line-scan.js";
import { FINAL_DIAGNOSES, LINE_DIAGNOSES, SUPPRESS } from "./rules/index.js";
import type { BuildOutcome, CiWrapper, Diagnosis, DoctorFinding, DoctorResult, Evidence, LogFormat, LogLine, Step, StepView } from "./types.js";

export interface DiagnoseOptions {
  /** Force the input format instead of detecting it. */
  readonly format?: LogFormat;
}

const MAX_STEPS = 5000;
const MAX_EVIDENCE = 5;
/** Distinct step header texts remembered (parsed once each). */
const MAX_HEADERS = 1024;
/** Lines read in full before the pre-filter takes over (format detection, CI prologue). */
const FULL_LINES = 400;

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

/** Per line diagnosis (by index): bit j set when a hit hides LINE_DIAGNOSES[j] on the same line (SUPPRESS as bits). */
const SUPPRESS_MASK: readonly number[] = LINE_DIAGNOSES.map((d) => {
  let mask = 0;
  for (const id of SUPPRESS[d.id] ?? []) {
    const j = LINE_DIAGNOSES.findIndex((x) => x.id === id);
    if (j >= 0) mask |= 1 << j;
  }
  return mask;
});

interface MutableFinding {
  readonly d: Diagnosis;
  readonly step: Step | undefined;
  readonly detail: Readonly<Record<string, string>>;
  readonly evidence: Evidence[];
  count: number;
  /** Line texts already weighed as evidence (kept or a repeat): the same text again is a repeat too. */
  readonly seen: Set<string>;
  /** The last text found in (or put in) `seen`: the same text next time is a repeat without hashing it. */
  last: string | undefined;
}

/** Texts remembered per finding to skip redacting a repeat again. */
const MAX_SEEN = 64;

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
  /** Findings in the order they were first hit, by `<id>\0<step key>`. */
  private readonly findings = new Map<string, MutableFinding>();
  /** The same findings by diagnosis, then step key ("" for none). */
  private readonly findingsOf = new Map<Diagnosis, Map<string, MutableFinding>>();
  /** Each diagnosis' first finding. */
  private readonly firstFinding = new Map<Diagnosis, MutableFinding>();
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
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (tail !== undefined && tail.length > 0) {
      const nl = buf.indexOf(10);
      if (nl < 0) buf = Buffer.concat([tail, buf]);
      else {
        // Only the line that straddles the chunks is copied; the rest is read in place.
        const head = Buffer.concat([tail, buf.subarray(0, nl + 1)]);
        this.region(head, 0, head.length, false);
        buf = buf.subarray(nl + 1);
        const last = buf.lastIndexOf(10);
        if (last >= 0) this.region(buf, 0, last + 1, false);
        this.tails.set(stream, Buffer.from(buf.subarray(last + 1)));
        return;
      }
    }
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

  /** Records of the last region scanned here (single-threaded reading), reused. */
  private readonly scanned = new ScanRecords();

  /** Lines of buf[from, to): all of them while detecting, else only keyword lines. */
  private region(buf: Buffer, from: number, to: number, unterminated: boolean): void {
    // Lines read in full (the first ones, rawjson) need no scan.
    const pos = this.fullLines(buf, from, to);
    if (pos >= to) return;
    scanRegion(buf, pos, to, this.scanned);
    this.consume(buf, pos, to, unterminated, this.scanned.data, this.scanned.count, this.scanned.newlines);
  }

  /**
   * Reads lines of buf[from, to) in full while detecting (the first
   * FULL_LINES) or reading rawjson; returns where it stopped (a line start,
   * or past `to`). A last line without its newline is counted here.
   */
  private fullLines(buf: Buffer, from: number, to: number): number {
    let pos = from;
    while ((this.lineNo < FULL_LINES || this.format === "buildkit-rawjson") && pos < to) {
      let e = buf.indexOf(10, pos);
      if (e < 0 || e >= to) e = to;
      this.lineNo++;
      this.line(buf, pos, e);
      pos = e + 1;
    }
    return pos;
  }

  /**
   * Feeds a region of whole lines, buf[0, to), that scanRegion scanned
   * already (`count` records, `newlines`): the pipelined reader's way in
   * (pipeline.ts). `unterminated`: the last line ends at `to` without a
   * newline and no more of it follows.
   */
  pushScanned(buf: Buffer, to: number, unterminated: boolean, records: Int32Array, count: number, newlines: number): void {
    this.bytes += to;
    this.consume(buf, 0, to, unterminated, records, count, newlines);
  }

  /** Like pushScanned for a region not scanned yet: it is scanned here (into `scratch`) as far as it needs. */
  pushRegion(buf: Buffer, to: number, unterminated: boolean, scratch: ScanRecords): void {
    this.bytes += to;
    const pos = this.fullLines(buf, 0, to);
    if (pos >= to) return;
    scanRegion(buf, pos, to, scratch);
    this.consume(buf, pos, to, unterminated, scratch.data, scratch.count, scratch.newlines);
  }

  /**
   * The stateful half of a region: buf[from, to) was scanned into `records`
   * (line indexes from `from`); reads lines in full while that is due, then
   * the keyword lines the format and CI wrapper do not let it skip.
   */
  private consume(buf: Buffer, from: number, to: number, unterminated: boolean, records: Int32Array, count: number, newlines: number): void {
    const base = this.lineNo;
    const pos = this.fullLines(buf, from, to);
    if (pos >= to) return;
    let r = 0;
    // Records of lines already read in full are passed over.
    while (r < count && (records[r * SCAN_FIELDS] as number) < pos) r++;
    for (; r < count; r++) {
      const o = r * SCAN_FIELDS;
      const flags = records[o + 4] as number;
      if ((flags & plainFlag(this.format)) !== 0 && ((flags & NEEDS_CI) === 0 || this.ci !== undefined)) continue;
      const ls = records[o] as number;
      const le = records[o + 1] as number;
      this.lineNo = base + (records[o + 3] as number) + 1;
      this.line(buf, ls, le, records[o + 2] as number, (flags & HAS_SHORT) !== 0);
      if (this.format === "buildkit-rawjson" && le + 1 < to) {
        // Rawjson found late: the rest is read in full from the next line on.
        this.fullLines(buf, le + 1, to);
        return;
      }
    }
    this.lineNo = base + newlines + (unterminated && buf[to - 1] !== 10 ? 1 : 0);
  }

  /**
   * One line; `first`: where its first pre-filter keyword starts (the line
   * diagnoses its keywords trigger are looked up from there when a rule needs
   * them); -1: find them out from the text.
   */
  private line(buf: Buffer, start: number, end: number, first = -1, hasShort = true): void {
    const raw = decodeUtf8(buf, start, Math.min(end, start + MAX_LINE));
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
    if (first >= 0) {
      this.kwBuf = buf;
      this.kwFrom = first;
      this.kwTo = end;
      this.kwShort = hasShort;
    }
    if (this.format === "buildkit-rawjson") {
      for (const e of this.rawjson.read(text)) this.apply(e, n, text);
    } else this.apply(this.read(text), n, text);
    this.kwBuf = undefined;
    this.rules = undefined;
  }

  /** The current line's bytes from its first keyword, when the pre-filter found it. */
  private kwBuf: Buffer | undefined;
  private kwFrom = 0;
  private kwTo = 0;
  /** Whether the line holds a short keyword (ShortKeywords). */
  private kwShort = false;
  /** The current line's triggered diagnoses, once looked up. */
  private rules: readonly number[] | undefined;

  /** The line diagnoses the current line's keywords trigger; undefined when it did not come through the pre-filter. */
  private keywordRules(): readonly number[] | undefined {
    if (this.rules === undefined && this.kwBuf !== undefined) this.rules = rulesIn(this.kwBuf, this.kwFrom, this.kwTo, this.kwShort);
    return this.rules;
  }

  /** The event of one line in a line-per-event format (rawjson is read by `rawjson`). */
  private read(text: string): LineEvent {
    switch (this.format) {
      case "buildkit-plain":
      case "legacy":
      case "buildah": {
        // Step headers repeat (BuildKit names a step again when steps interleave; builds rerun): parse each text once.
        // Headers start with `[` or `S` (buildah), `S` (legacy), `#` (BuildKit); other lines skip the lookup.
        const c0 = text.charCodeAt(0);
        const header = c0 === 0x23 ? this.format === "buildkit-plain" : c0 === 0x53 || (c0 === 0x5b && this.format === "buildah");
        const known = header ? this.headers.get(text) : undefined;
        if (known !== undefined) return known;
        const e = this.format === "buildah" ? readBuildah(text) : this.format === "legacy" ? readLegacy(text) : readBuildkitPlain(text);
        if (e.kind === "step") {
          if (this.headers.size >= MAX_HEADERS) this.headers.clear();
          this.headers.set(text, e);
        }
        return e;
      }
      default:
        return { kind: "output", message: text };
    }
  }

  /** Step header lines already read (the readers are pure: the same text, the same event). */
  private readonly headers = new Map<string, LineEvent>();

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
          const i0 = e.instruction.charCodeAt(0) | 0x20;
          if (i0 === 0x66 && /^FROM\s/i.test(e.instruction)) {
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
          if (e.status === "error" && !(text.includes("CANCELED") && /^#\d+ CANCELED/.test(text))) this.lastError = s;
        }
        if (e.status === "cached") this.sawCache = true;
        if (e.status === "error") {
          if (!text.includes("CANCELED")) this.fail(n, text, this.sequential() ? 1 : undefined);
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
    const which = this.keywordRules() ?? triggerIndex().triggered(message);
    if (which === undefined || which.length === 0) return;
    const line: LogLine = { n, message, text, step };
    let suppressed = 0;
    for (let w = 0; w < which.length; w++) {
      const i = which[w] as number;
      if ((suppressed & (1 << i)) !== 0) continue;
      const d = LINE_DIAGNOSES[i] as Diagnosis;
      const hit = d.match?.(line);
      if (hit === undefined) continue;
      this.record(d, step, hit.detail ?? {}, n, text, summaryLike);
      suppressed |= SUPPRESS_MASK[i] as number;
    }
  }

  private record(d: Diagnosis, step: Step | undefined, detail: Readonly<Record<string, string>>, n: number, text: string, summaryLike: boolean): void {
    let byStep = this.findingsOf.get(d);
    let f = byStep?.get(step?.key ?? "");
    if (f === undefined && (step === undefined || summaryLike)) {
      // A stepless or summary line repeating an earlier hit joins it (the first one of this diagnosis).
      f = this.firstFinding.get(d);
    }
    if (f === undefined) {
      f = { d, step, detail, evidence: [], count: 0, seen: new Set(), last: undefined };
      this.findings.set(`${d.id}\u0000${step?.key ?? ""}`, f);
      if (byStep === undefined) this.findingsOf.set(d, (byStep = new Map()));
      byStep.set(step?.key ?? "", f);
      if (!this.firstFinding.has(d)) this.firstFinding.set(d, f);
    }
    f.count++;
    if (f.evidence.length < MAX_EVIDENCE && text !== f.last) {
      if (f.seen.has(text)) {
        f.last = text;
        return;
      }
      if (f.seen.size < MAX_SEEN) {
        f.seen.add(text);
        f.last = text;
      }
      const red = redact(text);
      const norm = normalize(red);
      if (!f.evidence.some((ev) => normalize(ev.text) === norm)) f.evidence.push({ line: n, text: red });
    }
  }
}

/** A status line quotes the step's command (`process "/bin/sh -c ..."`): rules must not read it as output. */
function withoutCommand(message: string): string {
  if (!message.includes(" \"") && !message.includes("The command '")) return message;
  return message.replace(/(?:process|command) "(?:[^"\\]|\\.)*"/g, "process").replace(/The command '[^']*'/, "The command");
}

/** Evidence text without step prefixes and timestamps, to drop repeats. */
function normalize(s: string): string {
  return s.replace(/^#\d+ (?:\d+\.\d+ )?/, "").replace(/^\d+\.\d+ /, "").replace(/^#\d+ ERROR: /, "").trim();
}

/** buf[start, end) as UTF-8 text (start <= end <= buf.length). */
function decodeUtf8(buf: Buffer, start: number, end: number): string {
  return buf.toString("utf8", start, end);
}

/** Diagnoses a whole log held in memory (tests, small inputs). */
export function diagnoseText(text: string | Uint8Array, opts: DiagnoseOptions & { readonly exitCode?: number } = {}): DoctorResult {
  const d = new Diagnoser(opts);
  d.push(typeof text === "string" ? Buffer.from(text, "utf8") : text);
  return d.end(opts.exitCode);
}

export type { StepView };
/** The keywords of the pre-filter (for benchmarks against grep). */
export { prefilterKeywords } from "./line-scan.js";
