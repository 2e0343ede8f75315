/**
 * The pipelined reader (scan on a worker thread, src/doctor/pipeline.ts)
 * against the single-threaded one: for the fixture logs, synthetic logs of
 * both bench mixes spanning many region buffers, a gzip one, a rawjson one
 * (read in full), a CI-wrapped one with CR and ANSI escapes and one without a
 * final newline, the JSON result is the same byte for byte. Also: a missing
 * file and bad gzip fail the same way.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { makeLog } from "../../bench/doctor/synthetic.js";
import { formatDoctorJson } from "../../src/doctor/format-json.js";
import { SLOT_SIZE } from "../../src/doctor/pipeline.js";
import { diagnoseFile } from "../../src/doctor/source.js";
import { ROOT } from "../support/paths.js";

const LOGS = join(ROOT, "test", "fixtures", "logs");
const MB = 1 << 20;

/** The JSON report and the whole result (lines, bytes, steps, findings) of each reader. */
async function both(path: string): Promise<{ single: string; piped: string }> {
  const json = async (pipelined: boolean): Promise<string> => {
    const result = await diagnoseFile(path, { pipelined });
    return `${formatDoctorJson([{ file: "x", result }])}\n${JSON.stringify(result)}`;
  };
  return { single: await json(false), piped: await json(true) };
}

/** `body` repeated to at least `bytes` bytes. */
function repeat(body: Buffer, bytes: number): Buffer {
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / body.length) }, () => body));
}

describe("doctor pipelined reader", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "goship-doctor-pipe-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the single-threaded result for every fixture log", async () => {
    const files = ["lab", "hand"].flatMap((d) => readdirSync(join(LOGS, d)).filter((x) => x.endsWith(".log")).map((f) => join(LOGS, d, f)));
    // A few at a time: each pipelined read starts a worker.
    for (let i = 0; i < files.length; i += 8) {
      await Promise.all(
        files.slice(i, i + 8).map(async (f) => {
          const { single, piped } = await both(f);
          assert.equal(piped, single, f);
        }),
      );
    }
  });

  for (const mix of ["fixtures", "realistic"] as const) {
    it(`gives the same result on a ${mix}-mix synthetic log of many regions, plain and gzip`, async () => {
      const path = join(dir, `${mix}.log`);
      // Not a whole number of lines: the last one has no newline.
      makeLog(path, 5 * SLOT_SIZE + 12345, mix === "realistic");
      const { single, piped } = await both(path);
      assert.equal(piped, single);
      assert.match(single, /"id":"GD1\d\d"/, "the log has findings");
      const gz = join(dir, `${mix}.log.gz`);
      writeFileSync(gz, gzipSync(readFileSync(path), { level: 1 }));
      const z = await both(gz);
      assert.equal(z.piped, z.single);
      assert.equal(z.piped, single, "gzip gives the plain file's result");
    });
  }

  it("gives the same result on rawjson (every line read) and CI-wrapped logs with CR and ANSI", async () => {
    const cases: [string, string][] = [
      ["lab/dns.buildkit-rawjson.log", "rawjson.log"],
      ["hand/github-buildx-dns.log", "github.log"],
      ["hand/gitlab-dns.buildah.log", "gitlab.log"],
    ];
    for (const [src, name] of cases) {
      const path = join(dir, name);
      writeFileSync(path, repeat(readFileSync(join(LOGS, src)), 2 * SLOT_SIZE + MB));
      const { single, piped } = await both(path);
      assert.equal(piped, single, src);
    }
  });

  it("gives the same result when long lines straddle region buffers and the log ends mid-line", async () => {
    const path = join(dir, "long.log");
    const fixture = readFileSync(join(LOGS, "lab", "dns.buildkit-plain.log"));
    // Lines of almost MAX_LINE (1 MiB) with a keyword near their end; some straddle region buffers.
    const long = Buffer.concat([Buffer.from("#12 0.5 "), Buffer.alloc(MB - 100, 0x61), Buffer.from(" lookup p.invalid: no such host\n")]);
    writeFileSync(path, Buffer.concat([fixture, ...Array.from({ length: 10 }, () => long), repeat(fixture, SLOT_SIZE), Buffer.from("#12 0.6 tail without newline")]));
    const { single, piped } = await both(path);
    assert.equal(piped, single);
  });

  it("fails like the single-threaded reader on a missing file and on bad gzip", async () => {
    await assert.rejects(diagnoseFile(join(dir, "missing.log"), { pipelined: true }), { code: "ENOENT" });
    const bad = join(dir, "bad.gz");
    writeFileSync(bad, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(1000, 7)]));
    const single = await diagnoseFile(bad, { pipelined: false }).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
    const piped = await diagnoseFile(bad, { pipelined: true }).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
    assert.ok(single !== undefined);
    assert.equal(piped, single);
  });
});
