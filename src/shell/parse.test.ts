import { test } from "node:test";
import assert from "node:assert/strict";
import { argv, simpleCommands, type Binary, type Command, type Compound, type SimpleCommand } from "./ast.js";
import { parseShell } from "./parse.js";

function script(src: string) {
  const r = parseShell(src);
  assert.equal(r.error, null, `unexpected error for ${JSON.stringify(src)}`);
  assert.ok(r.script);
  return r.script;
}

function only(src: string): Command {
  const s = script(src);
  assert.equal(s.statements.length, 1);
  const c = s.statements[0]!.command;
  assert.ok(c);
  return c;
}

/** A compact picture of a command tree: operators, kinds and argv. */
function shape(c: Command | null): unknown {
  if (c === null) return null;
  if (c.type === "call") return argv(c).join(" ");
  if (c.type === "binary") return [shape(c.left), c.op, shape(c.right)];
  return { [c.kind]: c.body.map((s) => shape(s.command)) };
}

test("words: quotes, escapes and continuations are removed from literals", () => {
  const c = only(`echo 'a b' "c d" e\\ f "g\\"h" x'y'"z" a\\\nb`) as SimpleCommand;
  assert.deepEqual(argv(c), ["echo", "a b", "c d", "e f", 'g"h', "xyz", "ab"]);
  const raw = c.args.map((w) => w.raw);
  assert.deepEqual(raw, ["echo", "'a b'", '"c d"', "e\\ f", '"g\\"h"', `x'y'"z"`, "a\\\nb"]);
});

test("words: an expansion makes the literal null, offsets cover the word", () => {
  const src = 'go build -ldflags "-X main.v=$V" -o /out ${PKG:-./cmd} $(pwd) `date` $((1+2))';
  const c = only(src) as SimpleCommand;
  assert.deepEqual(argv(c), ["go", "build", "-ldflags", null, "-o", "/out", null, null, null, null]);
  for (const w of c.args) assert.equal(src.slice(w.start, w.end), w.raw);
  assert.equal(c.args[3]!.raw, '"-X main.v=$V"');
  assert.equal(c.args[6]!.raw, "${PKG:-./cmd}");
});

test("offsets are UTF-16 indices into the script", () => {
  const src = "echo 😀é && ls /tmp";
  const b = only(src) as Binary;
  const right = b.right as SimpleCommand;
  assert.equal(src.slice(right.start, right.end), "ls /tmp");
  assert.equal((b.left as SimpleCommand).args[1]!.literal, "😀é");
});

test("assignments before a command, and alone", () => {
  const c = only(`CGO_ENABLED=0 GOFLAGS="-mod=vendor -trimpath" go build`) as SimpleCommand;
  assert.deepEqual(c.assigns, [
    { name: "CGO_ENABLED", value: "0" },
    { name: "GOFLAGS", value: '"-mod=vendor -trimpath"' },
  ]);
  assert.deepEqual(argv(c), ["go", "build"]);
  const a = only("A=1 B=") as SimpleCommand;
  assert.deepEqual(a.args, []);
  assert.deepEqual(a.assigns, [{ name: "A", value: "1" }, { name: "B", value: "" }]);
});

test("export/declare/local become calls whose first word is the keyword", () => {
  const c = only('export GOPATH=/go PATH="$PATH:/go/bin" X') as SimpleCommand;
  assert.deepEqual(argv(c), ["export", "GOPATH=/go", null, "X"]);
  assert.equal(c.args[2]!.raw, 'PATH="$PATH:/go/bin"');
});

test("&& and || are left-associative with equal precedence, | binds tighter", () => {
  assert.deepEqual(shape(only("a && b || c && d")), [[["a", "&&", "b"], "||", "c"], "&&", "d"]);
  assert.deepEqual(shape(only("a | b && c |& d")), [["a", "|", "b"], "&&", ["c", "|&", "d"]]);
  const s = script("a; b & c\nd");
  assert.deepEqual(
    s.statements.map((st) => [shape(st.command), st.background]),
    [["a", false], ["b", true], ["c", false], ["d", false]],
  );
});

test("negation applies to the whole pipeline", () => {
  const s = script("! grep -q x f | wc -l");
  assert.equal(s.statements[0]!.negated, true);
  assert.deepEqual(shape(s.statements[0]!.command), ["grep -q x f", "|", "wc -l"]);
});

test("redirections are kept as written; a heredoc body ends its statement", () => {
  const src = "cat 2>&1 >/etc/x <<EOF\nline $v\nEOF\necho done";
  const s = script(src);
  assert.equal(s.statements.length, 2);
  assert.deepEqual(s.statements[0]!.redirects, ["2>&1", ">/etc/x", "<<EOF\nline $v\nEOF"]);
  assert.equal(src.slice(s.statements[0]!.start, s.statements[0]!.end), "cat 2>&1 >/etc/x <<EOF\nline $v\nEOF");
  assert.deepEqual(argv(s.statements[1]!.command as SimpleCommand), ["echo", "done"]);
  // as in mvdan, a heredoc redirection spans from `<<` to the end of its body
  assert.deepEqual(script("cat <<EOF >f\nx\nEOF").statements[0]!.redirects, ["<<EOF >f\nx\nEOF", ">f"]);
});

test("compound commands keep the statements of their bodies in order", () => {
  const c = only("if a; then b; elif c; then d; else e; fi");
  assert.deepEqual(shape(c), { IfClause: ["a", "b", "c", "d", "e"] });
  assert.deepEqual(shape(only("while a; do b; done")), { WhileClause: ["a", "b"] });
  assert.deepEqual(shape(only("for x in 1 2; do b; c; done")), { ForClause: ["b", "c"] });
  assert.deepEqual(shape(only("case $x in a) b;; *) c;; esac")), { CaseClause: ["b", "c"] });
  assert.deepEqual(shape(only("(cd d && make)")), { Subshell: [["cd d", "&&", "make"]] });
  assert.deepEqual(shape(only("{ a; b; }")), { Block: ["a", "b"] });
  assert.deepEqual(shape(only("f() { a; }")), { FuncDecl: [{ Block: ["a"] }] });
  assert.deepEqual(shape(only("[[ -f x ]]")), { TestClause: [] });
  assert.deepEqual(shape(only("(( i++ ))")), { ArithmCmd: [] });
  assert.deepEqual(shape(only("time make")), { TimeClause: ["make"] });
});

test("simpleCommands walks nested bodies depth first", () => {
  const s = script("if go version; then (cd a && go build ./...); fi; for f in x; do go vet $f; done");
  assert.deepEqual(
    simpleCommands(s).map((c) => argv(c).join(" ")),
    ["go version", "cd a", "go build ./...", "go vet "],
  );
});

test("comments are skipped; # inside a word is not a comment", () => {
  const s = script("echo a#b # note\n# whole line\necho c");
  assert.deepEqual(simpleCommands(s).map(argv), [["echo", "a#b"], ["echo", "c"]]);
});

test("syntax errors return null and a line:col message", () => {
  for (const src of ["echo 'open", "if a; then b", "a &&", "echo $(", "(a", "cat <<EOF\nno end", "fi", "echo ${x"]) {
    const r = parseShell(src);
    assert.equal(r.script, null, src);
    assert.match(r.error ?? "", /^\d+:\d+: \S/, src);
  }
  assert.match(parseShell("a\nb &&").error ?? "", /^2:3: /);
});

test("nesting too deep for the stack is an error, not a crash", () => {
  for (const src of ["(".repeat(5000) + "a" + ")".repeat(5000), "echo " + "$(".repeat(5000) + ")".repeat(5000)]) {
    const r = parseShell(src);
    assert.equal(r.script, null);
    assert.match(r.error ?? "", /nests too deeply/);
  }
  assert.equal(parseShell("(".repeat(50) + "a" + ")".repeat(50)).error, null);
});

test("an empty script has no statements", () => {
  assert.deepEqual(script("").statements, []);
  assert.deepEqual(script("  \n# only\n").statements, []);
});

test("compound kinds and offsets of the goship view", () => {
  const src = "x=1; { a; } > f";
  const s = script(src);
  const block = s.statements[1]!;
  assert.equal((block.command as Compound).kind, "Block");
  assert.equal(src.slice(block.start, block.end), "{ a; } > f");
  assert.deepEqual(block.redirects, ["> f"]);
});
