/**
 * Differential tests of src/ignore against the reference (test/oracle/ignore):
 * ignorefile.ReadAll, patternmatcher.New, MatchesOrParentMatches, and fsutil's
 * walk (MatchesUsingParentResults + its directory skip). For each ignore file
 * both sides must agree on the normalized patterns, on whether the file is
 * rejected (and at which stage), and for each path on matches() and on
 * excludedFromContext(), including which paths make a lazily compiled
 * pattern fail.
 * (a) hand-written cases; (b) seeded random ignore files and paths built from
 * a grammar of segments and pattern constructs, timed per case.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LocatedError } from "../../src/diagnostic/located-error.js";
import { compilePatterns, parseIgnoreFile } from "../../src/ignore/index.js";
import { runOracle } from "../support/oracle.js";
import { type Rng, rngFromEnv } from "../support/random.js";

interface Req {
  readonly ignore: string;
  readonly paths: readonly string[];
}
type Verdict = boolean | "error";
type Res =
  | { readonly patterns: readonly string[]; readonly results: readonly Verdict[]; readonly context: readonly Verdict[] }
  | { readonly error: string; readonly stage: string };

function verdict(f: () => boolean): Verdict {
  try {
    return f();
  } catch (e) {
    if (e instanceof LocatedError) return "error";
    throw e;
  }
}

/** goship's answer in the oracle's shape; a non-LocatedError escapes (a crash). */
function ours(req: Req): Res {
  let pats;
  try {
    pats = parseIgnoreFile(req.ignore, ".dockerignore");
  } catch (e) {
    if (e instanceof LocatedError) return { error: e.message, stage: "read" };
    throw e;
  }
  let m;
  try {
    m = compilePatterns(pats);
  } catch (e) {
    if (e instanceof LocatedError) return { error: e.message, stage: "new" };
    throw e;
  }
  const results = req.paths.map((p) => verdict(() => m.matches(p)));
  // matchingPattern must explain matches(): an inclusion when excluded, an exception or nothing otherwise.
  req.paths.forEach((p, i) => {
    if (results[i] === "error") return;
    const why = m.matchingPattern(p);
    const exception = why !== null && why.pattern.startsWith("!");
    if (results[i] === true ? why === null || exception : why !== null && !exception) {
      throw new Error(`matchingPattern(${JSON.stringify(p)}) = ${JSON.stringify(why?.pattern)} does not explain ${results[i]}`);
    }
  });
  return {
    patterns: pats.map((p) => p.pattern),
    results,
    context: req.paths.map((p) => verdict(() => m.excludedFromContext(p))),
  };
}

interface Tally {
  cases: number;
  agree: number;
  pathChecks: number;
  trues: number;
  /** Paths where Go's matching returned an error. */
  matchErrors: number;
  /** Paths where MatchesOrParentMatches and the fsutil walk disagree. */
  walkDiffers: number;
  rejected: number;
  crashes: number;
  hangs: number;
  mismatches: string[];
}

/** JSON, cut short: a failure message must stay readable. */
function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 400 ? `${s.slice(0, 400)}... (${s.length} chars)` : s;
}

async function compare(reqs: readonly Req[]): Promise<Tally> {
  const theirs = await runOracle<Req, Res>("ignore", "match", reqs);
  const t: Tally = { cases: reqs.length, agree: 0, pathChecks: 0, trues: 0, matchErrors: 0, walkDiffers: 0, rejected: 0, crashes: 0, hangs: 0, mismatches: [] };
  reqs.forEach((req, i) => {
    const want = theirs[i] as Res;
    let got: Res;
    const t0 = performance.now();
    try {
      got = ours(req);
    } catch (e) {
      t.crashes++;
      t.mismatches.push(`CRASH ${show(req)}: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    let ms = performance.now() - t0;
    if (ms > 100) {
      // A garbage-collection pause can land on any case: a real hang repeats.
      const t1 = performance.now();
      ours(req);
      ms = performance.now() - t1;
    }
    if (ms > 100) {
      t.hangs++;
      t.mismatches.push(`HANG ${show(req)}: ${ms.toFixed(0)} ms`);
    }
    const norm = (r: Res) => ("error" in r ? { stage: r.stage } : r);
    try {
      assert.deepStrictEqual(norm(got), norm(want));
      t.agree++;
    } catch {
      t.mismatches.push(`${show(req)}\n  goship: ${show(got)}\n  oracle: ${show(want)}`);
    }
    if ("error" in want) t.rejected++;
    else {
      t.pathChecks += want.results.length;
      t.trues += want.results.filter((r) => r === true).length;
      t.matchErrors += want.results.filter((r) => r === "error").length;
      t.walkDiffers += want.results.filter((r, j) => r !== want.context[j]).length;
    }
  });
  return t;
}

function report(label: string, t: Tally): void {
  console.log(
    `ignore ${label}: ${t.agree}/${t.cases} cases agree (${t.rejected} rejected files, ${t.pathChecks} paths, ` +
      `${((100 * t.trues) / Math.max(1, t.pathChecks)).toFixed(1)}% matched, ${t.matchErrors} match errors, ` +
      `${t.walkDiffers} where the walk differs from MatchesOrParentMatches); crashes ${t.crashes}, hangs ${t.hangs}`,
  );
  assert.equal(t.crashes, 0, t.mismatches.slice(0, 5).join("\n"));
  assert.equal(t.hangs, 0, t.mismatches.slice(0, 5).join("\n"));
  assert.equal(t.agree, t.cases, `${t.cases - t.agree} disagreements, first:\n${t.mismatches.slice(0, 8).join("\n")}`);
}

const P = ["a", "a/b", "a/b/c", "b", "b/a", "x/a", "x/y/a", "ab", "ba", "abc", "go.mod", "go.sum", "vendor/x.go", "src/main.go", "src/a/b.go", ".git", ".git/config", "node_modules/x/y.js"];

/** (ignore file, paths) written by hand, one concern each. */
const HAND: ReadonlyArray<readonly [string, readonly string[]]> = [
  // plain names, leading slash, cleaning
  ["a", P],
  ["/a", P],
  ["//a//b/", P],
  ["./a", P],
  ["a/./b", P],
  ["a/../b", P],
  ["../a", ["a", "../a", "b"]],
  ["/..", ["a", "/", ".."]],
  ["/", ["a", "/", ""]],
  [".", ["a", ".", "./a"]],
  ["a/b/", P],
  ["a/b/c/../../x", ["a", "a/x", "a/b"]],
  ["src", P],
  ["go.sum", P],
  ["*.sum", P],
  // comments, blank lines, trimming, CRLF, BOM
  ["# comment\na", P],
  ["  # not a comment\n# comment", ["# not a comment", "a"]],
  ["#a\n\n\n   \n\tb\t", P],
  ["a\r\nb\r\n", P],
  ["a\r\r\n", ["a", "a\r"]],
  ["\uFEFFa\n\uFEFFb", ["a", "b", "\uFEFFb"]],
  ["\uFEFF#c\na", ["#c", "a"]],
  ["\uFEFF\uFEFF**/a", ["x/a", "\uFEFF**/a", "x\uFEFF**/a", "\u00BF**/a", "\u00C0**/a"]],
  [" a \n\u00a0b\u00a0\n\u0085c\u3000", ["a", "b", "c", "\u0085c"]],
  ["\u200Ba", ["a", "\u200Ba"]],
  ["a\u000b\nb\u000c", ["a", "b"]],
  ["", P],
  ["\n\n", P],
  ["# only\n#comments", P],
  // exceptions and their order
  ["a\n!a/b", P],
  ["!a/b\na", P],
  ["a\n!a", P],
  ["*\n!go.mod\n!go.sum\n!src", P],
  ["*\n!src\nsrc/a", P],
  ["a\n!a/b\na", P],
  ["a/b\n!a", P],
  ["a/b\n!a\n!a/b/c", ["a/b/c", "a/b/d", "a/b"]],
  ["! a", P],
  ["!  /a/", P],
  ["!", P],
  ["! ", P],
  ["!/", P],
  ["!!a", ["!a", "a"]],
  ["a\n!", P],
  ["**\n!**/*.go", P],
  ["**\n!src/**", P],
  ["**\n!src/*", P],
  ["vendor\n!vendor/x.go", P],
  ["vendor\n!vendor/*.go", P],
  ["node_modules\n!node_modules/x", P],
  ["a\n!a/b\n!a/b/c", P],
  ["!a\na", P],
  // ** at start, middle, end
  ["**", P],
  ["**/", P],
  ["**/a", P],
  ["**a", P],
  ["a/**", P],
  ["a**", P],
  ["a/**/c", P],
  ["a/**/b/**/c", ["a/b/c", "a/x/b/y/c", "a/b/x/c", "a/c"]],
  ["**/**", P],
  ["**/*.go", P],
  ["src/**/*.go", P],
  ["***", P],
  ["**/.git", P],
  ["a/**/**", P],
  ["**/a/**", P],
  // * and ?
  ["*", P],
  ["*/a", P],
  ["*/*", P],
  ["a*", P],
  ["*b", P],
  ["a*c", P],
  ["?", P],
  ["??", P],
  ["?/?", P],
  ["a?c", P],
  ["?.go", ["x.go", "é.go", "😀.go", "/.go", "xy.go"]],
  // classes
  ["[a-c]", P],
  ["[a-c]b", P],
  ["[^a]", P],
  ["[^a]*", P],
  ["[!a]", ["a", "b", "!"]],
  ["[abc]/[abc]", P],
  ["[\\]]", ["]", "\\", "a"]],
  ["[a-]", P],
  ["[]a]", P],
  ["[z-a]", P],
  ["*[z-a]", P],
  ["a*[z-a]", P],
  ["[?]", ["?", "[]", "^]", "a]", "/]"]],
  ["[*]", ["*", "[]", "^]", "a]"]],
  ["[a-?]", P],
  ["[[:alpha:]]", ["a", "1", "[:", ":]"]],
  ["[[:foo:]]", P],
  ["[^/]", ["a", "/"]],
  ["[é-ü]", ["é", "ö", "a"]],
  ["[😀]", ["😀", "a"]],
  // escapes (a backslash escape becomes a Go regexp escape)
  ["\\*", ["*", "a", "\\*"]],
  ["a\\*", ["a*", "ab"]],
  ["\\?", ["?", "a"]],
  ["\\[a\\]", ["[a]", "a"]],
  ["a\\b", ["a", "ab", "a\\b", "a b"]],
  ["a\\\\b", ["a", "a\\b", "a\\\\b"]],
  ["a\\", ["a", "a\\"]],
  ["*a\\", ["a", "xa\\", "xa$"]],
  ["\\d*", ["1", "12", "a"]],
  ["\\w", ["a", "_", "-"]],
  ["\\pL*", ["é", "a1", "1"]],
  ["\\PN", ["a", "1"]],
  ["\\x41*", ["A", "AB", "x41"]],
  ["\\101", ["A", "101"]],
  ["\\8", P],
  ["\\q", P],
  ["\\Qa*", ["a", "a[^/]*$", "ab"]],
  ["\\C", P],
  ["\\é*", P],
  ["\\n", ["\n", "n"]],
  ["a.b", ["a.b", "axb"]],
  ["a.*", ["a.b", "axb"]],
  ["a+b*", ["a+b", "aab"]],
  ["(a)*", ["(a)", "a"]],
  // `|`, `{` and `}` are not escaped by patternmatcher: regexp alternation and counts
  ["a|b*", ["a|b", "a", "xa", "b", "xb", "bx"]],
  ["*.go|*.mod", ["x.go", "x.mod", "x.go/y", "a/x.mod"]],
  ["a|b", ["a|b", "a"]],
  ["a{1}*", ["a{1}", "a", "ax"]],
  ["a{2}*", ["aa", "a", "a{2}"]],
  ["[ab]{2,3}*", ["ab", "aba", "abab", "a"]],
  ["a{2,}?", ["aab", "aaaab", "ab"]],
  ["x{,2}*", ["x{,2}", "x"]],
  ["x{a}*", ["x{a}", "x"]],
  ["x{2,1}*", P],
  ["x{1001}*", P],
  ["x{1000}*", ["x", "x".repeat(1000)]],
  ["*{2}", P],
  ["**{2}", P],
  ["{2}*", P],
  ["{a,b}*", ["{a,b}", "a"]],
  ["a|*", P],
  ["|a*", ["", "a", "b"]],
  ["\\p{Greek}*", ["α", "a"]],
  ["\\p{greek}*", ["α", "a"]],
  ["\\p{Lu}*", ["A", "a"]],
  ["\\p{Letter}*", ["é", "1"]],
  ["\\p{Uppercase_Letter}*", ["A", "a"]],
  ["\\p{Old_Italic}*", P],
  ["\\p{Foo}*", P],
  ["\\p{^L}*", ["1", "a"]],
  ["\\P{^Lu}*", ["A", "a"]],
  ["\\p{Any}*", ["a", "/"]],
  ["\\p{Assigned}*", ["a", "\u0378"]],
  ["\\p{ASCII}*", ["a", "é"]],
  ["\\pZ*", [" ", "a"]],
  ["\\pC*", ["\u0378", "\u0001", "a"]],
  ["\\p{Han}*", ["日", "a"]],
  ["$a*", ["$a", "a"]],
  ["a^b", ["a^b", "ab"]],
  ["a^b*", ["a^b", "ab"]],
  ["^a*", ["^a", "a"]],
  // bad patterns New rejects
  ["[", P],
  ["a[", P],
  ["*[", P],
  ["a*[", P],
  ["[a", P],
  ["[]", P],
  ["[^]", P],
  ["[a-", P],
  ["\\", P],
  ["ok\n[", P],
  ["a\n!b\n[x", P],
  ["[\\", P],
  // odd paths
  ["a", ["a/", "/a", "a//b", "./a", "a/./b"]],
  ["**/a", ["a/", "/a", "x//a", ""]],
  ["a/b", ["a\\b", "a/b\\c"]],
  ["a b", ["a b", "a", "a  b"]],
  ["*", ["a\nb", "\n"]],
  ["a/**/b", ["a/x\ny/b", "a/b"]],
  ["**/b", ["a\n/b"]],
  ["**/x\n!**/a/*", ["q/a/x", "a/x", "x"]],
];

test("ignore (a): hand-written cases agree with ignorefile + patternmatcher + fsutil", async () => {
  const long = "a".repeat(65_535);
  const reqs: Req[] = HAND.map(([ignore, paths]) => ({ ignore, paths }));
  reqs.push(
    { ignore: long, paths: [long, "a"] },
    { ignore: long + "a", paths: ["a"] },
    { ignore: long + "\r\n", paths: [long] },
    { ignore: "é".repeat(32_767) + "\nb", paths: ["b"] },
    { ignore: "é".repeat(32_768), paths: ["b"] },
  );
  assert.ok(reqs.length >= 100, `only ${reqs.length} hand-written cases`);
  report(`(a) ${reqs.length} hand-written`, await compare(reqs));
});

// ---- (b) random cases ----------------------------------------------------

const NAMES = ["a", "b", "c", "ab", "abc", "src", "vendor", "go.mod", "go.sum", "main.go", "x.go", ".git", "a.b", "é", "日本", "😀", "[x]", "a b", "x^y", "$", "!n", "#h", "-", "\\"];
const CHARS = ["a", "b", "c", "x", ".", "-", "_", "é", "1", "😀", "[", "]", "^", "\\", " ", "$", "!"];

/** A glob segment plus a way to produce a name it matches. */
const GLOBS: ReadonlyArray<readonly [string, (r: Rng) => string]> = [
  ["*", (r) => r.pick(NAMES)],
  ["a*", (r) => "a" + r.pick(["", "b", "bc", ".go"])],
  ["*.go", (r) => r.pick(["x", "main", ""]) + ".go"],
  ["*b", (r) => r.pick(["", "a", "ab"]) + "b"],
  ["?", (r) => r.pick(CHARS.filter((c) => c !== "/"))],
  ["a?", (r) => "a" + r.pick(["b", "c", "é", "1"])],
  ["[a-c]", (r) => r.pick(["a", "b", "c"])],
  ["[^a]", (r) => r.pick(["b", "x", "é"])],
  ["[!a]", (r) => r.pick(["!", "a"])],
  ["[abc]*", (r) => r.pick(["a", "bc", "cx"])],
  ["\\*", () => "*"],
  ["a\\.b", () => "a.b"],
  ["\\d", (r) => r.pick(["1", "7"])],
  ["x\\b", () => "x"],
  ["[[:alpha:]]", (r) => r.pick(["a", "Z"])],
  ["[?]", (r) => r.pick(["[]", "^]"])],
  ["a[.]b", () => "a.b"],
  ["x{2}", () => "xx"],
  ["[ab]{1,2}", (r) => r.pick(["a", "ab", "bb"])],
  ["\\pL", (r) => r.pick(["é", "a"])],
  ["\\p{Greek}", () => "α"],
  ["a|b", (r) => r.pick(["a", "b", "a|b"])],
  ["{a,b}", () => "{a,b}"],
];

const BAD = ["[", "a[", "[a", "[]", "\\", "[z-a]", "*[z-a]", "a*[", "[a-]", "\\8", "\\q", "!", "*\\8", "x{2,1}*", "a*\\p{Foo}"];

interface Piece {
  readonly pattern: string;
  /** Segments of a path the pattern (without "!") matches. */
  readonly example: readonly string[];
}

function genPiece(r: Rng): Piece {
  const n = 1 + r.int(3);
  const pat: string[] = [];
  const ex: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = r.int(10);
    if (k < 4) {
      const name = r.pick(NAMES);
      pat.push(name);
      ex.push(name);
    } else if (k < 5) {
      pat.push("**");
      for (let j = r.int(3); j > 0; j--) ex.push(r.pick(NAMES));
    } else {
      const [g, make] = r.pick(GLOBS);
      pat.push(g);
      ex.push(make(r));
    }
  }
  let pattern = pat.join("/");
  const deco = r.int(20);
  if (deco === 0) pattern = "/" + pattern;
  else if (deco === 1) pattern += "/";
  else if (deco === 2) pattern = "./" + pattern;
  else if (deco === 3) pattern = "x/../" + pattern;
  else if (deco === 4) pattern = pattern.replace("/", "//");
  if (r.int(30) === 0) pattern = r.pick(BAD);
  return { pattern, example: ex.filter((s) => s !== "") };
}

function genCase(r: Rng): Req {
  const pieces: Piece[] = [];
  const lines: string[] = [];
  const n = 1 + r.int(5);
  for (let i = 0; i < n; i++) {
    const p = genPiece(r);
    pieces.push(p);
    let line = p.pattern;
    if (i > 0 && r.int(3) === 0) line = "!" + (r.int(4) === 0 ? " " : "") + line;
    if (r.int(8) === 0) line = " " + line + "\t";
    lines.push(line);
    if (r.int(10) === 0) lines.push(r.pick(["", "# comment", "   ", "#!x"]));
  }
  const eol = r.int(6) === 0 ? "\r\n" : "\n";
  const ignore = lines.join(eol) + (r.int(2) === 0 ? eol : "");
  const paths: string[] = [];
  const m = 4 + r.int(6);
  for (let i = 0; i < m; i++) {
    const k = r.int(10);
    let segs: string[];
    if (k < 6) {
      segs = [...r.pick(pieces).example];
      if (segs.length === 0) segs = [r.pick(NAMES)];
      if (r.int(3) === 0) segs.push(r.pick(NAMES)); // something below it
      if (r.int(5) === 0 && segs.length > 1) segs.pop();
    } else {
      segs = [];
      for (let j = 1 + r.int(4); j > 0; j--) segs.push(r.pick(NAMES));
    }
    paths.push(segs.join("/"));
  }
  return { ignore, paths };
}

test("ignore (b): 10,000+ random ignore files agree, no crash, no hang", async () => {
  const rng = rngFromEnv();
  console.log(`ignore (b): seed ${rng.seed} (reproduce with GOSHIP_SEED=${rng.seed})`);
  const N = Math.max(10_000, Number(process.env.GOSHIP_IGNORE_CASES ?? 10_000));
  const reqs: Req[] = [];
  for (let i = 0; i < N; i++) reqs.push(genCase(rng));
  const t0 = performance.now();
  const t = await compare(reqs);
  report(`(b) ${reqs.length} random`, t);
  const share = t.trues / t.pathChecks;
  assert.ok(share > 0.2 && share < 0.8, `share of matched paths ${share} should be within 20-80%`);
  assert.ok(t.rejected > 0 && t.rejected < N / 5, `rejected files ${t.rejected}`);
  assert.ok(t.matchErrors > 0 && t.walkDiffers > 0, "the generator should reach lazy errors and walk-only decisions");
  console.log(`ignore (b): ${(performance.now() - t0).toFixed(0)} ms including the oracle`);
});

/** Patterns made of random characters, heavy on the ones with a meaning to Go. */
const SOUP = ["a", "b", "x", "/", "*", "**", "?", "[", "]", "^", "!", "-", "\\", "{", "}", ",", "1", "2", "|", "$", ".", "(", ")", ":", "p", "d", "Q", "E", "x4", "é", " ", "#", "\r", "\u00a0", "\uFEFF"];

test("ignore (c): 5,000+ character-soup ignore files agree, no crash, no hang", async () => {
  const rng = rngFromEnv();
  console.log(`ignore (c): seed ${rng.seed} (reproduce with GOSHIP_SEED=${rng.seed})`);
  const reqs: Req[] = [];
  const soup = (n: number) => Array.from({ length: n }, () => rng.pick(SOUP)).join("");
  while (reqs.length < 5_000) {
    const lines = Array.from({ length: 1 + rng.int(3) }, () => soup(1 + rng.int(8)));
    const paths = Array.from({ length: 6 }, () => soup(1 + rng.int(6)).replace(/^\/+/, ""));
    // Paths that spell out a pattern's literal characters make matches likely.
    paths.push(...lines.map((l) => l.replace(/[*?[\]\\!]/g, "")));
    reqs.push({ ignore: lines.join("\n"), paths });
  }
  report(`(c) ${reqs.length} character-soup`, await compare(reqs));
});
