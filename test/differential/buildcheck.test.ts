/**
 * Differential test: goship's GS6xx rules against BuildKit's own build checks
 * (dockerfile2llb.DockerfileLint, test/oracle/buildcheck) on the corpus, the
 * parser edge cases, the Bad/Good examples of docs/rules/GS6*.md, and seeded
 * mutants of all of them. Per mapped check, the places BuildKit warns must
 * equal the places goship reports, except the documented differences of
 * test/oracle/buildcheck/README.md (buildcheck-compare.ts). Files BuildKit
 * refuses to convert, or goship refuses to parse, are counted and skipped.
 * Reproduce a run with GOSHIP_SEED=<seed>; GOSHIP_BUILDCHECK_MUTANTS sets
 * the number of mutants.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDockerfile } from "../../src/dockerfile/index.js";
import { CORPUS, ROOT } from "../support/paths.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv } from "../support/random.js";
import { CHECKS, compareFile, type BuildkitAnswer, type Difference } from "./buildcheck-compare.js";
import { mutate } from "./buildcheck-mutate.js";

const MUTANTS = Number(process.env.GOSHIP_BUILDCHECK_MUTANTS ?? 4500);

interface Input {
  readonly name: string;
  readonly content: string;
}

function corpus(): Input[] {
  return readdirSync(CORPUS)
    .sort()
    .filter((d) => existsSync(join(CORPUS, d, "Dockerfile")))
    .map((d) => ({ name: `corpus/${d}`, content: readFileSync(join(CORPUS, d, "Dockerfile"), "utf8") }));
}

function edgeCases(): Input[] {
  const dir = join(ROOT, "test", "fixtures", "dockerfile", "edge");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".Dockerfile"))
    .sort()
    .map((f) => ({ name: `edge/${f}`, content: readFileSync(join(dir, f), "utf8") }));
}

/** The ```dockerfile blocks under "## Bad" and "## Good" of docs/rules/GS6*.md. */
function docExamples(): Input[] {
  const dir = join(ROOT, "docs", "rules");
  const out: Input[] = [];
  for (const f of readdirSync(dir).filter((x) => /^GS6\d\d\.md$/.test(x)).sort()) {
    const text = readFileSync(join(dir, f), "utf8");
    for (const section of text.split(/^## /m).slice(1)) {
      const title = section.slice(0, section.indexOf("\n")).trim();
      if (!/^(Bad|Good)\b/.test(title)) continue;
      let i = 0;
      for (const m of section.matchAll(/```dockerfile\n([\s\S]*?)```/g)) out.push({ name: `docs/${f} ${title} #${++i}`, content: m[1]! });
    }
  }
  return out;
}

function parses(content: string): boolean {
  try {
    parseDockerfile(content);
    return true;
  } catch {
    return false;
  }
}

test("GS6xx rules agree with BuildKit's build checks", { timeout: 120_000 }, async () => {
  const started = performance.now();
  const rng = rngFromEnv();
  console.log(`buildcheck: seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
  const [real, edge, docs] = [corpus(), edgeCases().filter((e) => parses(e.content)), docExamples()];
  assert.ok(real.length >= 50 && docs.length >= 20, `only ${real.length} corpus files and ${docs.length} doc examples`);
  const fixed: Input[] = [...real, ...edge, ...docs];
  const mutants: Input[] = [];
  for (let k = 0; k < MUTANTS; k++) {
    const seed = rng.pick(fixed);
    mutants.push({ name: `mutant ${k} of ${seed.name}`, content: mutate(seed.content, rng) });
  }
  const inputs = [...fixed, ...mutants];
  const answers = await runOracle<{ content: string }, BuildkitAnswer>("buildcheck", "lint", inputs.map((i) => ({ content: i.content })));

  const agree = new Map<string, number>(CHECKS.map((c) => [c, 0]));
  const warned = new Map<string, number>(CHECKS.map((c) => [c, 0]));
  const excluded = new Map<Difference, number>();
  const failures: string[] = [];
  let compared = 0;
  let comparedMutants = 0;
  let buildkitErrors = 0;
  let goshipRejects = 0;
  inputs.forEach((input, i) => {
    const ans = answers[i]!;
    if (ans.panic !== undefined) {
      failures.push(`${input.name}: BuildKit panicked: ${ans.panic}`);
      return;
    }
    if (!parses(input.content)) {
      goshipRejects++;
      return;
    }
    if (ans.error !== undefined) {
      buildkitErrors++;
      return;
    }
    compared++;
    if (i >= fixed.length) comparedMutants++;
    for (const c of compareFile(input.content, ans).checks) {
      for (const d of c.excluded) excluded.set(d, (excluded.get(d) ?? 0) + 1);
      if (ans.warnings.some((w) => w.rule === c.check)) warned.set(c.check, warned.get(c.check)! + 1);
      if (c.agree) agree.set(c.check, agree.get(c.check)! + 1);
      else if (failures.length < 40) {
        failures.push(`${input.name} [${c.check}] only BuildKit: ${c.onlyBuildkit.join(",") || "-"}; only goship: ${c.onlyGoship.join(",") || "-"}\n${numbered(input.content)}`);
      }
    }
  });

  console.log(`buildcheck: ${inputs.length} inputs (${real.length} corpus, ${edge.length} edge cases, ${docs.length} doc examples, ${mutants.length} mutants); compared ${compared} (${comparedMutants} mutants), skipped ${buildkitErrors} BuildKit errors, ${goshipRejects} goship parse errors`);
  for (const c of CHECKS) console.log(`  ${c.padEnd(32)} ${agree.get(c)}/${compared} agree (BuildKit warns in ${warned.get(c)})`);
  console.log(`  documented differences excluded: ${[...excluded].map(([d, n]) => `${d}=${n}`).join(", ") || "none"}`);
  console.log(`buildcheck: ${Math.round(performance.now() - started)} ms`);
  assert.ok(comparedMutants >= 3000, `only ${comparedMutants} mutants compared`);
  assert.deepEqual(failures, []);
});

function numbered(text: string): string {
  return text
    .split("\n")
    .slice(0, 40)
    .map((l, i) => `    ${String(i + 1).padStart(3)}| ${l}`)
    .join("\n");
}
