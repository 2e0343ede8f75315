/**
 * The doctor engine: reads a build log as it streams (Buffers in, constant
 * memory), detects the format, attributes lines to build steps, runs the
 * diagnoses on the lines that can matter, and at the end adds the whole-build
 * diagnoses (GD2xx, GD3xx) and orders findings root cause first.
 *
 * Speed: after the first lines (read in full to detect the format), only
 * lines holding a keyword reach the readers and rules. The keywords are every
 * diagnosis trigger plus the step markers of each format, found in one pass by
 * KeywordScanner (the `.go:N` ones apart, so the others shift further). A
 * keyword line is then judged on its bytes before it is decoded: one the
 * format's reader would call plain output (first bytes), that cleaning leaves
 * as is (no ESC, CR, or GitHub timestamp before the wrapper is known) and that
 * holds no trigger, download or GitLab section keyword changes nothing and is
 * skipped (in logs made of step markers that is most of them). The triggered
 * diagnoses of a decoded line are looked up only when a rule runs; repeated
 * step headers are parsed once. BuildKit rawjson is read in full (its output
 * is base64).
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
/** Distinct step header texts remembered (parsed once each). */
const MAX_HEADERS = 1024;
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
  /** The pre-filter keywords of at least SPLIT bytes. */
  readonly scanner: KeywordScanner;
  /**
   * The keywords that can make a line the reader calls plain output matter:
   * diagnosis triggers, module downloads (GD301/GD302), GitLab section markers
   * (they name the CI wrapper). Without one, such a line changes nothing.
   * Those of at least SPLIT bytes.
   */
  readonly effects: KeywordScanner;
  /** Per `effects` keyword ID: the line diagnoses it triggers, as bits (LINE_DIAGNOSES index). */
  readonly effectRules: readonly number[];
  /** The shorter keywords, when they are one prefix + one last byte (`.go:1` ... `.go:9`), else none. */
  readonly short: ShortKeywords | undefined;
}

/**
 * Keywords shorter than SPLIT bytes keep the Wu-Manber shift small for all
 * the others; when they share all but their last byte they are found apart,
 * by a native search for the prefix.
 */
interface ShortKeywords {
  readonly prefix: Buffer;
  /** Per last byte: 0 not a keyword, 1 a keyword, 2 an effect keyword. */
  readonly kind: Uint8Array;
  /** Per last byte: the line diagnoses that keyword triggers, as bits. */
  readonly rules: Int32Array;
}

const SPLIT = 6;

let sharedPrefilter: Prefilter | undefined;
function prefilter(): Prefilter {
  if (sharedPrefilter === undefined) {
    const keywords = [...new Set([...READER_KEYWORDS, ...LINE_DIAGNOSES.flatMap((d) => d.triggers)])];
    const effectWords = [...new Set([...LINE_DIAGNOSES.flatMap((d) => d.triggers), "go: downloading", "section_"])];
    const shortWords = keywords.filter((k) => k.length < SPLIT);
    const head = shortWords[0]?.slice(0, -1);
    const split = head !== undefined && head.length >= 2 && shortWords.every((k) => k.length === head.length + 1 && k.startsWith(head) && k.charCodeAt(head.length) < 128);
    let short: ShortKeywords | undefined;
    if (split) {
      const kind = new Uint8Array(256);
      const rules = new Int32Array(256);
      for (const k of shortWords) {
        const c = k.charCodeAt(head.length);
        kind[c] = effectWords.includes(k) ? 2 : 1;
        rules[c] = ruleBits(k);
      }
      short = { prefix: Buffer.from(head, "latin1"), kind, rules };
    }
    const long = (ws: readonly string[]): string[] => (split ? ws.filter((k) => k.length >= SPLIT) : [...ws]);
    const effects = long(effectWords);
    sharedPrefilter = { scanner: new KeywordScanner(long(keywords)), effects: new KeywordScanner(effects), effectRules: effects.map(ruleBits), short };
  }
  return sharedPrefilter;
}

/** The line diagnoses keyword `k` triggers, as bits (LINE_DIAGNOSES index). */
function ruleBits(k: string): number {
  return LINE_DIAGNOSES.reduce((mask, d, i) => (d.triggers.includes(k) ? mask | (1 << i) : mask), 0);
}

/** Where the first short keyword lying wholly in buf[from, to) starts, or -1 (native search: for long stretches). */
function nextShort(short: ShortKeywords, buf: Buffer, from: number, to: number): number {
  const n = short.prefix.length;
  for (let j = buf.indexOf(short.prefix, from); j >= 0 && j + n < to; j = buf.indexOf(short.prefix, j + 1)) {
    if (short.kind[buf[j + n] as number] !== 0) return j;
  }
  return -1;
}

/** Whether buf[from, to) holds a short effect keyword, and the line diagnoses its short keywords trigger (as bits). */
function shortRules(short: ShortKeywords, buf: Uint8Array, from: number, to: number): { readonly effect: boolean; readonly rules: number } {
  const p = short.prefix;
  const n = p.length;
  let effect = false;
  let rules = 0;
  for (let j = from; j + n < to; j++) {
    let q = 0;
    while (q < n && buf[j + q] === p[q]) q++;
    if (q < n) continue;
    const c = buf[j + n] as number;
    const kind = short.kind[c] as number;
    if (kind === 2) effect = true;
    rules |= short.rules[c] as number;
  }
  return { effect, rules };
}

/** ASCII bytes of `s`. */
function bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "latin1"));
}

/** Line starts that make a line more than plain output, per format (CI wrappers' own lines in all). */
const CI_STARTS = ["##[", "::", "$ ", "Running with gitlab-runner", "Job succeeded", "ERROR: Job failed", "Cleaning up project directory"].map(bytes);
/** Per byte: 1 when some CI start begins with it. */
const CI_FIRST = new Uint8Array(256);
for (const k of CI_STARTS) CI_FIRST[k[0] as number] = 1;
const BUILDAH_STARTS = ["STEP ", "Successfully tagged ", "--> ", "Error: "].map(bytes);
const LEGACY_STARTS = ["Step ", "Successfully built ", " ---> ", "The command '"].map(bytes);

function startsWithAny(buf: Uint8Array, s: number, e: number, prefixes: readonly Uint8Array[]): boolean {
  const c = buf[s] as number;
  for (let p = 0; p < prefixes.length; p++) {
    const k = prefixes[p] as Uint8Array;
    if (k[0] !== c || s + k.length > e) continue;
    let q = 1;
    while (q < k.length && buf[s + q] === k[q]) q++;
    if (q === k.length) return true;
  }
  return false;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/**
 * Where the line after a GitHub Actions timestamp at buf[s] starts (what
 * cleanLine's `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?` removes), or -1.
 */
function afterGithubTimestamp(buf: Uint8Array, s: number, e: number): number {
  if (s + 20 > e) return -1;
  for (let i = 0; i < 19; i++) {
    const c = buf[s + i];
    const want = i === 4 || i === 7 ? 0x2d : i === 10 ? 0x54 : i === 13 || i === 16 ? 0x3a : -1;
    if (want < 0 ? !isDigit(c) : c !== want) return -1;
  }
  let i = s + 19;
  if (buf[i] === 0x2e && i + 1 < e && isDigit(buf[i + 1])) {
    i++;
    while (i < e && isDigit(buf[i])) i++;
  }
  if (i >= e || buf[i] !== 0x5a) return -1;
  i++;
  return i < e && buf[i] === 0x20 ? i + 1 : i;
}

/**
 * Whether the line buf[s, e) (no ESC, no CR in it, so cleaning leaves it as
 * is, and no effect keyword) is one the reader of `format` turns into plain
 * output that nothing else reads: decided from its first bytes, without
 * decoding it. False means "maybe not": the line is read in full.
 */
function plainOutput(format: LogFormat | undefined, buf: Uint8Array, s: number, e: number): boolean {
  if (s >= e) return false;
  const c = buf[s] as number;
  if (CI_FIRST[c] === 1 && startsWithAny(buf, s, e, CI_STARTS)) return false;
  switch (format) {
    case "buildah":
      // `[i/n] STEP`: any `[<digit>`.
      if (c === 0x5b && (buf[s + 1] as number) >= 0x30 && (buf[s + 1] as number) <= 0x39) return false;
      return !startsWithAny(buf, s, e, BUILDAH_STARTS);
    case "legacy":
      return !startsWithAny(buf, s, e, LEGACY_STARTS);
    case "buildkit-plain": {
      // `#N <output>`: not a header (`#N [`) nor a status (`#N DONE|CACHED|ERROR|CANCELED`).
      if (c !== 0x23) return false;
      let i = s + 1;
      while (i < e && (buf[i] as number) >= 0x30 && (buf[i] as number) <= 0x39) i++;
      if (i === s + 1 || i + 1 >= e || buf[i] !== 0x20) return false;
      const d = buf[i + 1] as number;
      return d !== 0x5b && d !== 0x44 && d !== 0x43 && d !== 0x45;
    }
    default:
      return false;
  }
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

/**
 * The line diagnoses the keywords in buf[from, to) trigger, in trial order:
 * the effect keywords hold every trigger, so these are the diagnoses all the
 * pre-filter keywords there trigger, found with the smaller keyword set.
 */
function rulesIn(buf: Buffer, from: number, to: number, withShort: boolean): number[] {
  const { effects, effectRules, short } = prefilter();
  let mask = 0;
  for (const id of effects.collect(buf, from, to)) mask |= effectRules[id] as number;
  if (short !== undefined && withShort) mask |= shortRules(short, buf, from, to).rules;
  const out: number[] = [];
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) out.push(i);
  return out;
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
  /** Line texts already weighed as evidence (kept or a repeat): the same text again is a repeat too. */
  readonly seen: Set<string>;
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
    const { scanner, effects, short } = prefilter();
    // Where the next ESC and CR are: a line without them is left as is by cleanLine.
    let esc = buf.indexOf(0x1b, pos);
    let cr = buf.indexOf(0x0d, pos);
    // The next long keyword (Wu-Manber) and the next short one (native search); both stay valid until a line passes them.
    let long = scanner.next(buf, pos, to);
    let shortAt = short !== undefined ? nextShort(short, buf, pos, to) : -1;
    // `pos` is always a line start; each newline is looked up once, counting lines and finding the keyword line's bounds.
    for (;;) {
      if (long >= 0 && long < pos) long = scanner.next(buf, pos, to);
      if (shortAt >= 0 && shortAt < pos) shortAt = nextShort(short as ShortKeywords, buf, pos, to);
      const first = long < 0 ? shortAt : shortAt < 0 ? long : Math.min(long, shortAt);
      if (first < 0) break;
      let ls = pos;
      let j = buf.indexOf(10, pos);
      while (j >= 0 && j < first) {
        this.lineNo++;
        ls = j + 1;
        j = buf.indexOf(10, ls);
      }
      const le = j >= 0 && j < to ? j : to;
      this.lineNo++;
      pos = le + 1;
      if (esc >= 0 && esc < ls) esc = buf.indexOf(0x1b, ls);
      if (cr >= 0 && cr < ls) cr = buf.indexOf(0x0d, ls);
      if ((esc < 0 || esc >= le) && (cr < 0 || cr >= le) && le - ls <= MAX_LINE) {
        // Plain output without a trigger, download or CI marker changes nothing: skip it undecoded.
        // A GitHub timestamp is cleaned away (and names the wrapper: skip only once it is known).
        const s = isDigit(buf[ls]) ? (this.ci !== undefined ? afterGithubTimestamp(buf, ls, le) : -1) : ls;
        if (s >= 0 && plainOutput(this.format, buf, s, le) && !effects.has(buf, first, le) && !(shortAt >= 0 && shortAt < le && shortRules(short as ShortKeywords, buf, shortAt, le).effect)) continue;
      }
      this.line(buf, ls, le, first, shortAt >= 0 && shortAt < le);
    }
    if (pos < to) {
      for (let j = buf.indexOf(10, pos); j >= 0 && j < to; j = buf.indexOf(10, j + 1)) this.lineNo++;
      if (unterminated && buf[to - 1] !== 10) this.lineNo++;
    }
  }

  /**
   * One line; `first`: where its first pre-filter keyword starts (the line
   * diagnoses its keywords trigger are looked up from there when a rule needs
   * them); -1: find them out from the text.
   */
  private line(buf: Buffer, start: number, end: number, first = -1, hasShort = true): void {
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
    if (first >= 0) {
      this.kwBuf = buf;
      this.kwFrom = first;
      this.kwTo = end;
      this.kwShort = hasShort;
    }
    for (const e of this.read(text)) this.apply(e, n, text);
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

  private read(text: string): readonly LineEvent[] {
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
        const e = [this.format === "buildah" ? readBuildah(text) : this.format === "legacy" ? readLegacy(text) : readBuildkitPlain(text)];
        if ((e[0] as LineEvent).kind === "step") {
          if (this.headers.size >= MAX_HEADERS) this.headers.clear();
          this.headers.set(text, e);
        }
        return e;
      }
      case "buildkit-rawjson":
        return this.rawjson.read(text);
      default:
        return [{ kind: "output", message: text }];
    }
  }

  /** Step header lines already read (the readers are pure: the same text, the same event). */
  private readonly headers = new Map<string, readonly LineEvent[]>();

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
      f = { d, step, detail, evidence: [], count: 0, seen: new Set() };
      this.findings.set(`${d.id}\u0000${step?.key ?? ""}`, f);
      if (byStep === undefined) this.findingsOf.set(d, (byStep = new Map()));
      byStep.set(step?.key ?? "", f);
      if (!this.firstFinding.has(d)) this.firstFinding.set(d, f);
    }
    f.count++;
    if (f.evidence.length < MAX_EVIDENCE && !f.seen.has(text)) {
      if (f.seen.size < MAX_SEEN) f.seen.add(text);
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

/** Diagnoses a whole log held in memory (tests, small inputs). */
export function diagnoseText(text: string | Uint8Array, opts: DiagnoseOptions & { readonly exitCode?: number } = {}): DoctorResult {
  const d = new Diagnoser(opts);
  d.push(typeof text === "string" ? Buffer.from(text, "utf8") : text);
  return d.end(opts.exitCode);
}

export type { StepView };
