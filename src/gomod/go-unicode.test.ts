import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { ensureOracle } from "../../test/support/oracle.js";
import { GO_UNICODE_VERSION, isGoPrint, isGoSpace } from "./go-unicode.js";

test("isGoPrint / isGoSpace equal Go's unicode tables at every code point", () => {
  const bin = ensureOracle("gomod");
  const t = JSON.parse(execFileSync(bin, ["unicode"], { maxBuffer: 1 << 26 }).toString()) as {
    version: string;
    print: [number, number][];
    space: [number, number][];
  };
  assert.equal(GO_UNICODE_VERSION, t.version);
  const inRanges = (rs: [number, number][]) => {
    const set = new Uint8Array(0x110000);
    for (const [a, b] of rs) set.fill(1, a, b + 1);
    return set;
  };
  const p = inRanges(t.print);
  const s = inRanges(t.space);
  let bad = 0;
  for (let r = 0; r < 0x110000; r++) if (isGoPrint(r) !== (p[r] === 1) || isGoSpace(r) !== (s[r] === 1)) bad++;
  assert.equal(bad, 0);
});
