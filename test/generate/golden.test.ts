/**
 * goship init's output for every example × profile (and a few option
 * variants) against golden files under test/generate/golden/<example>/
 * <profile>/. GOSHIP_UPDATE_GOLDEN=1 rewrites them (review the diff).
 * Also: determinism (twice, and from another folder: byte-identical),
 * and every generated Dockerfile lints with zero findings at warning or
 * above, with the generated .dockerignore in force.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { initProject, writeProject } from "../../src/generate/index.js";
import type { InitOptions } from "../../src/generate/plan.js";
import { lintFiles } from "../../src/lint/lint-files.js";
import { atOrAbove } from "../../src/finding/finding.js";
import { unifiedDiff } from "../../src/lint/diff.js";
import { EXAMPLE_CASES, EXAMPLES_DIR, GOLDEN_DIR, PROFILES, VARIANTS } from "./cases.js";

const UPDATE = process.env.GOSHIP_UPDATE_GOLDEN === "1";
const VERSION = "0.0.0-test";
const tmp = mkdtempSync(join(tmpdir(), "goship-init-golden-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function goldenName(path: string): string {
  return path.startsWith(".") ? path.slice(1) : path;
}

function all(): { name: string; example: string; options: InitOptions }[] {
  const out: { name: string; example: string; options: InitOptions }[] = [];
  for (const c of EXAMPLE_CASES) for (const p of PROFILES) out.push({ name: `${c.example}/${p}`, example: c.example, options: { ...c.options, profile: p } });
  return [...out, ...VARIANTS];
}

describe("goship init golden files", () => {
  for (const c of all()) {
    it(`${c.name} matches its golden files`, () => {
      const out = initProject({ dir: join(EXAMPLES_DIR, c.example), openapi: null, options: c.options, version: VERSION });
      const dir = join(GOLDEN_DIR, c.name);
      for (const f of out.files) {
        const golden = join(dir, goldenName(f.path));
        if (UPDATE) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(golden, f.content);
          continue;
        }
        assert.ok(existsSync(golden), `missing golden ${golden}: run with GOSHIP_UPDATE_GOLDEN=1`);
        const want = readFileSync(golden, "utf8");
        assert.equal(f.content, want, `${c.name}/${f.path} differs from its golden file:\n${unifiedDiff(want, f.content, "golden", "generated")}`);
      }
    });
  }
});

describe("goship init is deterministic", () => {
  for (const c of all()) {
    it(`${c.name}: same inputs give byte-identical files (twice, and from a copy elsewhere)`, () => {
      const a = initProject({ dir: join(EXAMPLES_DIR, c.example), openapi: null, options: c.options, version: VERSION });
      const b = initProject({ dir: join(EXAMPLES_DIR, c.example), openapi: null, options: c.options, version: VERSION });
      const copy = join(tmp, `det-${c.name.replace("/", "-")}`);
      cpSync(join(EXAMPLES_DIR, c.example), copy, { recursive: true });
      const d = initProject({ dir: copy, openapi: null, options: c.options, version: VERSION });
      assert.deepEqual(b.files.map((f) => [f.path, f.content]), a.files.map((f) => [f.path, f.content]));
      assert.deepEqual(d.files.map((f) => [f.path, f.content]), a.files.map((f) => [f.path, f.content]));
      // Idempotent: writing then writing again changes nothing.
      writeProject(d, { force: true });
      const again = writeProject(initProject({ dir: copy, openapi: null, options: c.options, version: VERSION }), { version: VERSION });
      assert.deepEqual(again.written, []);
    });
  }
});

describe("generated Dockerfiles pass goship lint (nothing at warning or above)", () => {
  for (const c of all()) {
    it(`${c.name} lints clean in its context`, async () => {
      const copy = join(tmp, `lint-${c.name.replace("/", "-")}`);
      cpSync(join(EXAMPLES_DIR, c.example), copy, { recursive: true });
      const w = writeProject(initProject({ dir: copy, openapi: null, options: c.options }), { force: true });
      assert.deepEqual(w.refused, []);
      const [o] = await lintFiles([{ display: "Dockerfile", path: join(copy, "Dockerfile") }], { cwd: copy });
      assert.ok(o && o.error === null, `lint error: ${o?.error?.format()}`);
      const bad = o.findings.filter((f) => atOrAbove(f.severity, "warning"));
      assert.deepEqual(bad.map((f) => `${f.line}: ${f.ruleId} ${f.message}`), []);
    });
  }
});
