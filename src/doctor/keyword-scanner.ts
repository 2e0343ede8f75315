/**
 * The doctor's pre-filter: finds the lines of a byte buffer that contain any
 * of a set of literal keywords, in one pass, skipping ahead like grep does.
 * Wu-Manber multi-pattern search with 2-byte blocks: a window of the shortest
 * keyword's length slides over the bytes and jumps by the shift table until
 * its last block ends some keyword's prefix, then the candidates are compared.
 * A hit yields the whole line and where its first keyword starts; scanning
 * resumes after the line. Which keywords a line holds (`collect`, IDs =
 * indexes into the keyword list) or whether it holds any (`has`) are asked
 * separately, only for the lines that need to know.
 *
 * Leaves out case folding (keywords list their spellings) and Unicode
 * awareness (keywords are ASCII; any byte sequence is scanned as is).
 */

const B = 2;

export class KeywordScanner {
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly candidates: (readonly Uint8Array[] | undefined)[];
  private readonly ids = new Map<Uint8Array, number>();
  /** Per 2-byte block: 1 when some keyword starts with it (drops most windows the shift table lets through). */
  private readonly starts = new Uint8Array(65536);

  /** `keywords` must be distinct; a hit reports their indexes. */
  constructor(keywords: readonly string[]) {
    if (new Set(keywords).size !== keywords.length) throw new Error("KeywordScanner keywords must be distinct");
    const bytes = keywords.map((k) => new Uint8Array(Buffer.from(k, "latin1")));
    bytes.forEach((b, i) => this.ids.set(b, i));
    if (bytes.length === 0) throw new Error("KeywordScanner needs at least one keyword");
    this.m = Math.min(255, ...bytes.map((k) => k.length));
    if (this.m < B) throw new Error(`keywords must be at least ${B} bytes long`);
    this.shift = new Uint8Array(65536).fill(this.m - B + 1);
    for (const k of bytes) this.starts[((k[0] as number) << 8) | (k[1] as number)] = 1;
    const cand = new Map<number, Uint8Array[]>();
    for (const k of bytes) {
      for (let j = B - 1; j < this.m; j++) {
        const h = ((k[j - 1] as number) << 8) | (k[j] as number);
        const sh = this.m - 1 - j;
        if (sh < (this.shift[h] as number)) this.shift[h] = sh;
        if (sh === 0) {
          let a = cand.get(h);
          if (a === undefined) cand.set(h, (a = []));
          a.push(k);
        }
      }
    }
    this.candidates = new Array<readonly Uint8Array[] | undefined>(65536);
    this.candidateIds = new Array<readonly number[] | undefined>(65536);
    for (const [h, a] of cand) {
      this.candidates[h] = a;
      this.candidateIds[h] = a.map((k) => this.ids.get(k) as number);
    }
  }

  /** Per block: the IDs of `candidates` there, in the same order. */
  private readonly candidateIds: (readonly number[] | undefined)[];

  /** Shortest keyword length. */
  get minLength(): number {
    return this.m;
  }

  /**
   * Where the leftmost keyword starting in buf[from, to) (and ending by `to`)
   * starts, or -1. No keyword starts before it at or after `from`.
   */
  next(buf: Uint8Array, from: number, to: number): number {
    const m = this.m;
    const shift = this.shift;
    const starts = this.starts;
    const candidates = this.candidates;
    // Blocks are read as big-endian 16-bit words (one load instead of two, shift and or).
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const view = this.view as DataView;
    // `b`: where the window's last block starts (the window is buf[b + 2 - m, b + 2)).
    let b = from + m - B;
    const end = to - 1;
    for (;;) {
      if (b >= end) return -1;
      let h = view.getUint16(b);
      let sh = shift[h] as number;
      while (sh !== 0) {
        b += sh;
        if (b >= end) return -1;
        h = view.getUint16(b);
        sh = shift[h] as number;
      }
      const s = b + B - m;
      if (starts[view.getUint16(s)] === 1 && matchAt(buf, s, to, candidates[h] as readonly Uint8Array[])) return s;
      b++;
    }
  }

  /** The buffer `view` reads (next() is called many times on the same one). */
  private viewOf: Uint8Array | undefined;
  private view: DataView | undefined;

  /**
   * Calls `onLine(start, end, first)` for every line of buf[from, to) holding
   * a keyword (end excludes the newline; a last line without one ends at
   * `to`); `first` is where the line's leftmost keyword starts. The keywords
   * themselves are left to `collect` or `has`, for the lines that need them.
   */
  scan(buf: Uint8Array, from: number, to: number, onLine: (start: number, end: number, first: number) => void): void {
    let pos = from;
    for (let first = this.next(buf, pos, to); first >= 0; first = this.next(buf, pos, to)) {
      const nl = first > from ? buf.lastIndexOf(10, first - 1) : -1;
      const ls = nl >= from ? nl + 1 : from;
      let le = indexOfByte(buf, 10, first, to);
      if (le < 0) le = to;
      onLine(ls, le, first);
      pos = le + 1;
    }
  }

  /**
   * Every keyword occurring in buf[from, to), as IDs, each once, in
   * increasing order. Derived from `collectBits`, 30 keywords per pass: for
   * tests and tools; the engine's hot path asks `collectBits` directly.
   */
  collect(buf: Uint8Array, from: number, to: number): readonly number[] {
    const found: number[] = [];
    const count = this.ids.size;
    for (let base = 0; base < count; base += 30) {
      const bits = Array.from({ length: count }, (_, id) => (id >= base && id < base + 30 ? 1 << (id - base) : 0));
      const out = this.collectBits(buf, from, to, bits);
      for (let j = 0; j < 30; j++) if ((out >>> j) & 1) found.push(base + j);
    }
    return found;
  }

  /**
   * The union of `bits[id]` over every keyword occurring in buf[from, to)
   * (what the engine asks of every rule line).
   */
  collectBits(buf: Uint8Array, from: number, to: number, bits: readonly number[]): number {
    let out = 0;
    const m = this.m;
    const shift = this.shift;
    const starts = this.starts;
    let i = from + m - 1;
    while (i < to) {
      const h = ((buf[i - 1] as number) << 8) | (buf[i] as number);
      const sh = shift[h] as number;
      if (sh !== 0) {
        i += sh;
        continue;
      }
      const start = i - m + 1;
      if (starts[((buf[start] as number) << 8) | (buf[start + 1] as number)] === 1) {
        const cands = this.candidates[h] as readonly Uint8Array[];
        const ids = this.candidateIds[h] as readonly number[];
        for (let c = 0; c < cands.length; c++) {
          const k = cands[c] as Uint8Array;
          const n = k.length;
          if (start + n > to) continue;
          let q = 0;
          while (q < n && buf[start + q] === k[q]) q++;
          if (q === n) out |= bits[ids[c] as number] as number;
        }
      }
      i++;
    }
    return out;
  }

  /** Whether any keyword occurs in buf[from, to). */
  has(buf: Uint8Array, from: number, to: number): boolean {
    return this.next(buf, from, to) >= 0;
  }
}

/** Whether one of `cands` starts at buf[start] and ends by `to`. */
function matchAt(buf: Uint8Array, start: number, to: number, cands: readonly Uint8Array[]): boolean {
  for (let c = 0; c < cands.length; c++) {
    const k = cands[c] as Uint8Array;
    const n = k.length;
    if (start + n > to) continue;
    let q = 0;
    while (q < n && buf[start + q] === k[q]) q++;
    if (q === n) return true;
  }
  return false;
}

function indexOfByte(buf: Uint8Array, byte: number, from: number, to: number): number {
  const j = buf.indexOf(byte, from);
  return j >= 0 && j < to ? j : -1;
}
