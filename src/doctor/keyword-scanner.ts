/**
 * The doctor's pre-filter: finds the lines of a byte buffer that contain any
 * of a set of literal keywords, in one pass, skipping ahead like grep does.
 * Wu-Manber multi-pattern search with 2-byte blocks: a window of the shortest
 * keyword's length slides over the bytes and jumps by the shift table until
 * its last block ends some keyword's prefix, then the candidates are compared.
 * A hit yields the whole line with the IDs (indexes into the keyword list) of
 * every keyword in it; scanning resumes after the line.
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

  /** `keywords` must be distinct; a hit reports their indexes. */
  constructor(keywords: readonly string[]) {
    if (new Set(keywords).size !== keywords.length) throw new Error("KeywordScanner keywords must be distinct");
    const bytes = keywords.map((k) => new Uint8Array(Buffer.from(k, "latin1")));
    bytes.forEach((b, i) => this.ids.set(b, i));
    if (bytes.length === 0) throw new Error("KeywordScanner needs at least one keyword");
    this.m = Math.min(255, ...bytes.map((k) => k.length));
    if (this.m < B) throw new Error(`keywords must be at least ${B} bytes long`);
    this.shift = new Uint8Array(65536).fill(this.m - B + 1);
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
    for (const [h, a] of cand) this.candidates[h] = a;
  }

  /** Shortest keyword length. */
  get minLength(): number {
    return this.m;
  }

  /**
   * Calls `onLine(start, end, ids)` for every line of buf[from, to) holding a
   * keyword (end excludes the newline; a last line without one ends at `to`);
   * `ids` lists each keyword found in the line once (the array is reused).
   */
  scan(buf: Uint8Array, from: number, to: number, onLine: (start: number, end: number, ids: readonly number[]) => void): void {
    const m = this.m;
    const shift = this.shift;
    const candidates = this.candidates;
    let i = from + m - 1;
    while (i < to) {
      const h = ((buf[i - 1] as number) << 8) | (buf[i] as number);
      const sh = shift[h] as number;
      if (sh !== 0) {
        i += sh;
        continue;
      }
      const start = i - m + 1;
      let hit = false;
      for (const k of candidates[h] as readonly Uint8Array[]) {
        const n = k.length;
        if (start + n > to) continue;
        let q = 0;
        while (q < n && buf[start + q] === k[q]) q++;
        if (q === n) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        i++;
        continue;
      }
      const nl = start > from ? buf.lastIndexOf(10, start - 1) : -1;
      const ls = nl >= from ? nl + 1 : from;
      let le = indexOfByte(buf, 10, i, to);
      if (le < 0) le = to;
      onLine(ls, le, this.collect(buf, start, le));
      i = le + m;
    }
  }

  private readonly found: number[] = [];

  /** Every keyword occurring in buf[from, to). */
  private collect(buf: Uint8Array, from: number, to: number): number[] {
    const found = this.found;
    found.length = 0;
    const m = this.m;
    let i = from + m - 1;
    while (i < to) {
      const h = ((buf[i - 1] as number) << 8) | (buf[i] as number);
      const sh = this.shift[h] as number;
      if (sh !== 0) {
        i += sh;
        continue;
      }
      const start = i - m + 1;
      for (const k of this.candidates[h] as readonly Uint8Array[]) {
        const n = k.length;
        if (start + n > to) continue;
        let q = 0;
        while (q < n && buf[start + q] === k[q]) q++;
        if (q === n) {
          const id = this.ids.get(k) as number;
          if (!found.includes(id)) found.push(id);
        }
      }
      i++;
    }
    return found;
  }
}

function indexOfByte(buf: Uint8Array, byte: number, from: number, to: number): number {
  const j = buf.indexOf(byte, from);
  return j >= 0 && j < to ? j : -1;
}
