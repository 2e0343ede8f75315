/**
 * Inputs for the go.mod differential tests: every go.mod in the corpus, the
 * hand-written fixtures under test/fixtures/gomod/{mod,work}, and a seeded
 * mutator that breaks them in the ways people and tools do (stray tokens,
 * quotes, parens, comments, CRLF, odd Unicode, spliced lines).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Rng } from "../support/random.js";
import { CORPUS, ROOT } from "../support/paths.js";

export interface NamedText {
  readonly name: string;
  readonly content: string;
}

export const FIXTURES = join(ROOT, "test", "fixtures", "gomod");

/** go.mod files of the corpus (folders that have one). */
export function corpusGoMods(): NamedText[] {
  const out: NamedText[] = [];
  if (!existsSync(CORPUS)) return out;
  for (const d of readdirSync(CORPUS).sort()) {
    const p = join(CORPUS, d, "go.mod");
    if (existsSync(p)) out.push({ name: `corpus/${d}/go.mod`, content: readFileSync(p, "utf8") });
  }
  return out;
}

/** Fixture files of one kind ("mod" or "work"). */
export function fixtures(kind: "mod" | "work"): NamedText[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(`.${kind}`))
    .sort()
    .map((f) => ({ name: `${kind}/${f}`, content: readFileSync(join(dir, f), "utf8") }));
}

const SNIPPETS = [
  "(", ")", "[", "]", ",", "{", "}", "//", "/*", "*/", '"', "`", "'", "\n", "\r\n", "\r", " ", "\t", "=>", "@",
  "v1.2.3", "v1.2", "v0.0.0-20200101000000-abcdefabcdef", "v2.0.0+incompatible", "v1.0.0-rc.1", "latest", "vX",
  "// indirect", "// indirect; why", "//indirect", "// Deprecated: use y", "\n//\n", "// note\n",
  "require", "replace", "exclude", "retract", "module", "go", "toolchain", "godebug", "tool", "ignore", "use",
  "1.21", "1.21rc1", "1.21.0", "go1.22", "default", "./x", "../x", "..", ".", "/abs", "C:\\x", ".\\x", "\\",
  "example.com/a", "example.com/a/v2", "gopkg.in/yaml.v2", "/v2", "/v1", "k=v", "=", '"\\x41"', '"\\xff"',
  '"a b"', '"\\u00e9"', "\\q", "\u00a0", "\u000b", "\u0000", "\u0085", "\u2028", "ü", "日本", "🚀", "\ufeff", "\u200b",
  "\ud800", "\u0378", "\u{1f7d9}", "\u{31350}", "\u0897",
];

function splice(s: string, at: number, del: number, ins: string): string {
  return s.slice(0, at) + ins + s.slice(at + del);
}

/** One mutation of `s`; `others` provides lines to splice in. */
function mutateOnce(rng: Rng, s: string, others: readonly NamedText[]): string {
  const pos = rng.int(s.length + 1);
  switch (rng.int(8)) {
    case 0:
      return splice(s, pos, 1 + rng.int(6), "");
    case 1:
    case 2:
      return splice(s, pos, 0, rng.pick(SNIPPETS));
    case 3: {
      const lines = s.split("\n");
      const i = rng.int(lines.length);
      lines.splice(i, 0, lines[i] ?? "");
      return lines.join("\n");
    }
    case 4: {
      const lines = s.split("\n");
      const i = rng.int(lines.length);
      const j = rng.int(lines.length);
      const t = lines[i] as string;
      lines[i] = lines[j] as string;
      lines[j] = t;
      return lines.join("\n");
    }
    case 5: {
      const other = rng.pick(others).content.split("\n");
      return splice(s, pos, 0, (other[rng.int(other.length)] ?? "") + "\n");
    }
    case 6:
      return splice(s, pos, 1, rng.pick(SNIPPETS));
    default: {
      // Drop a whole line (often a closing paren or a module line).
      const lines = s.split("\n");
      lines.splice(rng.int(lines.length), 1);
      return lines.join("\n");
    }
  }
}

/** `n` mutated inputs seeded from `seeds`. */
export function mutations(rng: Rng, seeds: readonly NamedText[], n: number): NamedText[] {
  const out: NamedText[] = [];
  for (let i = 0; i < n; i++) {
    const seed = rng.pick(seeds);
    let s = seed.content;
    const k = 1 + rng.int(4);
    for (let j = 0; j < k; j++) s = mutateOnce(rng, s, seeds);
    out.push({ name: rng.int(10) === 0 ? "" : "go.mod", content: s });
  }
  return out;
}
