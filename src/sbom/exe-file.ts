/**
 * Just enough of ELF, PE and Mach-O to do what debug/buildinfo's exe
 * wrappers do (Go 1.26): where the data holding the build-info blob starts
 * (`dataStart`: the `.go.buildinfo` / `__go_buildinfo` section, else the
 * first writable segment or section) and how to read bytes at a virtual
 * address (`readData`). Pure: works on the file's bytes. Leaves out XCOFF,
 * Plan 9 and Mach-O universal (fat) files.
 */

export interface ExeFile {
  readonly format: "elf" | "pe" | "macho";
  readonly littleEndian: boolean;
  /** Virtual address and size of the region to search for the build-info magic; size 0 = none. */
  dataStart(): { addr: bigint; size: bigint };
  /** Up to `size` bytes at virtual address `addr` (fewer at the end of a segment; empty when unmapped). */
  readData(addr: bigint, size: number): Uint8Array;
}

export class ExeFormatError extends Error {
  override readonly name = "ExeFormatError";
}

class Reader {
  readonly v: DataView;
  constructor(
    readonly b: Uint8Array,
    readonly le: boolean,
  ) {
    this.v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  check(off: number, n: number): void {
    if (off < 0 || off + n > this.b.length) throw new ExeFormatError(`truncated file (wanted ${n} bytes at offset ${off})`);
  }
  u8(off: number): number {
    this.check(off, 1);
    return this.v.getUint8(off);
  }
  u16(off: number): number {
    this.check(off, 2);
    return this.v.getUint16(off, this.le);
  }
  u32(off: number): number {
    this.check(off, 4);
    return this.v.getUint32(off, this.le);
  }
  u64(off: number): bigint {
    this.check(off, 8);
    return this.v.getBigUint64(off, this.le);
  }
  cstr(off: number, max: number): string {
    this.check(off, 0);
    const end = Math.min(this.b.length, off + max);
    let i = off;
    while (i < end && this.b[i] !== 0) i++;
    return Buffer.from(this.b.subarray(off, i)).toString("latin1");
  }
}

/** A file-backed mapping: [vaddr, vaddr+filesz) lives at file offset `off`. */
interface Mapping {
  readonly vaddr: bigint;
  readonly filesz: bigint;
  readonly off: bigint;
}

function readMapped(b: Uint8Array, maps: readonly Mapping[], addr: bigint, size: number): Uint8Array {
  for (const m of maps) {
    if (m.vaddr <= addr && addr <= m.vaddr + m.filesz - 1n) {
      const n = m.vaddr + m.filesz - addr < BigInt(size) ? Number(m.vaddr + m.filesz - addr) : size;
      const start = Number(addr - m.vaddr + m.off);
      if (start >= b.length) return new Uint8Array(0);
      return b.subarray(start, Math.min(b.length, start + n));
    }
  }
  return new Uint8Array(0);
}

function elf(b: Uint8Array): ExeFile {
  const cls = b[4];
  const data = b[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) throw new ExeFormatError("bad ELF header");
  const is64 = cls === 2;
  const r = new Reader(b, data === 1);
  const word = (off: number): bigint => (is64 ? r.u64(off) : BigInt(r.u32(off)));
  const phoff = Number(word(is64 ? 0x20 : 0x1c));
  const shoff = Number(word(is64 ? 0x28 : 0x20));
  const phentsize = r.u16(is64 ? 0x36 : 0x2a);
  const phnum = r.u16(is64 ? 0x38 : 0x2c);
  const shentsize = r.u16(is64 ? 0x3a : 0x2e);
  let shnum = r.u16(is64 ? 0x3c : 0x30);
  let shstrndx = r.u16(is64 ? 0x3e : 0x32);
  if (shoff > 0 && shnum === 0) shnum = r.u32(shoff + (is64 ? 0x20 : 0x14)); // SHN_UNDEF's sh_size holds the count
  if (shoff > 0 && shstrndx === 0xffff) shstrndx = r.u32(shoff + (is64 ? 0x28 : 0x18));
  const progs: { type: number; flags: number; vaddr: bigint; filesz: bigint; memsz: bigint; off: bigint }[] = [];
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (is64) progs.push({ type: r.u32(p), flags: r.u32(p + 4), off: r.u64(p + 8), vaddr: r.u64(p + 16), filesz: r.u64(p + 32), memsz: r.u64(p + 40) });
    else progs.push({ type: r.u32(p), off: BigInt(r.u32(p + 4)), vaddr: BigInt(r.u32(p + 8)), filesz: BigInt(r.u32(p + 16)), memsz: BigInt(r.u32(p + 20)), flags: r.u32(p + 24) });
  }
  const sections: { name: number; type: number; addr: bigint; off: bigint; size: bigint }[] = [];
  if (shoff > 0) {
    for (let i = 0; i < shnum; i++) {
      const s = shoff + i * shentsize;
      if (is64) sections.push({ name: r.u32(s), type: r.u32(s + 4), addr: r.u64(s + 16), off: r.u64(s + 24), size: r.u64(s + 32) });
      else sections.push({ name: r.u32(s), type: r.u32(s + 4), addr: BigInt(r.u32(s + 12)), off: BigInt(r.u32(s + 16)), size: BigInt(r.u32(s + 20)) });
    }
  }
  const strtab = sections[shstrndx];
  // elf.NewFile reads the section-name table up front: a file cut short before it is no ELF file.
  if (strtab && strtab.type !== 8 && strtab.off + strtab.size > BigInt(b.length)) throw new ExeFormatError("section name table past the end of the file");
  const sectionName = (n: number): string => (strtab ? r.cstr(Number(strtab.off) + n, 256) : "");
  const PT_LOAD = 1;
  const PF_X = 1;
  const PF_W = 2;
  const loads: Mapping[] = progs.filter((p) => p.type === PT_LOAD).map((p) => ({ vaddr: p.vaddr, filesz: p.filesz, off: p.off }));
  return {
    format: "elf",
    littleEndian: r.le,
    dataStart() {
      for (const s of sections) if (sectionName(s.name) === ".go.buildinfo") return { addr: s.addr, size: s.size };
      for (const p of progs) if (p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W) return { addr: p.vaddr, size: p.memsz };
      return { addr: 0n, size: 0n };
    },
    readData: (addr, size) => readMapped(b, loads, addr, size),
  };
}

function pe(b: Uint8Array): ExeFile {
  const r = new Reader(b, true);
  const peOff = r.u32(0x3c);
  if (r.u32(peOff) !== 0x00004550) throw new ExeFormatError("bad PE signature");
  const coff = peOff + 4;
  const nsect = r.u16(coff + 2);
  const optSize = r.u16(coff + 16);
  const opt = coff + 20;
  const magic = r.u16(opt);
  const imageBase = magic === 0x20b ? r.u64(opt + 24) : BigInt(r.u32(opt + 28));
  const sections: { vsize: number; vaddr: number; rawSize: number; rawOff: number; chars: number }[] = [];
  for (let i = 0; i < nsect; i++) {
    const s = opt + optSize + i * 40;
    sections.push({ vsize: r.u32(s + 8), vaddr: r.u32(s + 12), rawSize: r.u32(s + 16), rawOff: r.u32(s + 20), chars: r.u32(s + 36) });
  }
  const INIT_DATA = 0x40;
  const READ = 0x40000000;
  const WRITE = 0x80000000;
  const ALIGN_32 = 0x600000;
  return {
    format: "pe",
    littleEndian: true,
    dataStart() {
      for (const s of sections) {
        if (s.vaddr !== 0 && s.rawSize !== 0 && ((s.chars & ~ALIGN_32) >>> 0) === ((INIT_DATA | READ | WRITE) >>> 0)) return { addr: BigInt(s.vaddr) + imageBase, size: BigInt(s.vsize) };
      }
      return { addr: 0n, size: 0n };
    },
    readData(addr, size) {
      const rel = addr - imageBase;
      for (const s of sections) {
        const va = BigInt(s.vaddr);
        if (va <= rel && rel < va + BigInt(s.rawSize)) {
          const n = Math.min(size, Number(va + BigInt(s.rawSize) - rel));
          const start = Number(rel - va) + s.rawOff;
          return b.subarray(start, Math.min(b.length, start + n));
        }
      }
      return new Uint8Array(0);
    },
  };
}

function macho(b: Uint8Array): ExeFile {
  const be = b[0] === 0xfe; // FEEDFACE/FEEDFACF stored big-endian
  const r = new Reader(b, !be);
  const magic = r.u32(0);
  const is64 = magic === 0xfeedfacf;
  if (!is64 && magic !== 0xfeedface) throw new ExeFormatError("bad Mach-O magic");
  const ncmds = r.u32(16);
  let off = is64 ? 32 : 28;
  const segs: { addr: bigint; memsz: bigint; off: bigint; filesz: bigint; maxprot: number; prot: number }[] = [];
  const sects: { name: string; addr: bigint; size: bigint }[] = [];
  const LC_SEGMENT = 0x1;
  const LC_SEGMENT_64 = 0x19;
  for (let i = 0; i < ncmds; i++) {
    const cmd = r.u32(off);
    const size = r.u32(off + 4);
    if (cmd === LC_SEGMENT_64) {
      segs.push({ addr: r.u64(off + 24), memsz: r.u64(off + 32), off: r.u64(off + 40), filesz: r.u64(off + 48), maxprot: r.u32(off + 56), prot: r.u32(off + 60) });
      const n = r.u32(off + 64);
      for (let j = 0; j < n; j++) {
        const s = off + 72 + j * 80;
        sects.push({ name: r.cstr(s, 16), addr: r.u64(s + 32), size: r.u64(s + 40) });
      }
    } else if (cmd === LC_SEGMENT) {
      segs.push({ addr: BigInt(r.u32(off + 24)), memsz: BigInt(r.u32(off + 28)), off: BigInt(r.u32(off + 32)), filesz: BigInt(r.u32(off + 36)), maxprot: r.u32(off + 40), prot: r.u32(off + 44) });
      const n = r.u32(off + 48);
      for (let j = 0; j < n; j++) {
        const s = off + 56 + j * 68;
        sects.push({ name: r.cstr(s, 16), addr: BigInt(r.u32(s + 32)), size: BigInt(r.u32(s + 36)) });
      }
    }
    if (size < 8) throw new ExeFormatError("bad Mach-O load command");
    off += size;
  }
  const maps: Mapping[] = segs.map((s) => ({ vaddr: s.addr, filesz: s.filesz, off: s.off }));
  return {
    format: "macho",
    littleEndian: r.le,
    dataStart() {
      for (const s of sects) if (s.name === "__go_buildinfo") return { addr: s.addr, size: s.size };
      for (const s of segs) if (s.addr !== 0n && s.filesz !== 0n && s.prot === 3 && s.maxprot === 3) return { addr: s.addr, size: s.memsz };
      return { addr: 0n, size: 0n };
    },
    readData: (addr, size) => readMapped(b, maps, addr, size),
  };
}

/** The executable format of `b`, or undefined when it is none goship reads. Throws ExeFormatError on a malformed header. */
export function openExe(b: Uint8Array): ExeFile | undefined {
  if (b.length < 16) return undefined;
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return elf(b);
  if (b[0] === 0x4d && b[1] === 0x5a) return pe(b);
  if ((b[0] === 0xfe && b[1] === 0xed && b[2] === 0xfa) || (b[1] === 0xfa && b[2] === 0xed && b[3] === 0xfe)) return macho(b);
  return undefined;
}

/** True when `b` starts like an ELF, PE or Mach-O file (cheap pre-filter before openExe). */
export function isExecutableHeader(b: Uint8Array): boolean {
  if (b.length < 16) return false;
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return true;
  if (b[0] === 0x4d && b[1] === 0x5a) return true;
  return (b[0] === 0xfe && b[1] === 0xed && b[2] === 0xfa) || (b[1] === 0xfa && b[2] === 0xed && b[3] === 0xfe);
}
