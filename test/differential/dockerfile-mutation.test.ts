/**
 * Differential test (c): at least 10,000 mutants of the corpus and edge-case
 * Dockerfiles (lines deleted, duplicated, swapped, truncated; escape tokens,
 * heredocs, quotes, brackets, flags, keywords, case changes, Unicode, CRLF
 * and tabs inserted) give the same answer in goship and BuildKit. Also counts
 * crashes (an exception other than DockerfileError) and hangs (one input
 * taking over 100 ms); both must be zero. Reproduce with GOSHIP_SEED=<seed>.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, ROOT } from "../support/paths.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv, type Rng } from "../support/random.js";
import { normalize } from "./dockerfile-normalize.js";
import { compareAnswers } from "./dockerfile-compare.js";

const COUNT = Number(process.env.GOSHIP_MUTANTS ?? 12000);
const HANG_MS = 100;

function seeds(): string[] {
  const out: string[] = [];
  for (const d of readdirSync(CORPUS).sort()) {
    const f = join(CORPUS, d, "Dockerfile");
    if (existsSync(f)) out.push(readFileSync(f, "utf8"));
  }
  const edge = join(ROOT, "test", "fixtures", "dockerfile", "edge");
  for (const f of readdirSync(edge).sort()) if (f.endsWith(".Dockerfile")) out.push(readFileSync(join(edge, f), "utf8"));
  return out;
}

const KEYWORDS = [
  "FROM", "RUN", "CMD", "COPY", "ADD", "ENV", "ARG", "LABEL", "EXPOSE", "USER", "WORKDIR", "VOLUME", "SHELL",
  "STOPSIGNAL", "HEALTHCHECK", "ONBUILD", "MAINTAINER", "ENTRYPOINT", "from", "run", "Copy", "RUM", "COPi", "onbuild RUN",
  "ONBUILD ONBUILD", "HEALTHCHECK NONE", "HEALTHCHECK CMD", "FROM alpine AS", "FROM x AS 9x", "  ", "\\", "`",
];
const FLAGS = [
  "--mount=type=cache,target=/x", "--mount=type=secret,id=a", "--mount=type=bind,from=$X,target=/a", "--mount=",
  "--mount=type=tmpfs,size=1g,target=/t", "--mount=type=cach,target=/x", "--mount=\"a,b", "--mount=type=ssh,required",
  "--mount=type=cache,sharing=lockd,target=/x", "--mount=mode=0777,target=/x", "--network=none", "--network=bridge",
  "--security=insecure", "--device=gpu", "--from=build", "--from=0", "--chown=1:1", "--chmod=755", "--link", "--link=false",
  "--link=", "--parents", "--exclude=*.go", "--checksum=sha256:00", "--keep-git-dir", "--unpack=true", "--platform=linux/amd64",
  "--interval=5s", "--timeout=0", "--start-period=1x", "--start-interval=500ms", "--retries=3", "--retries=-2", "--bogus",
  "--from", "--", "--netwrk=host", "--chmow=1",
];
const SNIPPETS = [
  "\\", "`", "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"", "<< EOF", "3<<EOF", "<<E\"O\"F", "<<$X", "<<${A:-b}", "<<${", "EOF",
  "\tEOF", "'", "\"", "[", "]", "[\"a\", \"b\"]", "[\"a\" 1]", "[1]", "[]", "{", "}", "${", "$", "=", "a=b", "k=\"v w\"",
  " AS ", " as ", "#", "# comment", "\\ ", "``", "\\\\", "--", ",", "1e999", "\\u0041", "null",
];
const UNICODE = ["\u00e9", "\u00e0", "\u00c5", "\u00a0", "\u0085", "\u2028", "\u3042", "\u{1F600}", "\ufeff", "\u0130", "\u017f", "\u212a", "\u00df", "\u0000"];
const DIRECTIVES = ["# escape=`\n", "# escape=\\\n", "# syntax=docker/dockerfile:1\n", "# check=skip=all\n", "# escape=x\n", "\ufeff", "#!/bin/sh\n", "\n"];

function insertAt(line: string, rng: Rng, what: string): string {
  const cps = [...line];
  const at = rng.int(cps.length + 1);
  return cps.slice(0, at).join("") + what + cps.slice(at).join("");
}

function timed(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

function mutate(text: string, rng: Rng): string {
  let lines = text.split("\n");
  const pickLine = (): number => rng.int(Math.max(lines.length, 1));
  const n = rng.next() < 0.6 ? 1 : 2 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = pickLine();
    const line = lines[i] ?? "";
    switch (rng.int(18)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2: {
        const j = pickLine();
        lines[i] = lines[j] ?? "";
        lines[j] = line;
        break;
      }
      case 3:
        lines[i] = line + rng.pick(["\\", " \\", "\\  ", "`", " `", "\\\\"]);
        break;
      case 4:
        lines[i] = insertAt(line, rng, rng.pick(SNIPPETS));
        break;
      case 5:
        lines[i] = line + " " + rng.pick(SNIPPETS.slice(2, 10));
        lines.splice(i + 1, 0, ...rng.pick([["body", "EOF"], ["\tbody", "\tEOF"], ["x"], ["EOF"], ["EOF\r"]]));
        break;
      case 6: {
        const m = /^(\s*\S+)(.*)$/s.exec(line);
        lines[i] = m ? `${m[1]} ${rng.pick(FLAGS)}${m[2]}` : rng.pick(FLAGS);
        break;
      }
      case 7:
        lines.splice(i, 0, `${rng.pick(KEYWORDS)} ${rng.pick(["x", "a b", "[\"a\"]", "", "--link a b", "k=v", "NONE", "<<EOF", "x AS y"])}`);
        break;
      case 8:
        lines[i] = rng.next() < 0.5 ? line.toLowerCase() : line.toUpperCase();
        break;
      case 9:
        lines[i] = insertAt(line, rng, rng.pick(UNICODE));
        break;
      case 10:
        lines[i] = line + "\r";
        break;
      case 11:
        lines[i] = insertAt(line, rng, rng.pick(["\t", "\x0b", "\x0c", "  ", "\r"]));
        break;
      case 12: {
        const joined = lines.join("\n");
        lines = joined.slice(0, rng.int(joined.length + 1)).split("\n");
        break;
      }
      case 13:
        lines.unshift(...rng.pick(DIRECTIVES).split("\n").slice(0, -1));
        if (lines[0] === undefined) lines.unshift("");
        break;
      case 14:
        lines.splice(i, 0, rng.pick(["", "   ", "#", "# x", "  # indented", "\t"]));
        break;
      case 15: {
        const cps = [...line];
        if (cps.length > 0) {
          const a = rng.int(cps.length);
          cps.splice(a, 1 + rng.int(3));
        }
        lines[i] = cps.join("");
        break;
      }
      case 16:
        lines[i] = line.replace(/\s+/, rng.pick(["\t", "  ", "\u00a0", ""]));
        break;
      default:
        lines[i] = insertAt(line, rng, rng.pick(["'", "\"", "[", "]", "=", "$", "{", "}", ",", "\\\"", "\\'"]));
    }
  }
  return lines.join("\n");
}

test(`mutated Dockerfiles: goship agrees with BuildKit (${COUNT} mutants, no crash, no hang)`, async () => {
  const rng = rngFromEnv();
  console.log(`mutation seed: ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
  const base = seeds();
  const inputs = Array.from({ length: COUNT }, (_, i) => ({ name: `m${i}`, content: mutate(rng.pick(base), rng) }));
  const t0 = Date.now();
  const answers = await runOracle<{ name: string; content: string }, unknown>("dockerfile", "parse", inputs);
  const oracleMs = Date.now() - t0;
  let agree = 0;
  let rejected = 0;
  let crashes = 0;
  let hangs = 0;
  const failures: string[] = [];
  const t1 = Date.now();
  inputs.forEach((inp, i) => {
    const start = performance.now();
    let mine: unknown;
    try {
      mine = normalize(inp.content);
    } catch (e) {
      crashes++;
      if (failures.length < 10) failures.push(`crash on ${JSON.stringify(inp.content).slice(0, 300)}: ${(e as Error).stack}`);
      return;
    }
    // A slow first run can be a GC pause or compilation; a hang is slow again when repeated.
    if (performance.now() - start > HANG_MS && timed(() => normalize(inp.content)) > HANG_MS) {
      hangs++;
      if (failures.length < 10) failures.push(`hang (>${HANG_MS}ms) on ${JSON.stringify(inp.content).slice(0, 300)}`);
    }
    const g = answers[i] as { error?: unknown };
    if (g.error) rejected++;
    const v = compareAnswers(g, mine);
    if (v.ok) agree++;
    else if (failures.length < 10) failures.push(`${JSON.stringify(inp.content).slice(0, 600)}\n   ${v.why}`);
  });
  console.log(
    `mutants: ${agree}/${COUNT} agree (${rejected} rejected by BuildKit); crashes ${crashes}; hangs ${hangs}; ` +
      `oracle ${oracleMs} ms, goship ${Date.now() - t1} ms`,
  );
  assert.deepEqual(failures, []);
  assert.equal(crashes, 0);
  assert.equal(hangs, 0);
  assert.equal(agree, COUNT);
});
