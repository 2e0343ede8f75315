/**
 * Differential tests of src/dockerfile/expand against BuildKit v0.34.2's
 * frontend/dockerfile/shell (test/oracle/expand): (a) hand-written words over
 * every construct, both escape tokens and set/empty/unset variables; (b)
 * BuildKit's own envVarTest and wordsTest files, read from the Go module
 * cache; (c) seeded generated and mutated words, also counting crashes
 * (exceptions other than ExpandError) and hangs (> 100 ms for one word).
 * Every case compares ProcessWordWithMatches (value, matched, unmatched or the
 * error message) and ProcessWords (words or the error message).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import assert from "node:assert/strict";
import { ExpandError, expandWord, expandWords } from "../../src/dockerfile/expand/index.js";
import { ensureOracle, runOracle } from "../support/oracle.js";
import { ROOT } from "../support/paths.js";
import { rngFromEnv, type Rng } from "../support/random.js";

interface Req {
  word: string;
  env: [string, string][];
  escape: "\\" | "`";
  skipUnset: boolean;
  skipQuotes: boolean;
  rawQuotes?: boolean;
  rawEscapes?: boolean;
}
type WordAnswer = { value: string; matched: string[]; unmatched: string[] } | { error: string };
type WordsAnswer = { words: string[] } | { error: string };

interface Outcome {
  word: WordAnswer;
  words: WordsAnswer;
  crashed: boolean;
  ms: number;
}

function runOurs(r: Req): Outcome {
  const env = new Map(r.env);
  const opts = {
    escapeToken: r.escape,
    skipUnsetEnv: r.skipUnset,
    skipProcessQuotes: r.skipQuotes,
    rawQuotes: r.rawQuotes ?? false,
    rawEscapes: r.rawEscapes ?? false,
  };
  let crashed = false;
  const t0 = performance.now();
  const catchAll = <T>(f: () => T): T | { error: string } => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ExpandError) return { error: e.message };
      crashed = true;
      return { error: `CRASH ${e instanceof Error ? e.stack : String(e)}` };
    }
  };
  const word = catchAll((): WordAnswer => {
    const res = expandWord(r.word, env, opts);
    return { value: res.value, matched: [...res.matched], unmatched: [...res.unmatched] };
  });
  const words = catchAll((): WordsAnswer => ({ words: expandWords(r.word, env, opts) }));
  return { word, words, crashed, ms: performance.now() - t0 };
}

/** Go sorts matched/unmatched by byte order; sort ours the same way (UTF-16 order differs above U+FFFF). */
function normalize(a: WordAnswer): WordAnswer {
  if ("error" in a) return a;
  const byBytes = (x: string, y: string) => Buffer.compare(Buffer.from(x), Buffer.from(y));
  return { value: a.value, matched: [...a.matched].sort(byBytes), unmatched: [...a.unmatched].sort(byBytes) };
}

interface Tally {
  total: number;
  agree: number;
  crashes: number;
  hangs: number;
  maxMs: number;
  /** Cases where BuildKit reported an error (a sanity check on the mix). */
  errors: number;
  failures: string[];
}

async function compare(reqs: readonly Req[]): Promise<Tally> {
  const [goWord, goWords] = await Promise.all([
    runOracle<Req, WordAnswer>("expand", "word", reqs),
    runOracle<Req, WordsAnswer>("expand", "words", reqs),
  ]);
  const t: Tally = { total: reqs.length, agree: 0, crashes: 0, hangs: 0, maxMs: 0, errors: 0, failures: [] };
  reqs.forEach((r, i) => {
    let ours = runOurs(r);
    // A hang is a word slow on every try, not one that met a GC pause or a busy machine.
    for (let retry = 0; retry < 2 && ours.ms > 100; retry++) {
      const again = runOurs(r);
      if (again.ms < ours.ms) ours = again;
    }
    if (ours.crashed) t.crashes++;
    if (ours.ms > 100) t.hangs++;
    t.maxMs = Math.max(t.maxMs, ours.ms);
    const w = goWord[i] as WordAnswer;
    const ws = goWords[i] as WordsAnswer;
    if ("error" in w) t.errors++;
    try {
      assert.deepEqual(normalize(ours.word), normalize(w));
      assert.deepEqual(ours.words, ws);
      t.agree++;
    } catch {
      if (t.failures.length < 8) {
        t.failures.push(JSON.stringify({ req: r, ours: [ours.word, ours.words], buildkit: [w, ws] }));
      }
    }
  });
  return t;
}

function assertTally(name: string, t: Tally): void {
  console.log(
    `${name}: ${t.agree}/${t.total} agree (${t.errors} are BuildKit errors), crashes ${t.crashes}, hangs ${t.hangs}, ` +
      `slowest ${t.maxMs.toFixed(2)} ms`,
  );
  assert.equal(t.failures.length, 0, `${name} disagreements:\n${t.failures.join("\n")}`);
  assert.equal(t.agree, t.total);
  assert.equal(t.crashes, 0);
  assert.equal(t.hangs, 0);
}

// ---------------------------------------------------------------- (a) hand-written

/** Variables the hand-written words refer to, in three states. */
const PROFILES: readonly (readonly [string, string][])[] = [
  // all set
  [["V", "value"], ["E", "a b  c"], ["P", "/tmp/tmp/bar.txt"], ["X", "xxyy"], ["S", "x*y?z\\w"], ["N", "\\*/"],
   ["R", "/"], ["D", "$0<$$>"], ["NL", "a\nb\nc"], ["K", "한국어"], ["Q", "it's \"q\""], ["W", " lead trail  "], ["@", "at"], ["1", "one"]],
  // all empty
  [["V", ""], ["E", ""], ["P", ""], ["X", ""], ["S", ""], ["N", ""], ["R", ""], ["D", ""], ["NL", ""], ["K", ""], ["Q", ""], ["W", ""]],
  // all unset
  [],
];

const HAND_WORDS: readonly string[] = [
  // plain, $ forms, names
  "", "plain", "a b", "  lead and trail  ", "tab\tsep\nnl", "$V", "$V$V", "pre$V.post", "$Vx", "$V_x", "${V}x", "$", "a$", "$ ",
  "$.", "$-x", "$1", "$12ab", "$0", "$@", "$*", "$#", "$?", "$$", "$!", "${@}", "${#}", "${1}", "${10}", "$日本", "${日本}", "$K",
  "$E", "x${E}y", "$W", "\"$W\"", "'$W'", "${V}${E}${W}", "$a-b", "$V:x",
  // ${} errors
  "${", "${}", "${:}", "${{V}}", "${V", "${V:", "${V:-", "${V:-x", "${.}", "${V.}", "${V x}", "${V!}", "${-}", "${#V}", "${V*}",
  "${V=x}", "${V:=x}", "${V:}", "${V:}x}", "${V:x}", "${:-a}", "${V}}", "he${V", "${V${E}}",
  // defaults and alternates
  "${V:-d}", "${V-d}", "${V:+x}", "${V+x}", "${U:-d}", "${U-d}", "${U:+x}", "${U+x}", "${V:-}", "${U:-}", "${V:-a b}",
  "${U:-a  b}", "w${U:-a b}w c", "${U:-$V}", "${U:-${V:-y}}", "${U:-${U2:-deep}}", "${V:+${E}}", "${V:+[$V]}", "${U:-'q u'}",
  "${U:-\"dq $V\"}", "${U:-\\}}", "${U:-\\$V}", "${U:-\\${V}z}", "${U:-}}", "${U:-{}", "${V:+${V}:}", "${U:-a}b}", "${U:-'}'}",
  "${U:-\"}\"}", "${U:-${}", "${U:-${V}", "${U-${U2-${V}}}",
  // required
  "${V:?}", "${V?}", "${U:?}", "${U?}", "${V:?msg}", "${U:?must be set}", "${U?$V here}", "${E:?}", "${E?}", "${U:?${V}}",
  "${U:? spaced msg }", "x${U?}y",
  // prefix / suffix
  "${X#x}", "${X##x*}", "${X#*x}", "${X##*x}", "${X%y}", "${X%%y*}", "${X%*y}", "${X%%*y}", "${X#}", "${X##}", "${X%}", "${X%%}",
  "${X#?}", "${X#??}", "${X%?}", "${X#*}", "${X##*}", "${X%*}", "${X%%*}", "${S#*\\*}", "${S#x\\*y\\?}", "${S%\\\\w}",
  "${S#\\x}", "${S%\\x}", "${S#\\}", "${S%%\\}", "${S#x\\}", "${P#/tmp}", "${P##*/}", "${P%/*}", "${P%%/*}", "${P#*\\/}",
  "${X#$V}", "${X#\"x\"}", "${X#'x*'}", "${S#'x*y'}", "${S#\"x*\"}", "${S#'x\\*'}", "${X:#x}", "${X:##x}", "${X:%y}",
  "${NL#*}", "${NL##*}", "${NL%*}", "${NL%%*}", "${NL#a?b}", "${K#한}", "${K%어}", "${U#x}", "${U%y}", "${X#()[]{\\}^$.|}",
  "${X#[x]}", "${X%\\}y}",
  // replace
  "${X/x/z}", "${X//x/z}", "${X/y/}", "${X//y/}", "${X/*/z}", "${X//*/z}", "${X/?/z}", "${X//?/z}", "${X//}", "${X///}",
  "${X/x}", "${X//x}", "${X/", "${X//x/", "${P/$N/.}", "${P//\\//\\/}", "${P//\\//:}", "${S//\\*/+}", "${S/\\?/!}", "${X//x/$D}",
  "${X//x/\\$0}", "${X//x/$$}", "${X/x/$D}", "${X//x/<$0>}", "${X//x/${V}}", "${X//}/z}", "${NL//?/.}", "${NL//*/.}",
  "${U/x/y}", "${U//x/y}", "${K//국/_}", "${X//\\x/y}", "${X/'x'/\"y\"}", "${X//[/(}",
  // quotes
  "'single'", "'unterminated", "\"double\"", "\"unterminated", "\"a'b\"", "'a\"b'", "\"$V\"", "'$V'", "\"${V}x\"", "\"\"",
  "''", "a\"\"b", "\"a b\" c", "'a  b' c", "\"\\\"\"", "\"\\$V\"", "\"\\\\\"", "\"\\x\"", "\"a\\\"", "'a\\'", "\"${U:-\"x\"}\"",
  "\"${V:+'x'}\"", "\"<<x\"", "'it''s'",
  // escapes (meaning depends on the escape token)
  "\\$V", "\\\\$V", "a\\ b", "a\\", "a\\\\", "\\'x", "\\\"x", "`$V", "``$V", "a` b", "a`", "\"`$V\"", "\"``\"", "\"a`\"b\"",
  "'a`b'", "${U:-`}}", "${U:-\\}}", "${X#`*}", "${X#\\*}", "C:\\path\\to", "C:`path",
  // heredoc markers and misc
  "<<EOF", "<< EOF", "<<\t-EOF", "a<b", "a < b", "<<", "<<-'EOF'", "cmd <<  x y",
  // Unicode and BOM
  "\ufeff$V", "\ufeff", "a\ufeffb", "${V}\u00a0x", "x\u2003y", "é$K", "\u0085$V", "$١", "${\u{10d4a}}", "$\u{10d40}",
];

function handRequests(): Req[] {
  const out: Req[] = [];
  for (const word of HAND_WORDS) {
    for (const escape of ["\\", "`"] as const) {
      for (const env of PROFILES) out.push({ word, env: [...env], escape, skipUnset: false, skipQuotes: false });
    }
    out.push({ word, env: [...(PROFILES[0] ?? [])], escape: "\\", skipUnset: true, skipQuotes: false });
    out.push({ word, env: [], escape: "\\", skipUnset: true, skipQuotes: false });
    out.push({ word, env: [...(PROFILES[0] ?? [])], escape: "\\", skipUnset: false, skipQuotes: true });
    out.push({ word, env: [...(PROFILES[0] ?? [])], escape: "\\", skipUnset: true, skipQuotes: false, rawQuotes: true, rawEscapes: true });
  }
  return out;
}

test("expand (a): hand-written words agree with BuildKit", async () => {
  assert.ok(HAND_WORDS.length >= 150, `only ${HAND_WORDS.length} hand-written words`);
  const reqs = handRequests();
  const t = await compare(reqs);
  assertTally(`(a) ${HAND_WORDS.length} hand-written words`, t);
});

// ---------------------------------------------------------------- (b) BuildKit's test data

function shellDir(): string {
  const cache = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
  return join(cache, "github.com", "moby", "buildkit@v0.34.2", "frontend", "dockerfile", "shell");
}

test("expand (b): BuildKit's envVarTest and wordsTest agree", async () => {
  const dir = shellDir();
  const envVar: Req[] = [];
  const expectedVar: string[] = [];
  const env: [string, string][] = [["PWD", "/home"], ["SHELL", "bash"], ["KOREAN", "한국어"], ["NULL", ""]];
  for (const raw of readFileSync(join(dir, "envVarTest"), "utf8").split("\n")) {
    if (raw.startsWith("#") || raw.trim() === "") continue;
    const parts = raw.trim().split("|").map((p) => p.trim());
    assert.equal(parts.length, 3, raw);
    if (parts[0] !== "A" && parts[0] !== "U") continue; // Linux cases only
    envVar.push({ word: parts[1] as string, env, escape: "\\", skipUnset: false, skipQuotes: false });
    expectedVar.push(parts[2] as string);
  }
  assert.ok(envVar.length > 200, `envVarTest gave ${envVar.length} cases`);
  // BuildKit's own expectations hold for us too.
  envVar.forEach((r, i) => {
    const want = expectedVar[i];
    if (want === "error") assert.throws(() => expandWord(r.word, new Map(r.env)), ExpandError, r.word);
    else assert.equal(expandWord(r.word, new Map(r.env)).value, want, r.word);
  });

  const words: Req[] = [];
  const expectedWords: string[][] = [];
  const wenv: [string, string][] = [];
  for (const line of readFileSync(join(dir, "wordsTest"), "utf8").split("\n")) {
    if (line.startsWith("#") || line === "") continue;
    if (line.startsWith("ENV ")) {
      const kv = line.slice(3).replace(/^ +/, "");
      const eq = kv.indexOf("=");
      wenv.push(eq < 0 ? [kv, ""] : [kv.slice(0, eq), kv.slice(eq + 1)]);
      continue;
    }
    const parts = line.split("|");
    assert.equal(parts.length, 2, line);
    const word = (parts[0] as string).trim();
    words.push({ word, env: [...wenv], escape: "\\", skipUnset: false, skipQuotes: false });
    expectedWords.push((parts[1] as string).replace(/^ +/, "").split(","));
    // BuildKit's second mode (RawQuotes + SkipUnsetEnv), which its own test never reaches.
    words.push({ word, env: [...wenv], escape: "\\", skipUnset: true, skipQuotes: false, rawQuotes: true });
    expectedWords.push([]);
  }
  words.forEach((r, i) => {
    if (i % 2 === 1) return;
    let got: string[];
    try {
      got = expandWords(r.word, new Map(r.env));
    } catch {
      got = ["error"];
    }
    assert.deepEqual(got, expectedWords[i], r.word);
  });

  const tv = await compare(envVar);
  assertTally(`(b) envVarTest ${envVar.length} cases`, tv);
  const tw = await compare(words);
  assertTally(`(b) wordsTest ${words.length} cases (2 modes)`, tw);
});

// ---------------------------------------------------------------- (c) generated

const NAMES = ["A", "B", "EMPTY", "UNSET", "V_1", "é", "日本", "1", "0", "@", "#", "?", "x", "AB", "a1"];
const VALUES = [
  "", "abc", "a b  c", "x*y?z", "/tmp/tmp/bar.txt", "$0$$", "${0}", "a\nb", "日本語", " lead", "trail ", "aaaa", "abab",
  "\\", "\\*", "'q'", "\"", "}", "a}b", "é\u0301", "👽🚀", "\u00a0", "x\ty", "$1", "${A}", "aXbXc", "****", "??",
];
/** Characters that rarely break a word on their own. */
const SAFE_ATOMS = [
  "a", "b", "x", "Z", "_", "0", "7", " ", "  ", "\t", "\n", "\r", "}", ":", "-", "+", "?", "#", "%", "/", "*", "<", "<<", "=",
  ".", "@", "!", ",", "[", "]", "(", ")", "^", "|", "é", "한", "日", "👽", "\u00a0", "\u0085", "\u2003", "\ufeff", "١", "\u0000",
  "\u0301", "\u{10d4a}", "\u{10d40}", "\u{1f600}", "\u007f", "\u200b",
];
/** Characters that often make BuildKit fail (unterminated quotes, `${` syntax). */
const RISKY_ATOMS = ["$", "{", "\\", "`", "'", "\"", "${"];
const ATOMS = [...SAFE_ATOMS, ...RISKY_ATOMS];
const GOOD_OPS = [":-", "-", ":+", "+", ":?", "?", "#", "##", "%", "%%", "/", "//"];
const BAD_OPS = [":=", "=", ":#", ":%", ":", "!", "^", ""];

function atom(rng: Rng): string {
  return rng.int(20) === 0 ? rng.pick(RISKY_ATOMS) : rng.pick(SAFE_ATOMS);
}

function genWord(rng: Rng, depth: number): string {
  const parts = 1 + rng.int(depth > 0 ? 2 : 4);
  let s = "";
  for (let i = 0; i < parts; i++) s += genPart(rng, depth);
  return s;
}

function genPart(rng: Rng, depth: number): string {
  const k = rng.int(depth > 2 ? 6 : 12);
  const esc = rng.pick(["\\", "`"]);
  switch (k) {
    case 0: case 1: case 2:
      return atom(rng) + (rng.int(2) ? atom(rng) : "");
    case 3:
      return esc + atom(rng);
    case 4:
      return "$" + rng.pick(NAMES);
    case 5:
      return "${" + rng.pick(NAMES) + "}";
    case 6: case 7: case 8: {
      const op = rng.int(30) === 0 ? rng.pick(BAD_OPS) : rng.pick(GOOD_OPS);
      const body = rng.int(4) === 0 ? genPattern(rng) : genWord(rng, depth + 1);
      const tail = op === "/" || op === "//" ? "/" + genWord(rng, depth + 1) : "";
      const close = rng.int(25) === 0 ? "" : "}";
      return "${" + rng.pick(NAMES) + op + body + tail + close;
    }
    case 9:
      return "'" + genWord(rng, depth + 1) + (rng.int(25) ? "'" : "");
    case 10:
      return "\"" + genWord(rng, depth + 1) + (rng.int(25) ? "\"" : "");
    default:
      return genPattern(rng);
  }
}

function genPattern(rng: Rng): string {
  let s = "";
  const n = 1 + rng.int(5);
  for (let i = 0; i < n; i++) {
    s += rng.int(30) === 0
      ? rng.pick(["\\a", "\\", "\n", "'\\'"])
      : rng.pick(["*", "?", "a", "b", "x", "\\*", "\\?", "\\\\", "\\}", "\\/", "/", "$A", "'*'", "\"?\""]);
  }
  return s;
}

function mutate(rng: Rng, w: string): string {
  const cps = [...w];
  const edits = 1 + rng.int(3);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(cps.length + 1);
    const what = rng.int(3);
    if (what === 0 && cps.length > 0) cps.splice(Math.min(at, cps.length - 1), 1);
    else if (what === 1) cps.splice(at, 0, rng.pick(ATOMS));
    else cps.splice(at, 0, String.fromCodePoint(rng.int(0x80)));
  }
  return cps.join("");
}

function genEnv(rng: Rng): [string, string][] {
  const env: [string, string][] = [];
  for (const name of NAMES) {
    const r = rng.int(3);
    if (r === 0) env.push([name, rng.pick(VALUES)]);
    else if (r === 1) env.push([name, rng.pick(VALUES) + rng.pick(VALUES)]);
  }
  return env;
}

/** Long values against patterns with many stars: catastrophic for a backtracking regex. */
function stressRequests(): Req[] {
  const long = "a".repeat(3000);
  const pats = ["*a*a*a*a*a*a*a*a*b", "?*?*?*?*?*?*?*?*c", "*a*a*a*a*a*a*a*a*"];
  const out: Req[] = [];
  for (const p of pats) {
    for (const op of ["#", "##", "%", "%%", "/", "//"]) {
      const word = "${L" + op + p + (op.includes("/") ? "/-" : "") + "}";
      out.push({ word, env: [["L", long + "\n" + long]], escape: "\\", skipUnset: false, skipQuotes: false });
    }
  }
  return out;
}

test("expand (c): generated and mutated words agree, no crash, no hang", async () => {
  const rng = rngFromEnv();
  console.log(`expand (c): seed ${rng.seed} (reproduce with GOSHIP_SEED=${rng.seed})`);
  const reqs: Req[] = stressRequests();
  const N = Math.max(10_000, Number(process.env.GOSHIP_EXPAND_WORDS ?? 12_000));
  const pool: string[] = [];
  while (reqs.length < N) {
    let word = genWord(rng, 0);
    if (pool.length > 0 && rng.int(3) === 0) word = mutate(rng, rng.pick(pool));
    if (pool.length < 500) pool.push(word);
    else pool[rng.int(pool.length)] = word;
    const r = rng.int(100);
    reqs.push({
      word,
      env: genEnv(rng),
      escape: rng.int(3) === 0 ? "`" : "\\",
      skipUnset: r < 20,
      skipQuotes: r >= 20 && r < 32,
      rawQuotes: rng.int(7) === 0,
      rawEscapes: rng.int(7) === 0,
    });
  }
  const t0 = performance.now();
  const t = await compare(reqs);
  assertTally(`(c) ${reqs.length} generated words`, t);
  assert.ok(t.errors > reqs.length / 20 && t.errors < reqs.length / 2, "the generator should mix failing and succeeding words");
  console.log(`expand (c): ${(performance.now() - t0).toFixed(0)} ms including the oracle`);
});

test("expand: src/golang/unicode-tables.ts is what the oracle's Go toolchain generates", () => {
  const bin = ensureOracle("expand");
  const fresh = execFileSync(bin, ["tables"], { encoding: "utf8", maxBuffer: 1 << 24 });
  const current = readFileSync(join(ROOT, "src", "golang", "unicode-tables.ts"), "utf8");
  assert.equal(current, fresh, "regenerate with: .cache/oracle-expand tables > src/golang/unicode-tables.ts");
});
