/**
 * Reads a folder into tar entries for a deterministic layer (ko's kodata
 * layer): lexical order, regular files 0644 (0755 when any execute bit is
 * set), folders 0755, symlinks kept only when they stay inside the folder
 * (relative targets that resolve inside it); owners come from the caller.
 * Refuses symlinks pointing outside, absolute symlink targets, and special
 * files. Leaves out hard-link detection (hard links become copies).
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { join, posix } from "node:path";
import type { TarEntry } from "./tar.js";

export class LayerPathError extends Error {
  override readonly name = "LayerPathError";
}

export interface DirEntryOptions {
  readonly uid: number;
  readonly gid: number;
}

/** Entries for everything under `root`, placed under `dest` (e.g. `var/run/ko`), without `dest`'s parents. */
export function dirEntries(root: string, dest: string, opts: DirEntryOptions): readonly TarEntry[] {
  const out: TarEntry[] = [{ path: dest, type: "dir", mode: 0o755, uid: opts.uid, gid: opts.gid }];
  const walk = (rel: string): void => {
    const names = readdirSync(join(root, rel)).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1));
    for (const name of names) {
      const r = rel === "" ? name : `${rel}/${name}`;
      const abs = join(root, r);
      const st = lstatSync(abs);
      const path = `${dest}/${r}`;
      if (st.isSymbolicLink()) {
        const target = readlinkSync(abs);
        if (posix.isAbsolute(target)) throw new LayerPathError(`${abs}: symlink to an absolute path (${target}) is not allowed in a data layer`);
        const resolved = posix.normalize(posix.join(posix.dirname(r), target));
        if (resolved === ".." || resolved.startsWith("../")) throw new LayerPathError(`${abs}: symlink points outside ${root} (${target})`);
        out.push({ path, type: "symlink", mode: 0o777, linkname: target, uid: opts.uid, gid: opts.gid });
      } else if (st.isDirectory()) {
        out.push({ path, type: "dir", mode: 0o755, uid: opts.uid, gid: opts.gid });
        walk(r);
      } else if (st.isFile()) {
        out.push({ path, type: "file", mode: st.mode & 0o111 ? 0o755 : 0o644, data: readFileSync(abs), uid: opts.uid, gid: opts.gid });
      } else {
        throw new LayerPathError(`${abs}: not a regular file, folder or symlink`);
      }
    }
  };
  walk("");
  return out;
}
