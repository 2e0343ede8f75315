import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "../support/paths.js";

/** The fenced code blocks of a Markdown file: { lang, code, line }. */
export function codeBlocks(md: string): { lang: string; code: string; line: number }[] {
  const out: { lang: string; code: string; line: number }[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of md.matchAll(re)) out.push({ lang: m[1]!, code: m[2]!, line: md.slice(0, m.index).split("\n").length });
  return out;
}

const doc = readFileSync(join(ROOT, "docs", "library.md"), "utf8");
const blocks = codeBlocks(doc);
const entry = pathToFileURL(join(ROOT, "dist", "src", "index.js")).href;

test("docs/library.md: every example is plain JavaScript (runnable as .mjs) and imports goship", () => {
  assert.deepEqual(blocks.filter((b) => b.lang === "ts" || b.lang === "typescript").map((b) => b.line), [], "write examples as ```js so they run as they are");
  const js = blocks.filter((b) => b.lang === "js");
  assert.ok(js.length >= 7, `${js.length} examples`);
  for (const b of js) assert.match(b.code, /from "goship";/, `line ${b.line}`);
});

for (const b of blocks.filter((x) => x.lang === "js")) {
  test(`docs/library.md:${b.line}: the example runs and prints what its // → lines say`, () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-libdoc-"));
    try {
      const file = join(dir, "example.mjs");
      writeFileSync(file, b.code.replace(/from "goship";/g, `from ${JSON.stringify(entry)};`));
      const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: dir }, timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      const expected = [...b.code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]!);
      assert.ok(expected.length > 0, "the example shows its output");
      const got = r.stdout.trimEnd().split("\n");
      assert.deepEqual(got, expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
