/**
 * One-line rule tests (hadolint's ruleCatches / typescript-eslint's
 * RuleTester): `valid` Dockerfiles must give no finding of the rule,
 * `invalid` ones exactly the listed findings at the listed positions, and,
 * when `output` is given, applying the rule's safe fixes must produce it and
 * re-lint clean of the rule. A case may carry project files (go.mod,
 * .dockerignore, context files) that are written to a temp folder and
 * gathered for real.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import type { Finding } from "../../src/finding/finding.js";
import { lintText } from "../../src/lint/engine.js";
import { applyFixes } from "../../src/lint/fix.js";
import { gatherProject } from "../../src/lint/model/gather.js";
import type { Rule } from "../../src/lint/rule.js";
import type { LintConfig } from "../../src/config/config.js";

export interface Expected {
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message?: RegExp;
  readonly severity?: Finding["severity"];
}

export interface Case {
  readonly name?: string;
  readonly code: string;
  /** Files beside the Dockerfile (the build context), path → content. */
  readonly files?: Readonly<Record<string, string>>;
  readonly config?: Partial<LintConfig>;
}

export interface InvalidCase extends Case {
  readonly errors: readonly Expected[];
  /** The text after applying the rule's safe fixes. */
  readonly output?: string;
}

export interface Cases {
  readonly valid: readonly (string | Case)[];
  readonly invalid: readonly InvalidCase[];
}

async function lintCase(rule: Rule, c: Case): Promise<Finding[]> {
  let dir: string | null = null;
  try {
    let project;
    if (c.files) {
      dir = mkdtempSync(join(tmpdir(), "goship-rule-"));
      for (const [p, content] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), content);
      }
      writeFileSync(join(dir, "Dockerfile"), c.code);
      project = await gatherProject(join(dir, "Dockerfile"));
    }
    const config = c.config ? { ...defaults(), ...c.config } : undefined;
    return [...lintText(c.code, { file: "Dockerfile", rules: [rule], ...(project ? { project } : {}), ...(config ? { config } : {}) }).findings].filter(
      (f) => f.ruleId === rule.meta.id,
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function defaults(): LintConfig {
  return { ignore: [], severity: {}, failureThreshold: "warning", trustedRegistries: [], allowedBaseImages: [], contextSizeLimit: 100e6 };
}

export function ruleTester(rule: Rule, cases: Cases): void {
  const id = rule.meta.id;
  cases.valid.forEach((v, i) => {
    const c: Case = typeof v === "string" ? { code: v } : v;
    test(`${id} valid ${c.name ?? i + 1}`, async () => {
      const got = await lintCase(rule, c);
      assert.deepEqual(got.map(show), [], `expected no ${id} finding in:\n${c.code}`);
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${id} invalid ${c.name ?? i + 1}`, async () => {
      const got = await lintCase(rule, c);
      assert.equal(got.length, c.errors.length, `expected ${c.errors.length} ${id} finding(s), got:\n${got.map(show).join("\n")}\nin:\n${c.code}`);
      c.errors.forEach((e, k) => {
        const f = got[k]!;
        assert.equal(f.line, e.line, `finding ${k + 1} line: ${show(f)}`);
        if (e.column !== undefined) assert.equal(f.column, e.column, `finding ${k + 1} column: ${show(f)}`);
        if (e.endLine !== undefined) assert.equal(f.endLine, e.endLine, `finding ${k + 1} endLine: ${show(f)}`);
        if (e.endColumn !== undefined) assert.equal(f.endColumn, e.endColumn, `finding ${k + 1} endColumn: ${show(f)}`);
        if (e.message) assert.match(f.message, e.message);
        if (e.severity) assert.equal(f.severity, e.severity);
      });
      if (c.output !== undefined) {
        const fixes = got.flatMap((f) => (f.fix && f.fix.safety === "safe" ? [f.fix] : []));
        const fixed = applyFixes(c.code, fixes).text;
        assert.equal(fixed, c.output, "fixed output");
        const again = await lintCase(rule, { ...c, code: fixed });
        assert.deepEqual(again.map(show), [], "the fixed file still triggers the rule");
      }
    });
  });
}

function show(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine ?? ""}:${f.endColumn ?? ""} ${f.ruleId} ${f.message}`;
}
