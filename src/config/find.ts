/** Finds .goship.yaml upward from a folder (cheap: no YAML or schema loaded). */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_NAMES = [".goship.yaml", ".goship.yml"] as const;

/** The nearest config file at or above `dir`, or null. */
export function findConfig(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(d, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}
