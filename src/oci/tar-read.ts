/**
 * Reads a tar stream into entries (ustar, with PAX `path`/`linkpath`
 * records, GNU long-name `L`/`K` records and the ustar prefix, which only
 * POSIX ustar headers have: GNU headers keep times there), for checks and
 * tests: what a layer or an OCI archive holds. Pure. Leaves out sparse files
 * and global PAX headers (skipped).
 */
export interface TarReadEntry {
  readonly path: string;
  readonly typeflag: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  readonly uname: string;
  readonly gname: string;
  readonly linkname: string;
  readonly data: Uint8Array;
}

function str(b: Buffer, off: number, len: number): string {
  const s = b.subarray(off, off + len);
  const z = s.indexOf(0);
  return s.subarray(0, z < 0 ? len : z).toString("utf8");
}

function num(b: Buffer, off: number, len: number): number {
  const s = str(b, off, len).trim();
  return s === "" ? 0 : parseInt(s, 8);
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(body.subarray(i, sp).toString());
    const rec = body.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

export function readTar(data: Uint8Array): readonly TarReadEntry[] {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out: TarReadEntry[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + 512 <= b.length) {
    const h = b.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] as number);
    if (sum !== num(h, 148, 8)) throw new Error(`tar: bad header checksum at offset ${off}`);
    const size = num(h, 124, 12);
    const typeflag = str(h, 156, 1) || "0";
    const body = b.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (typeflag === "x") {
      pax = parsePax(body);
      continue;
    }
    if (typeflag === "L" || typeflag === "K") {
      const text = str(body, 0, body.length);
      if (typeflag === "L") longName = text;
      else longLink = text;
      continue;
    }
    if (typeflag === "g") continue;
    const posix = h.toString("latin1", 257, 263) === "ustar\0";
    const prefix = posix ? str(h, 345, 155) : "";
    const name = pax["path"] ?? longName ?? (prefix ? `${prefix}/${str(h, 0, 100)}` : str(h, 0, 100));
    out.push({
      path: name,
      typeflag,
      mode: num(h, 100, 8),
      uid: num(h, 108, 8),
      gid: num(h, 116, 8),
      mtime: num(h, 136, 12),
      uname: str(h, 265, 32),
      gname: str(h, 297, 32),
      linkname: pax["linkpath"] ?? longLink ?? str(h, 157, 100),
      data: body,
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return out;
}
