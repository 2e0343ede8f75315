/**
 * The doctor's pre-filter scan, the stateless half of reading a log: finds
 * the lines of a byte region that hold a keyword (every diagnosis trigger plus
 * the step markers of each format; KeywordScanner for the long ones, a native
 * search for the short `.go:N` ones), counts lines, and judges each keyword
 * line on its bytes without decoding it: whether cleaning would leave it as
 * is (no ESC, CR), whether it holds a trigger, download or GitLab section
 * keyword, and for which formats its reader would call it plain output. The
 * result is a compact Int32Array of records (SCAN_FIELDS ints per line) that
 * the Diagnoser consumes with its state (format, CI wrapper, line count): a
 * plain line without such keywords changes nothing and is skipped there. The
 * scan depends on the bytes alone, so it can run ahead on another thread
 * (scan-worker.ts) while the Diagnoser reads the previous region.
 *
 * Leaves out: the first lines and BuildKit rawjson, which the Diagnoser reads
 * in full (their records go unused).
 */
import { KeywordScanner } from "./keyword-scanner.js";
import { LINE_DIAGNOSES } from "./rules/index.js";
import type { LogFormat } from "./types.js";

/** A line longer than this is cut (and never skipped undecoded). */
export const MAX_LINE = 1 << 20;

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

/** Whether buf[from, to) holds a short effect keyword (shortRules' `effect`, without building a result). */
function shortEffect(short: ShortKeywords, buf: Uint8Array, from: number, to: number): boolean {
  const p = short.prefix;
  const n = p.length;
  const p0 = p[0] as number;
  for (let j = from; j + n < to; j++) {
    if (buf[j] !== p0) continue;
    let q = 1;
    while (q < n && buf[j + q] === p[q]) q++;
    if (q === n && short.kind[buf[j + n] as number] === 2) return true;
  }
  return false;
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

export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/**
 * Where the line after a GitHub Actions timestamp at buf[s] starts (what
 * cleanLine's `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?` removes), or -1.
 */
export function afterGithubTimestamp(buf: Uint8Array, s: number, e: number): number {
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

/**
 * The line diagnoses the keywords in buf[from, to) trigger, in trial order:
 * the effect keywords hold every trigger, so these are the diagnoses all the
 * pre-filter keywords there trigger, found with the smaller keyword set.
 */
export function rulesIn(buf: Buffer, from: number, to: number, withShort: boolean): readonly number[] {
  const { effects, effectRules, short } = prefilter();
  let mask = effects.collectBits(buf, from, to, effectRules);
  if (short !== undefined && withShort) mask |= shortRules(short, buf, from, to).rules;
  let out = RULE_LISTS.get(mask);
  if (out === undefined) {
    const list: number[] = [];
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) if ((m & 1) !== 0) list.push(i);
    out = Object.freeze(list);
    RULE_LISTS.set(mask, out);
  }
  return out;
}

/** The diagnosis index list of each rule mask seen (few distinct ones): shared, read-only. */
const RULE_LISTS = new Map<number, readonly number[]>();

/** The keywords of the pre-filter (for benchmarks against grep). */
export function prefilterKeywords(): readonly string[] {
  return [...new Set([...READER_KEYWORDS, ...LINE_DIAGNOSES.flatMap((d) => d.triggers)])];
}

/** Ints per record of scanRegion: line start, line end (its newline or the region's end), first keyword, line index, flags. */
export const SCAN_FIELDS = 5;
/** Record flag: the line holds a short keyword. */
export const HAS_SHORT = 1;
/** Record flag: the line starts with a digit; its plain-output bits hold only once a CI wrapper is known (a GitHub timestamp is cleaned away). */
export const NEEDS_CI = 2;
/** Record flag per format: the line is plain output there, cleaning leaves it as is and it holds no effect keyword (it may be skipped). */
export const PLAIN_BUILDAH = 4;
export const PLAIN_LEGACY = 8;
export const PLAIN_BUILDKIT = 16;

/** Per first byte: 1 some CI start, 2 some buildah start, 4 some legacy start begins with it. */
const LEAD = new Uint8Array(256);
for (const k of CI_STARTS) LEAD[k[0] as number] = (LEAD[k[0] as number] as number) | 1;
for (const k of BUILDAH_STARTS) LEAD[k[0] as number] = (LEAD[k[0] as number] as number) | 2;
for (const k of LEGACY_STARTS) LEAD[k[0] as number] = (LEAD[k[0] as number] as number) | 4;

/** plainOutput for the three formats at once, as PLAIN_* flags (the first bytes looked at once). */
function plainMask(buf: Uint8Array, s: number, e: number): number {
  if (s >= e) return 0;
  const c = buf[s] as number;
  const lead = LEAD[c] as number;
  if ((lead & 1) !== 0 && startsWithAny(buf, s, e, CI_STARTS)) return 0;
  let mask = 0;
  if (!(c === 0x5b && isDigit(buf[s + 1])) && ((lead & 2) === 0 || !startsWithAny(buf, s, e, BUILDAH_STARTS))) mask |= PLAIN_BUILDAH;
  if ((lead & 4) === 0 || !startsWithAny(buf, s, e, LEGACY_STARTS)) mask |= PLAIN_LEGACY;
  if (c === 0x23 && plainOutput("buildkit-plain", buf, s, e)) mask |= PLAIN_BUILDKIT;
  return mask;
}

/** The record flag that lets a line be skipped under `format` (0: none does). */
export function plainFlag(format: LogFormat | undefined): number {
  return format === "buildah" ? PLAIN_BUILDAH : format === "legacy" ? PLAIN_LEGACY : format === "buildkit-plain" ? PLAIN_BUILDKIT : 0;
}

/** Growable records of scanRegion. */
export class ScanRecords {
  data: Int32Array;
  /** Records held (each SCAN_FIELDS ints). */
  count = 0;
  /** Newlines in the region scanned. */
  newlines = 0;

  constructor(capacity = 4096) {
    this.data = new Int32Array(capacity * SCAN_FIELDS);
  }

  push(ls: number, le: number, first: number, index: number, flags: number): void {
    let o = this.count * SCAN_FIELDS;
    if (o + SCAN_FIELDS > this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    const a = this.data;
    a[o++] = ls;
    a[o++] = le;
    a[o++] = first;
    a[o++] = index;
    a[o] = flags;
    this.count++;
  }
}

/**
 * Scans buf[from, to) (whole lines; the last one may lack its newline) into
 * `out` (reset first): one record per line holding a pre-filter keyword, in
 * order; the line index counts newlines from `from`.
 */
export function scanRegion(buf: Buffer, from: number, to: number, out: ScanRecords): void {
  out.count = 0;
  out.newlines = 0;
  const { scanner, effects, short } = prefilter();
  let pos = from;
  let index = 0;
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
      index++;
      ls = j + 1;
      j = buf.indexOf(10, ls);
    }
    const terminated = j >= 0 && j < to;
    const le = terminated ? j : to;
    pos = le + 1;
    const hasShort = shortAt >= 0 && shortAt < le;
    let flags = hasShort ? HAS_SHORT : 0;
    if (esc >= 0 && esc < ls) esc = buf.indexOf(0x1b, ls);
    if (cr >= 0 && cr < ls) cr = buf.indexOf(0x0d, ls);
    if ((esc < 0 || esc >= le) && (cr < 0 || cr >= le) && le - ls <= MAX_LINE) {
      // Plain output without a trigger, download or CI marker changes nothing: mark it skippable per format.
      // A GitHub timestamp is cleaned away (and names the wrapper: skip only once it is known).
      let s = ls;
      if (isDigit(buf[ls])) {
        s = afterGithubTimestamp(buf, ls, le);
        flags |= NEEDS_CI;
      }
      if (s >= 0) {
        const plain = plainMask(buf, s, le);
        if (plain !== 0 && !effects.has(buf, first, le) && !(hasShort && shortEffect(short as ShortKeywords, buf, shortAt, le))) flags |= plain;
      }
    }
    out.push(ls, le, first, index, flags);
    if (terminated) index++;
  }
  if (pos < to) {
    for (let j = buf.indexOf(10, pos); j >= 0 && j < to; j = buf.indexOf(10, j + 1)) index++;
  }
  out.newlines = index;
}
