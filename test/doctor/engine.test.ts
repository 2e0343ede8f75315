/**
 * Engine properties: any split of the input into chunks gives the same
 * result; line numbers are exact past the pre-filter; the pre-filter never
 * hides a line the rules would catch; causes chain root first; secrets in
 * evidence are redacted; memory is bounded by evidence caps.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Diagnoser, diagnoseText } from "../../src/doctor/engine.js";
import { KeywordScanner } from "../../src/doctor/keyword-scanner.js";
import { rngFromEnv } from "../support/random.js";
import { ROOT } from "../support/paths.js";
import { inFailingStep } from "./rule-cases.js";

const LOGS = join(ROOT, "test", "fixtures", "logs");
const files = ["hand", "lab"].flatMap((d) => readdirSync(join(LOGS, d)).filter((f) => f.endsWith(".log")).map((f) => join(LOGS, d, f)));

describe("doctor engine", () => {
  it("gives the same result for any chunking of the input", () => {
    const rng = rngFromEnv();
    console.log(`seed ${rng.seed} (GOSHIP_SEED=${rng.seed} reproduces)`);
    for (const f of files) {
      const buf = readFileSync(f);
      const want = diagnoseText(buf);
      const d = new Diagnoser();
      for (let i = 0; i < buf.length; ) {
        const n = 1 + rng.int(rng.next() < 0.5 ? 7 : 4000);
        d.push(buf.subarray(i, i + n), 0);
        i += n;
      }
      assert.deepEqual(d.end(), want, f);
    }
  });

  it("keeps exact line numbers past the first lines read in full", () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `#7 ${i}.000 compiling package example.com/p${i}`);
    const text = inFailingStep([...filler, 'go: x.example/m@v1.0.0: Get "http://p.invalid/x.example/m/@v/v1.0.0.mod": dial tcp: lookup p.invalid: no such host'].map((l) => l.replace(/^#7 \d+\.000 /, "")));
    const r = diagnoseText(text);
    const f = r.findings.find((x) => x.id === "GD101");
    const lines = text.split("\n");
    assert.ok(f);
    assert.match(lines[(f.evidence[0]?.line ?? 0) - 1] ?? "", /no such host/);
    assert.equal(r.lines, lines.length - 1);
  });

  it("the pre-filter keeps every line a rule catches (same findings as reading each line)", () => {
    // Put a fixture's lines after 1000 filler lines so they go through the scanner.
    for (const f of files.slice(0, 12)) {
      const body = readFileSync(f, "utf8");
      const pad = Array.from({ length: 1000 }, () => "padding line without any marker at all").join("\n") + "\n";
      const a = diagnoseText(body).findings.map((x) => x.id);
      const b = diagnoseText(pad + body).findings.map((x) => x.id);
      assert.deepEqual(b, a, f);
    }
  });

  it("scanner finds keyword lines like a naive search", () => {
    const rng = rngFromEnv();
    const words = ["no such host", "i/o timeout", "Step ", "] RUN", "x509: "];
    const s = new KeywordScanner(words);
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: 1 + rng.int(30) }, () => (rng.next() < 0.3 ? `pre ${rng.pick(words)} post` : "plain line " + "x".repeat(rng.int(20))));
      const buf = Buffer.from(lines.join("\n"));
      const got: string[] = [];
      const gotIds: string[] = [];
      const gotHas: boolean[] = [];
      s.scan(buf, 0, buf.length, (a, b, first) => {
        got.push(buf.toString("latin1", a, b));
        gotIds.push([...s.collect(buf, first, b)].sort().map((i) => words[i]).join("|"));
        gotHas.push(s.has(buf, a, b) && !s.has(buf, a, first + s.minLength - 1));
      });
      assert.ok(gotHas.every((h) => h), `has() finds the first keyword, not before it; seed ${rng.seed}`);
      const want = lines.filter((l) => words.some((w) => l.includes(w)));
      assert.deepEqual(got, want, `seed ${rng.seed}`);
      assert.deepEqual(gotIds, want.map((l) => words.map((w, i) => [w, i] as const).filter(([w]) => l.includes(w)).map(([, i]) => i).sort().map((i) => words[i]).join("|")), `seed ${rng.seed}`);
    }
  });

  it("chains DNS → masked → missing module: root first, the rest as consequences", () => {
    const log = [
      "#5 [build 3/5] RUN go mod download || echo 'download failed'",
      '#5 0.210 go: github.com/google/uuid@v1.6.0: Get "http://goproxy.corp.invalid/github.com/google/uuid/@v/v1.6.0.mod": dial tcp: lookup goproxy.corp.invalid: no such host',
      "#5 0.211 download failed",
      "#5 DONE 0.3s",
      "",
      "#6 [build 4/5] RUN GOPROXY=off go build -o /out/app .",
      "#6 1.100 main.go:6:2: github.com/google/uuid@v1.6.0: module lookup disabled by GOPROXY=off",
      '#6 ERROR: process "/bin/sh -c GOPROXY=off go build -o /out/app ." did not complete successfully: exit code: 1',
      "",
    ].join("\n");
    const r = diagnoseText(log);
    assert.deepEqual(r.findings.map((f) => [f.id, f.causedBy ?? null]), [
      ["GD101", null],
      ["GD201", "GD101"],
      ["GD106", "GD101"],
    ]);
    assert.match(r.findings[1]?.cause ?? "", /\|\| echo 'download failed'/);
  });

  it("redacts secrets in evidence", () => {
    const r = diagnoseText(inFailingStep(['go: m@v1: Get "https://bot:hunter2hunter2@p.invalid/m/@v/v1.mod": dial tcp: lookup p.invalid: no such host']));
    const ev = r.findings[0]?.evidence[0]?.text ?? "";
    assert.ok(!ev.includes("hunter2hunter2"), ev);
    assert.match(ev, /bot:hunt\*\*\*\*@p\.invalid/);
  });

  it("keeps a bounded number of evidence lines and counts the rest", () => {
    const lines = Array.from({ length: 10000 }, (_, i) => `go: m${i}.example/x@v1.0.0: Get "http://p.invalid/x": dial tcp: lookup p.invalid: no such host`);
    const r = diagnoseText(inFailingStep(lines));
    const f = r.findings.find((x) => x.id === "GD101");
    assert.ok(f !== undefined && f.evidence.length <= 5);
    assert.equal(f.count, 10000);
  });

  it("never advises turning checksum verification off", async () => {
    const { DIAGNOSES } = await import("../../src/doctor/rules/index.js");
    for (const d of DIAGNOSES) {
      const details: Readonly<Record<string, string>>[] = [{}, { module: "corp.example/x@v1", kind: "sumdb" }, { kind: "auth" }];
      for (const detail of details) {
        const fix = d.fix(detail, undefined);
        assert.doesNotMatch(fix, /GONOSUMCHECK|GOSUMDB=off|GOFLAGS=-insecure|GOINSECURE=|GIT_SSL_NO_VERIFY=/, d.id);
      }
    }
  });

  it("reads an unknown format without crashing and still diagnoses lines", () => {
    const r = diagnoseText("some wrapper\ngo: m@v1: Get \"http://p.invalid/m\": dial tcp: lookup p.invalid: no such host\n");
    assert.equal(r.format, "unknown");
    assert.deepEqual(r.findings.map((f) => f.id), ["GD101"]);
  });
});
