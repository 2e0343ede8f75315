/**
 * Differential tests of src/shell (parseShell) against mvdan.cc/sh/v3/syntax
 * in Bash mode (test/oracle/shell): (a) every shell-form RUN command of the
 * shared corpus, plus the bodies of its RUN heredocs; (b) hand-written
 * scripts (./shell-cases.ts); (c) seeded mutations of (a)+(b); (d) seeded
 * scripts generated from shell fragments, for corners the corpus never
 * reaches. Each case compares the normalized view (./shell-normalize.ts:
 * commands, words and their literals, assignments, redirections, offsets)
 * or, for scripts the reference rejects, that goship rejects them too.
 * Crashes (exceptions out of parseShell) and hangs (> 100 ms on every one of
 * three tries) are counted and must be zero.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDockerfile } from "../../src/dockerfile/index.js";
import { parseShell } from "../../src/shell/parse.js";
import { runOracle } from "../support/oracle.js";
import { CORPUS } from "../support/paths.js";
import { rngFromEnv, type Rng } from "../support/random.js";
import { EDGE_CASES } from "./shell-cases.js";
import { normalizeScript, type ShellAnswer } from "./shell-normalize.js";

interface Outcome {
  answer: ShellAnswer;
  crashed: boolean;
  ms: number;
}

function runOurs(src: string): Outcome {
  const t0 = performance.now();
  try {
    const r = parseShell(src);
    const ms = performance.now() - t0;
    if (r.script === null) {
      if (r.error === null || !/^\d+:\d+: ./.test(r.error)) {
        return { answer: { error: true, message: `CRASH bad error ${String(r.error)}` }, crashed: true, ms };
      }
      return { answer: { error: true, message: r.error }, crashed: false, ms };
    }
    const stmts = normalizeScript(r.script);
    return { answer: stmts.length > 0 ? { error: false, stmts } : { error: false }, crashed: false, ms };
  } catch (e) {
    return { answer: { error: true, message: `CRASH ${e instanceof Error ? e.stack : String(e)}` }, crashed: true, ms: performance.now() - t0 };
  }
}

interface Tally {
  total: number;
  agree: number;
  /** Scripts mvdan rejects (a sanity check on the mix). */
  errors: number;
  /** Scripts on which mvdan itself panicked: not comparable, reported. */
  refPanics: number;
  crashes: number;
  hangs: number;
  maxMs: number;
  failures: string[];
}

function sameAnswer(ours: ShellAnswer, ref: ShellAnswer): boolean {
  if (ref.error || ours.error) return ref.error === ours.error;
  try {
    assert.deepEqual(ours, ref);
    return true;
  } catch {
    return false;
  }
}

async function compare(srcs: readonly string[]): Promise<Tally> {
  const ref = await runOracle<{ src: string }, ShellAnswer>("shell", "parse", srcs.map((src) => ({ src })));
  const t: Tally = { total: srcs.length, agree: 0, errors: 0, refPanics: 0, crashes: 0, hangs: 0, maxMs: 0, failures: [] };
  srcs.forEach((src, i) => {
    let ours = runOurs(src);
    // A hang is a script slow on every try, not one that met a GC pause or a busy machine.
    for (let retry = 0; retry < 2 && ours.ms > 100; retry++) {
      const again = runOurs(src);
      if (again.ms < ours.ms) ours = again;
    }
    if (ours.crashed) t.crashes++;
    if (ours.ms > 100) t.hangs++;
    t.maxMs = Math.max(t.maxMs, ours.ms);
    const r = ref[i]!;
    if (r.error && r.panic === true) {
      t.refPanics++;
      t.total--;
      return;
    }
    if (r.error) t.errors++;
    if (sameAnswer(ours.answer, r)) t.agree++;
    else if (t.failures.length < 6) t.failures.push(JSON.stringify({ src, ours: ours.answer, mvdan: r }));
  });
  return t;
}

function assertTally(name: string, t: Tally): void {
  console.log(
    `${name}: ${t.agree}/${t.total} agree (${t.errors} rejected by mvdan, ${t.refPanics} mvdan panics skipped), ` +
      `crashes ${t.crashes}, hangs ${t.hangs}, slowest ${t.maxMs.toFixed(2)} ms`,
  );
  assert.equal(t.failures.length, 0, `${name} disagreements:\n${t.failures.join("\n")}`);
  assert.equal(t.agree, t.total);
  assert.equal(t.crashes, 0);
  assert.equal(t.hangs, 0);
}

/** Shell-form RUN commands of the corpus, and the bodies of `RUN <<EOF` heredocs. */
function corpusScripts(): string[] {
  const out: string[] = [];
  for (const d of readdirSync(CORPUS).sort()) {
    const file = join(CORPUS, d, "Dockerfile");
    if (!existsSync(file)) continue;
    let df;
    try {
      df = parseDockerfile(readFileSync(file, "utf8"));
    } catch {
      continue; // BuildKit rejects it; no RUN to take
    }
    for (const ins of df.instructions) {
      if (ins.kind !== "RUN" || !ins.shell || ins.command === undefined) continue;
      out.push(ins.command);
      if (ins.command.trimStart().startsWith("<<")) for (const h of ins.heredocs) out.push(h.data);
    }
  }
  return out;
}

// ---------------------------------------------------------------- (c) mutations

/** Fragments that change shell structure when spliced in. */
const FRAGMENTS: readonly string[] = [
  "'", '"', "`", "\\", "\\\n", "\n", " ", "\t", ";", ";;", "&", "&&", "|", "||", "|&", "!", "(", ")", "{", "}", "{ ", " }",
  "$", "$(", "${", "}", "$((", "))", "$[", "]", "[[ ", " ]]", "(( ", "[", "=", "+=", "a=", "x=(1 2)", "#", " # c\n",
  "<", ">", ">>", "2>&1", "&>", "<<EOF\nbody\nEOF\n", "<<-'E'\n\tx\n\tE\n", "<<<", "<(", ">(", "@(", "*(", "?(", "!(", "if ",
  " then ", " elif ", " else ", " fi", "while ", " do ", " done", "for i in a b; do ", "case x in ", " a) ", " esac", "f() ",
  "function ", "export ", "declare -a ", "local ", "let ", "time ", "coproc ", "select ", " in ", "$x", "${x:-y}", "${x#*/}",
  "$((1+2))", "$(echo a)", "`echo b`", "\"$x\"", "'q'", "\r\n", "é", "😀", "0", "-", ":", ",", "*", "?", "%", "^", "~",
];

function mutate(rng: Rng, base: string): string {
  let s = base;
  const edits = 1 + rng.int(3);
  for (let k = 0; k < edits; k++) {
    const at = rng.int(s.length + 1);
    switch (rng.int(6)) {
      case 0:
      case 1:
        s = s.slice(0, at) + rng.pick(FRAGMENTS) + s.slice(at);
        break;
      case 2: // delete a short range
        s = s.slice(0, at) + s.slice(Math.min(s.length, at + 1 + rng.int(6)));
        break;
      case 3: {
        // duplicate a range elsewhere
        const from = rng.int(s.length + 1);
        const piece = s.slice(from, from + 1 + rng.int(12));
        s = s.slice(0, at) + piece + s.slice(at);
        break;
      }
      case 4: // replace one character by a fragment
        s = s.slice(0, at) + rng.pick(FRAGMENTS) + s.slice(at + 1);
        break;
      default: {
        // truncate
        s = s.slice(0, at);
        break;
      }
    }
  }
  // keep surrogate pairs whole: a lone half cannot travel to the Go oracle as UTF-8
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/** A script of 1-12 random fragments and words: reaches corners the corpus never does. */
function generate(rng: Rng): string {
  let s = "";
  const n = 1 + rng.int(12);
  for (let i = 0; i < n; i++) {
    s += rng.int(3) === 0 ? rng.pick(["a", "b1", "x=1", "-f", "/p", "a[1]=2", "'q r'", "\"d $x\"", "$'e'"]) : rng.pick(FRAGMENTS);
    if (rng.int(3) === 0) s += " ";
  }
  return rng.int(4) === 0 ? mutate(rng, s) : s;
}

// ---------------------------------------------------------------- tests

test("shell (a): corpus RUN scripts agree with mvdan/sh", async () => {
  const scripts = corpusScripts();
  assert.ok(scripts.length >= 150, `only ${scripts.length} corpus scripts`);
  assertTally("corpus", await compare(scripts));
});

test("shell (b): hand-written scripts agree with mvdan/sh", async () => {
  assert.ok(EDGE_CASES.length >= 80, `only ${EDGE_CASES.length} hand-written cases`);
  const t = await compare(EDGE_CASES);
  assert.ok(t.errors >= 20 && t.errors <= EDGE_CASES.length - 60, `unbalanced mix: ${t.errors} errors`);
  assertTally("hand-written", t);
});

test("shell (c): seeded mutations agree with mvdan/sh", async () => {
  const rng = rngFromEnv();
  console.log(`shell mutations seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
  const bases = [...corpusScripts(), ...EDGE_CASES];
  const srcs: string[] = [];
  for (let i = 0; i < 12000; i++) srcs.push(mutate(rng, rng.pick(bases)));
  const t = await compare(srcs);
  assert.ok(t.errors > 1000 && t.errors < srcs.length - 1000, `unbalanced mix: ${t.errors} errors`);
  assertTally("mutations", t);
});

test("shell (d): seeded generated scripts agree with mvdan/sh", async () => {
  const rng = rngFromEnv();
  console.log(`shell generated seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
  const srcs: string[] = [];
  for (let i = 0; i < 5000; i++) srcs.push(generate(rng));
  const t = await compare(srcs);
  assert.ok(t.errors > 500 && t.errors < srcs.length - 500, `unbalanced mix: ${t.errors} errors`);
  assertTally("generated", t);
});
