/**
 * Every labelled build log under test/fixtures/logs (lab/: real logs from the
 * build lab, see scripts/gen-doctor-logs.mjs; hand/: hand-made and CI-wrapped)
 * yields its expected diagnoses, root cause first, attributed to the failing
 * step; green logs get no error-level finding. Also read gzipped, streamed.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { diagnoseText } from "../../src/doctor/engine.js";
import { diagnoseStream } from "../../src/doctor/source.js";
import { ROOT } from "../support/paths.js";

interface Label {
  readonly file: string;
  readonly format: string;
  readonly ci?: string;
  readonly source: string;
  readonly expect: readonly string[];
  readonly ok?: boolean;
  readonly exitCode?: number;
  readonly step?: string;
  readonly dockerfileLine?: number;
}

const LOGS = join(ROOT, "test", "fixtures", "logs");
const labels: Label[] = [
  ...(JSON.parse(readFileSync(join(LOGS, "labels.json"), "utf8")) as Label[]),
  ...(existsSync(join(LOGS, "lab", "labels.json")) ? (JSON.parse(readFileSync(join(LOGS, "lab", "labels.json"), "utf8")) as Label[]).map((l) => ({ ...l, file: l.file })) : []),
];

describe("labelled build logs", () => {
  it("has lab logs and hand-made logs", () => {
    assert.ok(labels.filter((l) => l.source === "lab").length >= 10, "lab logs present");
    assert.ok(labels.filter((l) => l.source !== "lab").length >= 10, "hand logs present");
  });
  for (const l of labels) {
    it(`${l.file}: ${l.expect.length === 0 ? "green, no error" : l.expect.join(" → ")}`, () => {
      const r = diagnoseText(readFileSync(join(LOGS, l.file)));
      const found = r.findings.map((f) => f.id);
      assert.equal(r.format, l.format);
      if (l.ci !== undefined) assert.equal(r.ci, l.ci);
      if (l.expect.length === 0) {
        assert.deepEqual(r.findings.filter((f) => f.severity === "error").map((f) => f.id), [], "a green build has no error-level finding");
        assert.equal(r.outcome.status, "succeeded");
        return;
      }
      for (const id of l.expect) assert.ok(found.includes(id), `${id} in [${found.join(", ")}]`);
      // Root cause first: the first finding is the first expected ID and no consequence.
      assert.equal(found[0], l.expect[0], `root first: [${found.join(", ")}]`);
      assert.equal(r.findings[0]?.causedBy, undefined);
      for (const id of l.expect.slice(1)) {
        if (id.startsWith("GD2")) assert.ok(r.findings.find((f) => f.id === id)?.causedBy !== undefined, `${id} is a consequence`);
      }
      if (l.step !== undefined) assert.ok(r.findings[0]?.step?.instruction.includes(l.step), `step "${r.findings[0]?.step?.instruction}" names ${l.step}`);
      if (l.dockerfileLine !== undefined) assert.equal(r.findings[0]?.step?.dockerfileLine, l.dockerfileLine);
      const ok = l.ok ?? (l.exitCode !== undefined ? l.exitCode === 0 : false);
      assert.equal(r.outcome.status, ok ? "succeeded" : "failed");
      for (const f of r.findings) for (const e of f.evidence) assert.ok(e.line >= 1 && e.line <= r.lines);
    });
  }

  it("reads the same findings from a gzipped stream in small chunks", async () => {
    for (const l of labels.slice(0, 8)) {
      const text = readFileSync(join(LOGS, l.file));
      const want = diagnoseText(text);
      const gz = gzipSync(text);
      const chunks: Buffer[] = [];
      for (let i = 0; i < gz.length; i += 97) chunks.push(gz.subarray(i, i + 97));
      const got = await diagnoseStream(Readable.from(chunks));
      assert.deepEqual(got, want, l.file);
    }
  });
});
