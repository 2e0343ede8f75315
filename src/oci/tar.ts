/**
 * A deterministic tar writer (POSIX ustar, with a PAX extended header only
 * for names or link targets longer than ustar holds), the way ko and
 * go-containerregistry write layers: entries in the order given (callers
 * sort), one fixed mtime, fixed uid/gid, empty user/group names, no
 * xattrs, no device numbers. Pure: entries in, bytes out.
 * Leaves out: hard links, devices, FIFOs, sparse files, reading tar.
 */
export type TarEntryType = "file" | "dir" | "symlink";

export interface TarEntry {
  /** Relative path inside the layer, `/`-separated, no leading `/` (dirs without trailing `/`). */
  readonly path: string;
  readonly type: TarEntryType;
  /** Permission bits (e.g. 0o755). */
  readonly mode: number;
  readonly data?: Uint8Array;
  readonly linkname?: string;
  readonly uid?: number;
  readonly gid?: number;
}

export interface TarOptions {
  /** Seconds since the epoch for every entry (SOURCE_DATE_EPOCH or 0). */
  readonly mtime: number;
}

const BLOCK = 512;

function octal(buf: Buffer, off: number, len: number, v: number): void {
  const s = v.toString(8).padStart(len - 1, "0");
  if (s.length > len - 1) throw new RangeError(`tar: value ${v} does not fit ${len} bytes`);
  buf.write(s, off, len - 1, "ascii");
  buf[off + len - 1] = 0;
}

function header(name: string, typeflag: string, mode: number, size: number, mtime: number, uid: number, gid: number, linkname: string, prefix: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "utf8");
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, uid);
  octal(h, 116, 8, gid);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.fill(0x20, 148, 156);
  h.write(typeflag, 156, 1, "ascii");
  h.write(linkname, 157, 100, "utf8");
  h.write("ustar\u000000", 257, 8, "binary");
  octal(h, 329, 8, 0);
  octal(h, 337, 8, 0);
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0"), 148, 6, "ascii");
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

function pad(n: number): Buffer {
  const r = n % BLOCK;
  return Buffer.alloc(r === 0 ? 0 : BLOCK - r);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

/** Splits a long name into ustar prefix + name, or null when it cannot. */
function splitUstar(name: string): [string, string] | null {
  if (Buffer.byteLength(name) <= 100) return ["", name];
  for (let i = name.indexOf("/"); i >= 0; i = name.indexOf("/", i + 1)) {
    const pre = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(pre) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== "") return [pre, rest];
  }
  return null;
}

export class TarPathError extends Error {
  override readonly name = "TarPathError";
}

function checkPath(p: string): void {
  if (p === "" || p.startsWith("/") || p.split("/").some((c) => c === ".." || c === "." || c === "")) {
    throw new TarPathError(`tar: bad entry path ${JSON.stringify(p)}`);
  }
}

/** Writes `entries` (in order) as one tar stream, with the two closing zero blocks. */
export function writeTar(entries: readonly TarEntry[], opts: TarOptions): Buffer {
  const chunks: Buffer[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    checkPath(e.path);
    if (seen.has(e.path)) throw new TarPathError(`tar: duplicate entry ${e.path}`);
    seen.add(e.path);
    const name = e.type === "dir" ? `${e.path}/` : e.path;
    const data = e.type === "file" ? Buffer.from(e.data ?? new Uint8Array()) : Buffer.alloc(0);
    const link = e.type === "symlink" ? (e.linkname ?? "") : "";
    const typeflag = e.type === "file" ? "0" : e.type === "dir" ? "5" : "2";
    const split = splitUstar(name);
    let prefix = "";
    let short = name;
    const pax: string[] = [];
    if (split === null) {
      pax.push(paxRecord("path", name));
      short = name.slice(0, 99);
    } else [prefix, short] = split;
    if (Buffer.byteLength(link) > 100) pax.push(paxRecord("linkpath", link));
    const uid = e.uid ?? 0;
    const gid = e.gid ?? 0;
    if (pax.length > 0) {
      const body = Buffer.from(pax.join(""), "utf8");
      chunks.push(header("PaxHeaders/" + short.slice(0, 80), "x", 0o644, body.length, opts.mtime, 0, 0, "", ""), body, pad(body.length));
    }
    chunks.push(header(short, typeflag, e.mode, data.length, opts.mtime, uid, gid, link.slice(0, 100), prefix));
    if (data.length > 0) chunks.push(data, pad(data.length));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

/** Every parent folder of `paths` (e.g. `usr`, `usr/local` for `usr/local/bin/x`), sorted. */
export function parentDirs(paths: readonly string[]): readonly string[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return [...dirs].sort();
}
