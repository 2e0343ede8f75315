/**
 * The JSON (exec) form test of BuildKit's parseJSON: Go's json.Unmarshal of
 * the text into []any. Reports, with the offsets of each top-level string:
 *   ok        every element is a string
 *   notString valid JSON, but some element is not a string (BuildKit rejects)
 *   invalid   syntax error, or a number beyond float64 (Go's unmarshal fails;
 *             BuildKit then falls back to the shell form)
 * Lone UTF-16 surrogates in \u escapes decode to U+FFFD, as in Go.
 *
 * Leaves out: building values other than strings (only their validity matters).
 */
export type JsonArrayResult =
  | { readonly kind: "ok"; readonly values: readonly string[]; readonly spans: readonly (readonly [number, number])[] }
  | { readonly kind: "notString" }
  | { readonly kind: "invalid" };

class Invalid extends Error {}

class Scanner {
  pos = 0;
  overflow = false;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  fail(): never {
    throw new Invalid();
  }

  /** Parses any value; returns the decoded string for strings, else undefined. */
  value(): string | undefined {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 0x22) return this.string();
    if (c === 0x5b) {
      this.pos++;
      this.ws();
      if (s.charCodeAt(this.pos) === 0x5d) {
        this.pos++;
        return undefined;
      }
      for (;;) {
        this.ws();
        this.value();
        this.ws();
        const d = s.charCodeAt(this.pos++);
        if (d === 0x5d) return undefined;
        if (d !== 0x2c) this.fail();
      }
    }
    if (c === 0x7b) {
      this.pos++;
      this.ws();
      if (s.charCodeAt(this.pos) === 0x7d) {
        this.pos++;
        return undefined;
      }
      for (;;) {
        this.ws();
        if (s.charCodeAt(this.pos) !== 0x22) this.fail();
        this.string();
        this.ws();
        if (s.charCodeAt(this.pos++) !== 0x3a) this.fail();
        this.ws();
        this.value();
        this.ws();
        const d = s.charCodeAt(this.pos++);
        if (d === 0x7d) return undefined;
        if (d !== 0x2c) this.fail();
      }
    }
    if (s.startsWith("true", this.pos)) {
      this.pos += 4;
      return undefined;
    }
    if (s.startsWith("false", this.pos)) {
      this.pos += 5;
      return undefined;
    }
    if (s.startsWith("null", this.pos)) {
      this.pos += 4;
      return undefined;
    }
    this.number();
    return undefined;
  }

  number(): void {
    const s = this.s;
    const start = this.pos;
    const digit = (i: number): boolean => {
      const c = s.charCodeAt(i);
      return c >= 0x30 && c <= 0x39;
    };
    if (s.charCodeAt(this.pos) === 0x2d) this.pos++;
    if (s.charCodeAt(this.pos) === 0x30) this.pos++;
    else if (digit(this.pos)) while (digit(this.pos)) this.pos++;
    else this.fail();
    if (s.charCodeAt(this.pos) === 0x2e) {
      this.pos++;
      if (!digit(this.pos)) this.fail();
      while (digit(this.pos)) this.pos++;
    }
    const e = s.charCodeAt(this.pos);
    if (e === 0x65 || e === 0x45) {
      this.pos++;
      const sign = s.charCodeAt(this.pos);
      if (sign === 0x2b || sign === 0x2d) this.pos++;
      if (!digit(this.pos)) this.fail();
      while (digit(this.pos)) this.pos++;
    }
    if (!Number.isFinite(Number(s.slice(start, this.pos)))) this.overflow = true;
  }

  hex4(at: number): number {
    const h = this.s.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) return -1;
    return parseInt(h, 16);
  }

  string(): string {
    const s = this.s;
    this.pos++;
    let out = "";
    let run = this.pos;
    for (;;) {
      if (this.pos >= s.length) this.fail();
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(run, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail();
      if (c >= 0xd800 && c <= 0xdfff) {
        // A lone surrogate cannot come from UTF-8 text: Go would see U+FFFD.
        const d = s.charCodeAt(this.pos + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          this.pos += 2;
        } else {
          out += s.slice(run, this.pos) + "\uFFFD";
          this.pos++;
          run = this.pos;
        }
        continue;
      }
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += s.slice(run, this.pos);
      const e = s.charCodeAt(this.pos + 1);
      this.pos += 2;
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += "\\"; break;
        case 0x2f: out += "/"; break;
        case 0x62: out += "\b"; break;
        case 0x66: out += "\f"; break;
        case 0x6e: out += "\n"; break;
        case 0x72: out += "\r"; break;
        case 0x74: out += "\t"; break;
        case 0x75: {
          const u = this.hex4(this.pos);
          if (u < 0) this.fail();
          this.pos += 4;
          if (u >= 0xd800 && u <= 0xdfff) {
            const lo = s.charCodeAt(this.pos) === 0x5c && s.charCodeAt(this.pos + 1) === 0x75 ? this.hex4(this.pos + 2) : -1;
            if (u <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
              out += String.fromCharCode(u, lo);
              this.pos += 6;
            } else out += "\uFFFD";
          } else out += String.fromCharCode(u);
          break;
        }
        default:
          this.fail();
      }
      run = this.pos;
    }
  }
}

/** Parses `text` (which starts with "[") as Go's json.Unmarshal into []any would. */
export function parseJsonArray(text: string): JsonArrayResult {
  const sc = new Scanner(text);
  const values: string[] = [];
  const spans: [number, number][] = [];
  let allStrings = true;
  try {
    sc.ws();
    if (text.charCodeAt(sc.pos) !== 0x5b) sc.fail();
    sc.pos++;
    sc.ws();
    if (text.charCodeAt(sc.pos) === 0x5d) sc.pos++;
    else {
      for (;;) {
        sc.ws();
        const start = sc.pos;
        const v = sc.value();
        if (v === undefined || text.charCodeAt(start) !== 0x22) allStrings = false;
        else {
          values.push(v);
          spans.push([start, sc.pos]);
        }
        sc.ws();
        const d = text.charCodeAt(sc.pos++);
        if (d === 0x5d) break;
        if (d !== 0x2c) sc.fail();
      }
    }
    sc.ws();
    if (sc.pos !== text.length) sc.fail();
  } catch (e) {
    if (e instanceof Invalid) return { kind: "invalid" };
    throw e;
  }
  if (sc.overflow) return { kind: "invalid" };
  if (!allStrings) return { kind: "notString" };
  return { kind: "ok", values, spans };
}
