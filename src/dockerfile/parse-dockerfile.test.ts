/**
 * Unit tests of what the differential tests cannot see: goship's column
 * ranges, error locations, and the typed API (instructions, stages, lookups).
 * Agreement with BuildKit is tested in test/differential/dockerfile*.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DockerfileError, findStage, fromReferences, parseDockerfile, resolveFrom } from "./index.js";
import type { Range } from "./index.js";

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, column: c1 }, end: { line: l2, column: c2 } });

const TEXT = [
  "# syntax=docker/dockerfile:1", // 1
  "ARG GO=1.22", // 2
  "FROM golang:${GO} AS Build", // 3
  "  RUN --mount=type=cache,target=/c \\", // 4
  "    go build \\", // 5
  "# dropped comment", // 6
  "    ./...", // 7
  'CMD ["a", "b c"]', // 8
  'ENV A=1 B="x y"', // 9
  "COPY <<EOF /x", // 10
  "hi", // 11
  "EOF", // 12
  "FROM alpine", // 13
  "COPY --from=build /out /bin/", // 14
  "RUN --mount=type=$T,target=/x --mount=from=0,target=/y true", // 15
  "",
].join("\n");

test("nodes carry keyword, flag and argument ranges across continuation lines", () => {
  const df = parseDockerfile(TEXT, { file: "Dockerfile" });
  const [, from, run, cmd, env, copy] = df.ast;
  assert.deepEqual(from?.keywordRange, r(3, 1, 3, 5));
  assert.deepEqual(from?.args.map((a) => a.range), [r(3, 6, 3, 18), r(3, 19, 3, 21), r(3, 22, 3, 27)]);
  assert.deepEqual(run?.range, r(4, 3, 7, 10));
  assert.deepEqual(run?.keywordRange, r(4, 3, 4, 6));
  assert.deepEqual(run?.flags[0]?.range, r(4, 7, 4, 35));
  assert.equal(run?.args[0]?.value, "go build     ./...");
  assert.deepEqual(run?.args[0]?.range, r(5, 5, 7, 10));
  assert.deepEqual(cmd?.args.map((a) => a.range), [r(8, 6, 8, 9), r(8, 11, 8, 16)]);
  assert.deepEqual(env?.args.map((a) => a.value), ["A", "1", "=", "B", '"x y"', "="]);
  assert.deepEqual(env?.args[4]?.range, r(9, 11, 9, 16));
  assert.equal(env?.args[2]?.range, undefined);
  assert.deepEqual(copy?.range, r(10, 1, 12, 4));
  assert.deepEqual(copy?.heredocs[0]?.range, r(11, 1, 12, 4));
  assert.equal(copy?.heredocs[0]?.content, "hi\n");
});

test("typed instructions, stages, meta ARGs and --from lookups", () => {
  const df = parseDockerfile(TEXT);
  assert.equal(df.syntax?.value, "docker/dockerfile:1");
  assert.deepEqual(df.directives.map((d) => [d.name, d.line]), [["syntax", 1]]);
  assert.deepEqual(df.metaArgs.map((a) => a.args), [[{ key: "GO", value: "1.22", docComment: "" }]]);
  assert.deepEqual(df.stages.map((s) => [s.index, s.name, s.baseName]), [[0, "build", "golang:${GO}"], [1, "", "alpine"]]);
  assert.deepEqual(df.instructions.map((i) => i.kind), ["ARG", "FROM", "RUN", "CMD", "ENV", "COPY", "FROM", "COPY", "RUN"]);
  const run = df.instructions[2];
  assert.ok(run?.kind === "RUN");
  assert.equal(run.shell, true);
  assert.equal(run.command, "go build     ./...");
  assert.equal(run.mounts[0]?.mount?.type, "cache");
  assert.equal(run.mounts[0]?.mount?.readOnly, false);
  assert.equal(run.source, "  RUN --mount=type=cache,target=/c \\\n    go build \\\n# dropped comment\n    ./...");
  const cmd = df.instructions[3];
  assert.ok(cmd?.kind === "CMD");
  assert.deepEqual([cmd.shell, cmd.args], [false, ["a", "b c"]]);
  const last = df.instructions[8];
  assert.ok(last?.kind === "RUN");
  // Parsing accepts a variable in the mount type (BuildKit checks it after expansion); the literal is reported.
  assert.equal(last.mounts[0]?.error, 'unsupported mount type "$T"');
  assert.equal(last.mounts[1]?.mount?.from, "0");
  assert.equal(findStage(df.stages, "BUILD")?.index, 0);
  assert.equal(findStage(df.stages)?.index, 1);
  assert.equal(findStage(df.stages, "nope"), undefined);
  assert.deepEqual(resolveFrom(df.stages, "golang", 1), { kind: "image", image: "golang" });
  assert.deepEqual(
    fromReferences(df.stages).map((x) => [x.name, x.target.kind === "stage" ? x.target.stage.index : x.target.image]),
    [["build", 0], ["0", 0]],
  );
});

function rejects(text: string, message: string, line: number, range: Range, referenceLine = line): void {
  assert.throws(
    () => parseDockerfile(text, { file: "Dockerfile" }),
    (e: unknown) => {
      assert.ok(e instanceof DockerfileError);
      assert.equal(e.message, message);
      assert.equal(e.file, "Dockerfile");
      assert.equal(e.referenceLine, referenceLine);
      assert.deepEqual(e.range, range);
      assert.equal(e.range?.start.line, line);
      return true;
    },
  );
}

test("errors carry BuildKit's message and line, and point at the faulty part", () => {
  rejects("FROM a\nRUN --bogus x\n", "dockerfile parse error on line 2: unknown flag: --bogus", 2, r(2, 5, 2, 12));
  rejects("FROM a AS 1x\n", 'dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols', 1, r(1, 11, 1, 13));
  rejects('FROM a\nRUN --mount=target=a\\"b true\n', 'dockerfile parse error on line 2: failed to parse csv mounts: parse error on line 1, column 9: bare " in non-quoted-field', 2, r(2, 5, 2, 24));
  rejects("  FROM a\n  RUM x\n", "dockerfile parse error on line 2: unknown instruction: RUM (did you mean RUN?)", 2, r(2, 3, 2, 8));
  rejects("RUN x\n", "no build stage in current context", 1, r(1, 1, 1, 6));
  rejects("# nothing\n", "file with no instructions", 1, r(1, 1, 1, 1));
  rejects("", "file with no instructions", 1, r(1, 1, 1, 1), 0);
  rejects("FROM a\nRUN <<EOF\nbody\n", "unterminated heredoc", 2, r(2, 1, 3, 5));
  // BuildKit reports a repeated directive on the line before it; the range points at the repeat.
  rejects("# escape=\\\n# escape=`\nFROM a\n", "only one escape parser directive can be used", 2, r(2, 1, 2, 11), 1);
});

test("escape directive, backtick continuation and empty-continuation warnings", () => {
  const df = parseDockerfile("# escape=`\nFROM a\nRUN echo c:\\ `\n\n  done\n");
  assert.equal(df.escapeToken, "`");
  const run = df.instructions[1];
  assert.ok(run?.kind === "RUN");
  assert.equal(run.command, "echo c:\\   done");
  assert.deepEqual(df.warnings.map((w) => [w.line, w.short]), [[5, "Empty continuation line found in: RUN echo c:\\   done"]]);
});

test("heredoc kinds: chomp, quoted delimiter, several per line, file descriptor", () => {
  const df = parseDockerfile("FROM a\nRUN <<-A 3<<'B' cat\n\tx $y\n\tA\nraw $z\nB\n");
  const run = df.instructions[1];
  assert.ok(run?.kind === "RUN");
  assert.deepEqual(
    run.heredocs.map((h) => [h.name, h.chomp, h.expand, h.fileDescriptor, h.data]),
    [["A", true, true, 0, "\tx $y\n"], ["B", false, false, 3, "raw $z\n"]],
  );
});
