/**
 * One-line cases for a line diagnosis: each `catches` line, printed as the
 * output of a failing BuildKit step, must yield the diagnosis; each `passes`
 * line must not. `fix` patterns must match the fix text of the first catch.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diagnoseText } from "../../src/doctor/engine.js";
import type { DoctorResult } from "../../src/doctor/types.js";

export function inFailingStep(lines: readonly string[], instruction = "RUN go mod download"): string {
  return [
    "#1 [internal] load build definition from Dockerfile",
    "#1 DONE 0.0s",
    "",
    `#7 [build 4/6] ${instruction}`,
    ...lines.map((l) => `#7 1.234 ${l}`),
    `#7 ERROR: process "/bin/sh -c ${instruction.replace(/^RUN /, "")}" did not complete successfully: exit code: 1`,
    `error: failed to solve: process "/bin/sh -c ${instruction.replace(/^RUN /, "")}" did not complete successfully: exit code: 1`,
    "",
  ].join("\n");
}

export function ids(r: DoctorResult): string[] {
  return r.findings.map((f) => f.id);
}

export function ruleCases(
  id: string,
  cases: { readonly catches: readonly string[]; readonly passes: readonly string[]; readonly instruction?: string; readonly fix?: readonly RegExp[]; readonly cause?: readonly RegExp[] },
): void {
  describe(id, () => {
    for (const line of cases.catches) {
      it(`catches: ${line.slice(0, 90)}`, () => {
        const r = diagnoseText(inFailingStep([line], cases.instruction));
        assert.ok(ids(r).includes(id), `${id} not in [${ids(r).join(", ")}]`);
        const f = r.findings.find((x) => x.id === id);
        assert.equal(f?.evidence[0]?.line, 5, "evidence points at the log line");
        assert.equal(f?.step?.index, "4/6");
      });
    }
    for (const line of cases.passes) {
      it(`passes: ${line.slice(0, 90)}`, () => {
        const r = diagnoseText(inFailingStep([line], cases.instruction));
        assert.ok(!ids(r).includes(id), `${id} found in [${ids(r).join(", ")}]`);
      });
    }
    if (cases.fix !== undefined || cases.cause !== undefined) {
      it("cause and fix say the concrete thing", () => {
        const r = diagnoseText(inFailingStep([cases.catches[0] as string], cases.instruction));
        const f = r.findings.find((x) => x.id === id);
        for (const re of cases.fix ?? []) assert.match(f?.fix ?? "", re);
        for (const re of cases.cause ?? []) assert.match(f?.cause ?? "", re);
      });
    }
  });
}
