/**
 * Golden results of the doctor on every fixture log and on concatenations of
 * them (the fixture logs back to back, as bench/doctor builds its worst-case
 * log; three times over, so the pre-filter path and repeated steps are read;
 * with each reader forced; fed in odd-sized chunks; embedded in verbose
 * BuildKit-prefixed output; decorated at random with a fixed seed: GitHub
 * timestamps, ANSI colours, CRs, CI group lines, GitLab sections). The golden file was captured before the engine's
 * hot path was optimised: any change in a diagnosis, step, outcome or line
 * count shows here. Regenerate only for an intended behaviour change:
 * `GOSHIP_UPDATE_GOLDEN=1 node scripts/run-tests.mjs golden`.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Diagnoser, diagnoseText } from "../../src/doctor/engine.js";
import type { DoctorResult, LogFormat } from "../../src/doctor/types.js";
import { ROOT } from "../support/paths.js";

const LOGS = join(ROOT, "test", "fixtures", "logs");
const GOLDEN = join(ROOT, "test", "doctor", "golden", "doctor-golden.json");

function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const d of ["lab", "hand"]) for (const f of readdirSync(join(LOGS, d)).sort()) if (f.endsWith(".log")) out.push(`${d}/${f}`);
  return out;
}

/** The fixtures back to back, each ending with a newline (as bench/doctor does). */
function concatenation(): Buffer {
  return Buffer.concat(
    fixtureFiles().map((f) => {
      const b = readFileSync(join(LOGS, f));
      return b[b.length - 1] === 10 ? b : Buffer.concat([b, Buffer.from("\n")]);
    }),
  );
}

/** Healthy verbose step output between the fixtures (deterministic). */
function filler(step: number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const t = (i / 100).toFixed(3);
    if (i % 3 === 0) out.push(`#${step} ${t} === RUN   TestHandler/case_${i}`);
    else if (i % 3 === 1) out.push(`#${step} ${t} Get:${i % 90} http://deb.mirror.invalid/debian bookworm/main amd64 libc6-dev [1904 kB]`);
    else out.push(`#${step} ${t} ok  \texample.com/service/internal/pkg${i % 50}\t0.0${i % 10}2s`);
  }
  return out.join("\n") + "\n";
}

/** A fixed-seed PRNG (mulberry32): the decorated logs must be the same in every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The concatenation with lines decorated the way CI wrappers and terminals do, plus stray lines of other formats. */
function decorated(seed: number): Buffer {
  const rnd = prng(seed);
  const extra = ["Step 3/9 : RUN go build ./...", "STEP 2/5: COPY . .", "--> 3f2a1b4c5d6e", " ---> Using cache", "##[group]Build", "##[endgroup]", "::group::x", "$ docker build .", "Job succeeded", "#12 [builder 2/4] RUN go mod download", "#12 DONE 0.4s", "#12 0.100 main.go:7:2: undefined: x", "[1/2] STEP 1/3: FROM golang AS b", "Successfully tagged x", "The command '/bin/sh -c make' returned a non-zero code: 2", "section_start:1700000000:build\r\x1b[0Kbuild", "Error: building at STEP \"RUN make\": exit status 2", "E: Unable to locate package gcc"];
  const out: string[] = [];
  for (const l of concatenation().toString("latin1").split("\n")) {
    let line = l;
    const r = rnd();
    if (r < 0.08) line = `2024-05-01T10:11:${String(Math.floor(rnd() * 60)).padStart(2, "0")}.1234567Z ${line}`;
    else if (r < 0.12) line = `\x1b[3${Math.floor(rnd() * 8)}m${line}\x1b[0m`;
    else if (r < 0.15) line = `${line}\r`;
    else if (r < 0.17) line = `\t${line}`;
    out.push(line);
    if (rnd() < 0.03) out.push(extra[Math.floor(rnd() * extra.length)] as string);
  }
  return Buffer.from(out.join("\n"), "latin1");
}

function chunked(buf: Buffer, size: number, format?: LogFormat): DoctorResult {
  const d = new Diagnoser(format !== undefined ? { format } : {});
  for (let i = 0; i < buf.length; i += size) d.push(buf.subarray(i, i + size));
  return d.end();
}

function compute(): Record<string, DoctorResult> {
  const out: Record<string, DoctorResult> = {};
  for (const f of fixtureFiles()) out[`fixture ${f}`] = diagnoseText(readFileSync(join(LOGS, f)));
  const all = concatenation();
  out["concatenation"] = diagnoseText(all);
  const thrice = Buffer.concat([all, all, all]);
  out["concatenation x3"] = diagnoseText(thrice);
  for (const format of ["buildkit-plain", "legacy", "buildah", "buildkit-rawjson"] as const) out[`concatenation x3 as ${format}`] = diagnoseText(thrice, { format });
  out["concatenation x3 in 4093-byte chunks"] = chunked(thrice, 4093);
  out["concatenation x3 in 65521-byte chunks as buildkit-plain"] = chunked(thrice, 65521, "buildkit-plain");
  const files = fixtureFiles();
  const mixed = Buffer.concat(files.flatMap((f, i) => [readFileSync(join(LOGS, f)), Buffer.from("\n" + filler(900 + i, 300))]));
  out["fixtures in verbose output"] = diagnoseText(mixed);
  out["fixtures in verbose output as buildkit-plain"] = diagnoseText(mixed, { format: "buildkit-plain" });
  for (const seed of [1, 2, 3]) {
    const log = decorated(seed);
    out[`decorated ${seed}`] = diagnoseText(log);
    for (const format of ["buildkit-plain", "legacy", "buildah"] as const) out[`decorated ${seed} as ${format}`] = chunked(log, 8191 * seed, format);
  }
  return out;
}

/** What the golden file keeps of a result: a readable summary, and a digest of the whole result (steps, evidence, causes, fixes). */
function digest(r: DoctorResult): unknown {
  return {
    format: r.format,
    ci: r.ci ?? null,
    lines: r.lines,
    outcome: `${r.outcome.status} ${r.outcome.exitCode ?? ""} @${r.outcome.evidence?.line ?? ""}`,
    steps: r.steps.length,
    findings: r.findings.map((f) => `${f.id}×${f.count} @${f.evidence.map((e) => e.line).join(",")} ${f.step?.key ?? "-"}${f.causedBy !== undefined ? ` <- ${f.causedBy}` : ""}`),
    sha256: createHash("sha256").update(JSON.stringify(r)).digest("hex"),
  };
}

describe("doctor golden results", () => {
  const results = compute();
  const got = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, digest(r)]));
  if (process.env.GOSHIP_UPDATE_GOLDEN === "1") {
    writeFileSync(GOLDEN, JSON.stringify(got, null, 1) + "\n");
  }
  const want = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
  it("covers every case", () => assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort()));
  for (const k of Object.keys(want)) it(k, () => assert.deepEqual(got[k], want[k]));
  it("finds diagnoses in the concatenation", () => {
    const r = results["concatenation"] as DoctorResult;
    assert.ok(r.findings.length >= 10, `${r.findings.length} findings`);
    assert.ok(r.lines > 2000);
  });
});
