/**
 * A minimal tar reader for tests: ustar/GNU/PAX headers (long names from
 * `L` entries and PAX `path`/`linkpath`), returning each member's name,
 * type flag, link target and data. Enough to read an OCI archive and its
 * layers; leaves out sparse files and global PAX headers' effects.
 */
export interface TarMember {
  readonly name: string;
  /** "0" file, "5" dir, "2" symlink, "1" hard link, "6" fifo, "3"/"4" devices. */
  readonly type: string;
  readonly linkName: string;
  readonly mode: number;
  readonly data: Buffer;
}

function str(b: Buffer, off: number, len: number): string {
  const s = b.subarray(off, off + len);
  const z = s.indexOf(0);
  return (z >= 0 ? s.subarray(0, z) : s).toString("utf8");
}

function octal(b: Buffer, off: number, len: number): number {
  const s = str(b, off, len).trim();
  return s === "" ? 0 : parseInt(s, 8);
}

function pax(data: Buffer): Map<string, string> {
  const m = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(data.subarray(i, sp).toString());
    const rec = data.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    m.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return m;
}

export function readTar(buf: Buffer): TarMember[] {
  const out: TarMember[] = [];
  let off = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let paxNext: Map<string, string> | null = null;
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 0x30);
    const data = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = str(data, 0, data.length);
      continue;
    }
    if (type === "K") {
      longLink = str(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      paxNext = pax(data);
      continue;
    }
    if (type === "g") continue;
    const prefix = str(h, 345, 155);
    let name = str(h, 0, 100);
    if (prefix !== "" && h.subarray(257, 262).toString() === "ustar") name = `${prefix}/${name}`;
    name = paxNext?.get("path") ?? longName ?? name;
    const linkName = paxNext?.get("linkpath") ?? longLink ?? str(h, 157, 100);
    out.push({ name, type: type === "\0" ? "0" : type, linkName, mode: octal(h, 100, 8), data });
    longName = null;
    longLink = null;
    paxNext = null;
  }
  return out;
}
