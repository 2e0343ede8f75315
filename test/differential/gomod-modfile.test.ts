/**
 * Differential test: parseGoMod / parseGoWork against golang.org/x/mod
 * v0.43.0 modfile.Parse, ParseLax and ParseWork (test/oracle/gomod): every
 * corpus go.mod, every fixture, and >= 10,000 seeded mutations. Results must
 * agree exactly: values, ranges, which inputs fail, and x/mod's error text.
 * Crashes (a non-GoModSyntaxError throw) and hangs (> 100 ms on each of
 * three re-runs, so one GC pause on a busy machine does not count) are counted.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { performance } from "node:perf_hooks";
import { parseGoMod } from "../../src/gomod/go-mod.js";
import { parseGoWork } from "../../src/gomod/go-work.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv } from "../support/random.js";
import { corpusGoMods, fixtures, mutations, type NamedText } from "./gomod-inputs.js";
import { modShape, shapeOf, workShape } from "./gomod-shape.js";

type Kind = "modfile" | "modfile-lax" | "workfile";

interface Tally {
  agree: number;
  rejected: number;
  crashes: number;
  hangs: number;
  disagreements: string[];
}

function mine(kind: Kind, x: NamedText): unknown {
  if (kind === "workfile") return shapeOf(() => parseGoWork(x.content, x.name), workShape);
  return shapeOf(() => parseGoMod(x.content, x.name, { lax: kind === "modfile-lax" }), modShape);
}

async function compare(kind: Kind, inputs: readonly NamedText[]): Promise<Tally> {
  const want = await runOracle<NamedText, unknown>("gomod", kind, inputs);
  const t: Tally = { agree: 0, rejected: 0, crashes: 0, hangs: 0, disagreements: [] };
  inputs.forEach((x, i) => {
    const t0 = performance.now();
    let got: unknown;
    try {
      got = mine(kind, x);
    } catch (e) {
      t.crashes++;
      t.disagreements.push(`${kind} ${JSON.stringify(x.content)}: crash ${String(e)}`);
      return;
    }
    if (performance.now() - t0 > 100) {
      // A loaded machine or a GC pause can stall one call; a real hang repeats.
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t1 = performance.now();
        mine(kind, x);
        best = Math.min(best, performance.now() - t1);
      }
      if (best > 100) t.hangs++;
    }
    const w = want[i];
    if (JSON.stringify(got) === JSON.stringify(w)) {
      t.agree++;
      if (w && typeof w === "object" && "error" in w) t.rejected++;
    } else if (t.disagreements.length < 10) {
      t.disagreements.push(`${kind} ${JSON.stringify(x.content)}\n  goship: ${JSON.stringify(got)}\n  x/mod:  ${JSON.stringify(w)}`);
    }
  });
  return t;
}

function check(label: string, inputs: readonly NamedText[], t: Tally): void {
  console.log(`${label}: ${t.agree}/${inputs.length} agree (${t.rejected} rejected by both), crashes ${t.crashes}, hangs ${t.hangs}`);
  assert.deepEqual(t.disagreements, []);
  assert.equal(t.agree, inputs.length);
  assert.equal(t.crashes, 0);
  assert.equal(t.hangs, 0);
}

const corpus = corpusGoMods();
const modFixtures = fixtures("mod");
const workFixtures = fixtures("work");

test("corpus go.mod files: Parse and ParseLax agree", async () => {
  assert.ok(corpus.length >= 40, `corpus has ${corpus.length} go.mod files`);
  check("corpus Parse", corpus, await compare("modfile", corpus));
  check("corpus ParseLax", corpus, await compare("modfile-lax", corpus));
});

test("fixtures: Parse, ParseLax and ParseWork agree", async () => {
  assert.ok(modFixtures.length >= 60);
  const strict = await compare("modfile", modFixtures);
  check("fixtures Parse", modFixtures, strict);
  assert.ok(strict.rejected >= 30, "fixtures must include bad inputs");
  check("fixtures ParseLax", modFixtures, await compare("modfile-lax", modFixtures));
  check("fixtures ParseWork", workFixtures, await compare("workfile", workFixtures));
  // go.mod fixtures read as go.work exercise ParseWork's rejections.
  check("mod fixtures as go.work", modFixtures, await compare("workfile", modFixtures));
});

test("10,000+ mutated go.mod / go.work inputs agree", async () => {
  const rng = rngFromEnv();
  console.log(`mutation seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
  const seeds = [...corpus, ...modFixtures, ...workFixtures];
  const mods = mutations(rng, seeds, 8000);
  const lax = mutations(rng, seeds, 1500);
  const works = mutations(rng, seeds, 1500);
  const a = await compare("modfile", mods);
  const b = await compare("modfile-lax", lax);
  const c = await compare("workfile", works);
  check("mutated Parse", mods, a);
  check("mutated ParseLax", lax, b);
  check("mutated ParseWork", works, c);
  assert.ok(mods.length + lax.length + works.length >= 10000);
});
