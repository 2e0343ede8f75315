/**
 * Unmounts whatever is still mounted under a lab folder (overlay snapshots a
 * killed buildkitd or dockerd left behind) so the folder can be removed.
 * Reads /proc/self/mountinfo; unmounts deepest first, lazily. Leaves out
 * every mount outside the given folder.
 */
import { readFileSync } from "node:fs";
import { run } from "./process.js";

/** Mount points at or under dir, deepest first (pure over mountinfo text). */
export function mountsUnder(mountinfo: string, dir: string): readonly string[] {
  const prefix = dir.endsWith("/") ? dir : `${dir}/`;
  const points = mountinfo
    .split("\n")
    .map((l) => l.split(" ")[4])
    .filter((p): p is string => p !== undefined)
    .map((p) => p.replace(/\\(\d{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((p) => p === dir || p.startsWith(prefix));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

export async function unmountUnder(dir: string): Promise<number> {
  const points = mountsUnder(readFileSync("/proc/self/mountinfo", "utf8"), dir);
  for (const p of points) await run("umount", ["-l", p]);
  return points.length;
}
