import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../../../test/support/paths.js";
import { parseConfig } from "../../config/load.js";
import { lintText } from "../engine.js";
import { RULES } from "./index.js";

const rulesDir = join(ROOT, "src", "lint", "rules");
const docsDir = join(ROOT, "docs", "rules");

test("every rule has its module, test and doc page, and nothing is orphaned", () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, "duplicate rule IDs");
  const files = readdirSync(rulesDir);
  const modules = files.filter((f) => /^GS\d{3}\.ts$/.test(f)).map((f) => f.slice(0, 5));
  assert.deepEqual([...modules].sort(), [...ids].sort(), "index.ts and the GSnnn.ts files differ: run node scripts/gen-rule-index.mjs");
  for (const id of ids) {
    assert.ok(files.includes(`${id}.test.ts`), `${id} has no ${id}.test.ts`);
    assert.ok(existsSync(join(docsDir, `${id}.md`)), `${id} has no docs/rules/${id}.md`);
  }
  const docs = readdirSync(docsDir).filter((f) => /^GS\d{3}\.md$/.test(f)).map((f) => f.slice(0, 5));
  for (const d of docs) assert.ok(ids.includes(d), `docs/rules/${d}.md has no rule`);
});

test("rule metadata is well formed", () => {
  for (const r of RULES) {
    const m = r.meta;
    assert.match(m.id, /^GS[1-6]\d{2}$/);
    const family = { "1": "go-build", "2": "supply-chain", "3": "masked-failure", "4": "security", "5": "context", "6": "semantics" }[m.id[2]!];
    assert.equal(m.category, family, `${m.id} category`);
    assert.ok(m.title.length > 5 && m.title === m.title.trim() && !m.title.endsWith("."), `${m.id} title`);
    for (const dl of m.hadolint) assert.match(dl, /^DL\d{4}$/, `${m.id} hadolint code`);
  }
});

/** The fenced dockerfile block under a `## <heading>` of a doc page. */
function example(doc: string, heading: string): string | null {
  const m = new RegExp(`^## ${heading}\\s*\\n[\\s\\S]*?\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``, "m").exec(doc);
  return m ? m[1]! : null;
}

test("doc pages have the fixed sections, and their Bad example triggers the rule while Good does not", () => {
  for (const r of RULES) {
    const id = r.meta.id;
    const doc = readFileSync(join(docsDir, `${id}.md`), "utf8");
    assert.match(doc, new RegExp(`^# ${id}: `), `${id}.md title`);
    for (const h of ["Why", "Bad", "Good", "Fix", "Silence"]) assert.match(doc, new RegExp(`^## ${h}\\b`, "m"), `${id}.md lacks ## ${h}`);
    assert.match(doc, new RegExp(`\\| default severity \\| ${r.meta.severity} \\|`), `${id}.md severity row`);
    const bad = example(doc, "Bad");
    const good = example(doc, "Good");
    // Context rules need a project on disk; their docs examples are checked in their own tests.
    if (r.meta.category === "context") continue;
    assert.ok(bad !== null && good !== null, `${id}.md needs dockerfile blocks under Bad and Good`);
    // An optional ```yaml block under ## Bad is the .goship.yaml both examples run with.
    const yaml = /^## Bad\s*\n[\s\S]*?```yaml\n([\s\S]*?)```/m.exec(doc)?.[1];
    const config = yaml ? parseConfig(yaml, `${id}.md`).lint : undefined;
    const hit = (text: string): boolean => lintText(text, { file: `${id}.md`, ...(config ? { config } : {}) }).findings.some((f) => f.ruleId === id);
    assert.ok(hit(bad!), `${id}: the Bad example does not trigger the rule`);
    assert.ok(!hit(good!), `${id}: the Good example triggers the rule`);
  }
});
