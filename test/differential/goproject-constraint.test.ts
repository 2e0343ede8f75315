/**
 * Mutation test: src/goproject/build-constraint.ts against go/build/constraint
 * (test/oracle/goproject). Seeded random `//go:build` expressions (well formed,
 * then mutated: dropped/duplicated/swapped characters, stray operators,
 * unbalanced parentheses, double negation, odd spacing, non-ASCII tags) and
 * `// +build` lines are parsed by both sides; the outcome (error text and byte
 * offset, or canonical String()) and Eval against random tag sets must agree.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { performance } from "node:perf_hooks";
import {
  ConstraintSyntaxError, constraintString, evalConstraint, isGoBuildLine, isPlusBuildLine, parseConstraint,
} from "../../src/goproject/build-constraint.js";
import { runOracle } from "../support/oracle.js";
import { type Rng, rngFromEnv } from "../support/random.js";

const rng = rngFromEnv();
console.log(`goproject constraint seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);

const TAGS = ["linux", "windows", "darwin", "amd64", "arm64", "cgo", "unix", "go1.21", "ignore", "foo", "foo_bar", "x.y", "GOOS", "déjà", "日本", "a1", "1"];
const SET_TAGS = TAGS.filter((t) => t !== "ignore").concat(["ignore"]);

interface Req {
  line: string;
  sets: string[][];
}
interface Res {
  err?: string;
  offset: number;
  string?: string;
  goBuild: boolean;
  plus: boolean;
  eval: boolean[];
}

function expr(r: Rng, depth: number): string {
  const k = depth > 3 ? 0 : r.int(6);
  switch (k) {
    case 0:
    case 1:
      return r.pick(TAGS);
    case 2:
      return "!" + expr(r, depth + 1);
    case 3:
      return `(${expr(r, depth + 1)})`;
    case 4:
      return `${expr(r, depth + 1)}${sp(r)}&&${sp(r)}${expr(r, depth + 1)}`;
    default:
      return `${expr(r, depth + 1)}${sp(r)}||${sp(r)}${expr(r, depth + 1)}`;
  }
}

function sp(r: Rng): string {
  return r.pick(["", " ", " ", "  ", "\t"]);
}

const NOISE = ["!", "&", "|", "&&", "||", "(", ")", " ", "\t", "-", "$", "é", "\u00a0", "!!", "()", "/", ",", "\u3000"];

function mutate(r: Rng, s: string): string {
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const i = r.int(s.length + 1);
    switch (r.int(4)) {
      case 0:
        s = s.slice(0, i) + s.slice(i + 1);
        break;
      case 1:
        s = s.slice(0, i) + r.pick(NOISE) + s.slice(i);
        break;
      case 2:
        s = s.slice(0, i) + s.slice(i, i + 2).split("").reverse().join("") + s.slice(i + 2);
        break;
      default:
        s = s + r.pick(NOISE);
    }
  }
  return s;
}

function plusLine(r: Rng): string {
  const clauses: string[] = [];
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const lits: string[] = [];
    const m = 1 + r.int(3);
    for (let j = 0; j < m; j++) lits.push(r.pick(["", "!", "!!", ""]) + r.pick([...TAGS, "", "a-b"]));
    clauses.push(lits.join(","));
  }
  return `//${r.pick([" ", "", "  "])}+build${r.pick([" ", "  ", "\t", ""])}${clauses.join(r.pick([" ", "  ", "\t"]))}`;
}

function line(r: Rng): string {
  const k = r.int(10);
  if (k < 4) return `//go:build ${expr(r, 0)}`;
  if (k < 8) return `//go:build${r.pick([" ", "  ", "\t", ""])}${mutate(r, expr(r, 0))}${r.pick(["", " ", "\n"])}`;
  if (k < 9) return plusLine(r);
  return r.pick(["//go:build", "//go:build ", "//go:buildlinux", "// go:build linux", "//go:build linux\nx", "  //go:build linux", "//go:build " + "(".repeat(30) + "a" + ")".repeat(30), "//go:build " + Array.from({ length: 1001 }, () => "a").join(" && ")]);
}

function sets(r: Rng): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < 4; i++) out.push(SET_TAGS.filter(() => r.int(2) === 0));
  return out;
}

test(">= 2,000 random //go:build and // +build lines: parse, String and Eval agree with go/build/constraint", async () => {
  const reqs: Req[] = [];
  for (let i = 0; i < 3000; i++) reqs.push({ line: line(rng), sets: sets(rng) });
  const t0 = performance.now();
  const want = await runOracle<Req, Res>("goproject", "constraint", reqs);
  const t1 = performance.now();
  let agree = 0;
  let errors = 0;
  reqs.forEach((req, i) => {
    const w = want[i] as Res;
    const got: Res = { offset: -1, goBuild: isGoBuildLine(req.line), plus: isPlusBuildLine(req.line), eval: [] };
    try {
      const x = parseConstraint(req.line);
      got.string = constraintString(x);
      got.eval = req.sets.map((s) => evalConstraint(x, (t) => s.includes(t)));
    } catch (e) {
      if (!(e instanceof ConstraintSyntaxError)) throw e;
      got.err = e.message;
      got.offset = e.offset;
      errors++;
    }
    assert.deepEqual(got, w, `line ${JSON.stringify(req.line)} (seed ${rng.seed})`);
    agree++;
  });
  const t2 = performance.now();
  console.log(`constraint: ${agree}/${reqs.length} agree (${errors} syntax errors); oracle ${(t1 - t0).toFixed(0)} ms, goship ${(t2 - t1).toFixed(0)} ms`);
  assert.ok(errors > 200 && errors < reqs.length - 1000, `mix of valid and invalid lines (${errors} errors)`);
});
