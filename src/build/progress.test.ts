/**
 * The progress display of `goship build`: the reducer and both renderers
 * are pure (events in, lines out); the writer is checked on a non-TTY
 * stream (one line per finished step, no escape codes) and on a TTY
 * stream (the block redrawn in place with cursor-up and clear-line).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EMPTY_PROGRESS, formatBytes, plainLine, progressWriter, reduceProgress, renderTty, type ProgressEvent } from "./progress.js";

const EVENTS: readonly ProgressEvent[] = [
  { kind: "compile-start", pkg: "greeter", platform: "linux/amd64" },
  { kind: "compile-start", pkg: "greeter", platform: "linux/arm64" },
  { kind: "compile-done", pkg: "greeter", platform: "linux/arm64", ms: 900, bytes: 5_701_794 },
  { kind: "layer-done", pkg: "greeter", platform: "linux/arm64", what: "data", bytes: 1200, ms: 1 },
  { kind: "layer-done", pkg: "greeter", platform: "linux/arm64", what: "binary", bytes: 2_600_000, ms: 80 },
  { kind: "compile-done", pkg: "greeter", platform: "linux/amd64", ms: 1000, bytes: 6_127_778 },
  { kind: "layer-done", pkg: "greeter", platform: "linux/amd64", what: "binary", bytes: 2_800_000, ms: 90 },
  { kind: "push-start", pkg: "greeter", blobs: 5, bytes: 6_000_000 },
  { kind: "push-blob", pkg: "greeter", result: "uploaded", bytes: 2_800_000 },
  { kind: "push-blob", pkg: "greeter", result: "existed", bytes: 700_000 },
  { kind: "push-done", pkg: "greeter", ref: "r.example/greeter@sha256:ab", ms: 300 },
];

function fold(evs: readonly ProgressEvent[]) {
  return evs.reduce(reduceProgress, EMPTY_PROGRESS);
}

class Sink {
  text = "";
  constructor(readonly isTTY: boolean) {}
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

describe("build progress", () => {
  it("keeps one line per package and platform, in first-seen order, and one push line", () => {
    assert.deepEqual(renderTty(fold(EVENTS.slice(0, 3))), [
      "greeter linux/amd64: go build …",
      "greeter linux/arm64: go build 5.7 MB in 900 ms, layer …",
    ]);
    assert.deepEqual(renderTty(fold(EVENTS)), [
      "greeter linux/amd64: go build 6.1 MB in 1000 ms, layers 2.8 MB gzip",
      "greeter linux/arm64: go build 5.7 MB in 900 ms, layers 2.6 MB gzip",
      "greeter: push 2/5 blobs, 3.5 MB/6.0 MB (1 uploaded, 1 already there) in 300 ms",
    ]);
    assert.deepEqual(renderTty(fold(EVENTS.slice(0, 9))).at(-1), "greeter: push 1/5 blobs, 2.8 MB/6.0 MB (1 uploaded, 0 already there) …");
  });

  it("cuts TTY lines to the width and formats sizes in SI units", () => {
    for (const l of renderTty(fold(EVENTS), 30)) assert.ok(l.length <= 30, l);
    assert.deepEqual([0, 999, 1000, 1_234_567, 2_500_000_000].map(formatBytes), ["0 B", "999 B", "1.0 kB", "1.2 MB", "2.50 GB"]);
  });

  it("prints one plain line per finished step, nothing for starts and single blobs", () => {
    let s = EMPTY_PROGRESS;
    const lines: string[] = [];
    for (const e of EVENTS) {
      s = reduceProgress(s, e);
      const l = plainLine(s, e);
      if (l !== null) lines.push(l);
    }
    assert.deepEqual(lines, [
      "greeter linux/arm64: go build 5.7 MB in 900 ms",
      "greeter linux/arm64: data layer 1.2 kB gzip in 1 ms",
      "greeter linux/arm64: binary layer 2.6 MB gzip in 80 ms",
      "greeter linux/amd64: go build 6.1 MB in 1000 ms",
      "greeter linux/amd64: binary layer 2.8 MB gzip in 90 ms",
      "greeter: push 5 blobs, 6.0 MB",
      "greeter: pushed in 300 ms (1 uploaded, 1 already there)",
    ]);
  });

  it("writes plain lines without escape codes when stderr is not a TTY", () => {
    const out = new Sink(false);
    const w = progressWriter(out, "build: ");
    for (const e of EVENTS) w.sink(e);
    w.note("base b @ sha256:00");
    w.end();
    assert.equal(out.text.includes("\x1b"), false);
    assert.equal(out.text.split("\n").filter(Boolean).length, 8);
    assert.match(out.text, /^build: greeter linux\/arm64: go build 5\.7 MB in 900 ms\n/);
    assert.match(out.text, /build: base b @ sha256:00\n$/);
  });

  it("redraws the block in place on a TTY: cursor up by the lines drawn, each line cleared", () => {
    const out = new Sink(true);
    const w = progressWriter(out, "build: ", 0);
    w.sink(EVENTS[0]!);
    w.sink(EVENTS[1]!);
    const afterTwo = out.text;
    assert.equal(afterTwo, "\r\x1b[2Kbuild: greeter linux/amd64: go build …\n\x1b[1A\r\x1b[2Kbuild: greeter linux/amd64: go build …\n\r\x1b[2Kbuild: greeter linux/arm64: go build …\n");
    w.note("base b");
    assert.ok(out.text.slice(afterTwo.length).startsWith("\x1b[2A\r\x1b[Jbuild: base b\n\r\x1b[2Kbuild: greeter linux/amd64"), JSON.stringify(out.text.slice(afterTwo.length)));
    for (const e of EVENTS.slice(2)) w.sink(e);
    w.end();
    const last = out.text.slice(out.text.lastIndexOf("\x1b[3A"));
    assert.equal(last.split("\n").filter(Boolean).length, 3);
    assert.match(last, /greeter: push 2\/5 blobs.* in 300 ms\n$/);
  });
});
