/**
 * The pure parts of the HTML audit report (src/audit/html): the squarified
 * layout (areas proportional and summing to the rectangle, no overlaps, inside
 * the bounds, the paper's worked example), the nested context treemap, chart
 * scaling and the history jumps, escaping, and the page as a whole (XSS-safe,
 * no remote loads, the CSP hashes match, byte-for-byte deterministic).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { escapeHtml, text, truncate } from "../../src/audit/html/escape.js";
import { formatDate, num } from "../../src/audit/html/format.js";
import { findAnomalies, linePath, renderHistoryChart } from "../../src/audit/html/history.js";
import { CONTENT_SECURITY_POLICY, renderAuditHtml } from "../../src/audit/html/index.js";
import { barLengths, renderLayerBars } from "../../src/audit/html/layers.js";
import { linear, niceAxis, niceStep } from "../../src/audit/html/scale.js";
import { squarify, worst, type Rect } from "../../src/audit/html/squarify.js";
import { layoutTreemap, TREEMAP_DEFAULTS, type TreemapCell } from "../../src/audit/html/treemap.js";
import type { AuditReport, HistoryPoint } from "../../src/audit/types.js";
import { rngFromEnv } from "../support/random.js";
import { loadReport, PAYLOADS, RAW_TOKEN, walkTree } from "./html-fixture.js";

const area = (r: Rect): number => r.w * r.h;
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
function inside(inner: Rect, outer: Rect, eps = 1e-6): boolean {
  return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.w <= outer.x + outer.w + eps && inner.y + inner.h <= outer.y + outer.h + eps;
}
function close(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-9, `${what}: ${actual} vs ${expected} (±${rel * 100}%)`);
}

describe("squarify", () => {
  it("reproduces the worked example of Bruls et al. (6,6,4,3,2,2,1 in 6×4)", () => {
    const r = squarify([6, 6, 4, 3, 2, 2, 1], { x: 0, y: 0, w: 6, h: 4 });
    const round = (q: Rect | null) => q && { x: +q.x.toFixed(3), y: +q.y.toFixed(3), w: +q.w.toFixed(3), h: +q.h.toFixed(3) };
    assert.deepEqual(round(r[0]!), { x: 0, y: 0, w: 3, h: 2 });
    assert.deepEqual(round(r[1]!), { x: 0, y: 2, w: 3, h: 2 });
    assert.deepEqual(round(r[2]!), { x: 3, y: 0, w: 1.714, h: 2.333 });
    assert.deepEqual(round(r[3]!), { x: 4.714, y: 0, w: 1.286, h: 2.333 });
    // The rest (2, 2, 1) fill the bottom right 3 × 1.667.
    for (const q of r.slice(4)) assert.ok(inside(q!, { x: 3, y: 2.3333, w: 3, h: 1.6667 }, 1e-3));
  });

  it("random values: areas proportional, summing to the rectangle, no overlaps, inside the bounds", () => {
    const rng = rngFromEnv();
    for (let round = 0; round < 200; round++) {
      const n = 1 + rng.int(40);
      const values = Array.from({ length: n }, () => (rng.int(5) === 0 ? rng.next() * 1e9 : rng.next() * 100 + 1e-3));
      const rect = { x: rng.next() * 50, y: rng.next() * 50, w: 1 + rng.next() * 1000, h: 1 + rng.next() * 600 };
      const rs = squarify(values, rect);
      const total = values.reduce((s, v) => s + v, 0);
      let sum = 0;
      rs.forEach((r, i) => {
        assert.ok(r !== null, `seed ${rng.seed}: value ${i} got no rectangle`);
        assert.ok(r.w >= 0 && r.h >= 0, `seed ${rng.seed}: negative size`);
        assert.ok(inside(r, rect, 1e-6 * (rect.w + rect.h)), `seed ${rng.seed}: rect ${i} out of bounds`);
        close(area(r), (values[i]! / total) * area(rect), 1e-6, `seed ${rng.seed}: area of ${i}`);
        sum += area(r);
      });
      close(sum, area(rect), 1e-9, `seed ${rng.seed}: total area`);
      for (let i = 0; i < rs.length; i++) {
        for (let j = i + 1; j < rs.length; j++) {
          assert.ok(overlap(rs[i]!, rs[j]!) <= 1e-6 * area(rect), `seed ${rng.seed}: rects ${i} and ${j} overlap`);
        }
      }
    }
  });

  it("keeps aspect ratios near 1: 16 equal values in a square make a 4×4 grid", () => {
    const rs = squarify(Array(16).fill(1), { x: 0, y: 0, w: 400, h: 400 });
    for (const r of rs) {
      close(r!.w, 100, 1e-9, "width");
      close(r!.h, 100, 1e-9, "height");
    }
    assert.equal(worst([{ a: 4 }, { a: 4 }], 4), 1);
    assert.equal(worst([{ a: 1 }, { a: 4 }], 4), 2.56);
  });

  it("zero, negative and non-finite values get no rectangle and no area", () => {
    const rs = squarify([0, 5, -3, Number.NaN, 5, Infinity], { x: 0, y: 0, w: 10, h: 10 });
    assert.deepEqual(rs.map((r) => r === null), [true, false, true, true, false, true]);
    close(area(rs[1]!) + area(rs[4]!), 100, 1e-12, "total");
    assert.deepEqual(squarify([], { x: 0, y: 0, w: 1, h: 1 }), []);
    assert.deepEqual(squarify([1], { x: 0, y: 0, w: 0, h: 5 }), [null]);
  });
});

describe("context treemap layout", () => {
  const report = loadReport();
  const tree = report.context!.tree;
  const cells = layoutTreemap(tree);
  const canvas = { x: 0, y: 0, w: TREEMAP_DEFAULTS.width, h: TREEMAP_DEFAULTS.height };

  it("draws every non-empty node down to the depth limit, parents first", () => {
    const expected = walkTree(tree).filter((e) => e.depth >= 1 && e.depth <= TREEMAP_DEFAULTS.maxDepth && e.node.bytes > 0);
    assert.equal(cells.length, expected.length);
    assert.deepEqual(new Set(cells.map((c) => c.node.path)), new Set(expected.map((e) => e.node.path)));
    const seen = new Set<string>();
    for (const c of cells) {
      const parent = c.node.path.includes("/") ? c.node.path.slice(0, c.node.path.lastIndexOf("/")) : "";
      if (c.depth > 1) assert.ok(seen.has(parent), `${c.node.path} drawn before its folder`);
      seen.add(c.node.path);
    }
  });

  it("top-level entries take their share of the whole canvas", () => {
    for (const c of cells.filter((c) => c.depth === 1)) {
      close(area(c.rect), (c.node.bytes / tree.bytes) * area(canvas), 1e-9, c.node.path);
      assert.ok(inside(c.rect, canvas));
    }
  });

  it("children are inside their folder, proportional to each other, never overlapping", () => {
    const byPath = new Map(cells.map((c) => [c.node.path, c]));
    const groups = new Map<string, TreemapCell[]>();
    for (const c of cells.filter((c) => c.depth > 1)) {
      const parent = c.node.path.slice(0, c.node.path.lastIndexOf("/"));
      assert.ok(inside(c.rect, byPath.get(parent)!.rect), `${c.node.path} outside ${parent}`);
      groups.set(parent, [...(groups.get(parent) ?? []), c]);
    }
    assert.ok(groups.size >= 5);
    for (const [parent, kids] of groups) {
      const folder = byPath.get(parent)!.node;
      const listed = kids.reduce((s, k) => s + k.node.bytes, 0);
      const kidArea = kids.reduce((s, k) => s + area(k.rect), 0);
      for (const k of kids) close(area(k.rect) / kidArea, k.node.bytes / listed, 1e-9, k.node.path);
      // A folder whose listed children do not add up (docs/) keeps room for the rest.
      if (listed < folder.bytes) assert.ok(kidArea < area(byPath.get(parent)!.rect) * (listed / folder.bytes));
      for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) assert.equal(overlap(kids[i]!.rect, kids[j]!.rect), 0);
    }
  });

  it("an empty or childless context", () => {
    assert.deepEqual(layoutTreemap({ name: ".", path: "", bytes: 0, files: 0, children: [] }), []);
    const one = layoutTreemap({ name: ".", path: "", bytes: 10, files: 1 });
    assert.equal(one.length, 1);
    assert.deepEqual(one[0]!.rect, canvas);
  });
});

describe("chart scaling", () => {
  it("nice axes start at 0 and end on the first 1/2/5 step at or above the data", () => {
    assert.deepEqual(niceAxis(78_600_000), { max: 80_000_000, ticks: [0, 20_000_000, 40_000_000, 60_000_000, 80_000_000] });
    assert.deepEqual(niceAxis(19, 4, true), { max: 20, ticks: [0, 5, 10, 15, 20] });
    assert.deepEqual(niceAxis(3, 4, true), { max: 3, ticks: [0, 1, 2, 3] });
    assert.deepEqual(niceAxis(0, 4, true).ticks, [0, 1]);
    assert.deepEqual(niceAxis(0.7).ticks, [0, 0.2, 0.4, 0.6, 0.8]);
    assert.equal(niceStep(0.03), 0.05);
    assert.equal(niceStep(300), 500);
  });

  it("linear maps and the path has one command per defined point", () => {
    const y = linear(0, 80, 200, 20);
    assert.equal(y(0), 200);
    assert.equal(y(80), 20);
    assert.equal(y(40), 110);
    assert.equal(linear(5, 5, 0, 10)(5), 5);
    const x = (i: number) => i * 10;
    assert.equal(linePath([1, 2, undefined, 4, 5], x, (v) => v), "M0 1 L10 2 M30 4 L40 5");
    assert.equal(num(-0.0001), "0");
    assert.equal(num(1 / 3), "0.33");
  });

  it("layer bars are proportional to size, the largest filling the track", () => {
    const layers = loadReport().image!.layers;
    const lengths = barLengths(layers, 500);
    const max = Math.max(...layers.map((l) => l.size));
    layers.forEach((l, i) => close(lengths[i]!, (l.size / max) * 500, 1e-12, l.digest));
    assert.equal(renderLayerBars([]), `<p class="empty">The image has no layers.</p>`);
  });
});

describe("history jumps", () => {
  const point = (createdAt: string, total: number, imageSize?: number, contextBytes?: number): HistoryPoint => ({
    createdAt,
    counts: { error: 0, warning: total, info: 0 },
    score: 90,
    ...(imageSize !== undefined ? { imageSize } : {}),
    ...(contextBytes !== undefined ? { contextBytes } : {}),
  });

  it("finds the fixture's three jumps", () => {
    const got = findAnomalies(loadReport().history!).map((a) => [a.index, a.measure, a.previous]);
    assert.deepEqual(got, [
      [2, "contextBytes", 1],
      [4, "findings", 3],
      [4, "imageSize", 3],
    ]);
  });

  it("thresholds: image +20% is a jump, +19% is not; findings need +50% and +3", () => {
    // b: findings +5 (+50%), image +20%; c: findings +33%, image +19%; f: +2 from 0; g: +3 (+150%).
    const h = [point("a", 10, 100), point("b", 15, 120), point("c", 20, 142.8), point("d", 20, 143), point("e", 0), point("f", 2), point("g", 5)];
    const got = findAnomalies(h).map((a) => `${a.index}:${a.measure}`);
    assert.deepEqual(got, ["1:findings", "1:imageSize", "6:findings"]);
    // b: 120/100 = +20% exactly; c: 142.8/120 = +19%.
    assert.deepEqual(
      findAnomalies([point("a", 1, 100), point("b", 1, 120), point("c", 1, 142.8)]).map((a) => a.index),
      [1],
    );
  });

  it("a point without an image size is skipped, the next compares with the last known size", () => {
    const h = [point("a", 1, 100), point("b", 1), point("c", 1, 130)];
    assert.deepEqual(findAnomalies(h).map((a) => [a.index, a.previous]), [[2, 0]]);
    const svg = renderHistoryChart(h);
    assert.match(svg, /data-series="imageSize:image" data-points="2" d="M[\d.]+ [\d.]+ M[\d.]+ [\d.]+"/);
  });
});

describe("escaping", () => {
  it("escapes markup and quotes for text and attributes", () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
  });
  it("shows bidi overrides and control characters instead of obeying them", () => {
    assert.equal(escapeHtml("a\u202eb\u0000c\td\ne"), "a\\u202eb\\u0000c\td\ne");
  });
  it("masks secrets again and truncates by characters", () => {
    assert.equal(text(`ENV GITHUB_TOKEN=${RAW_TOKEN}`), "ENV GITHUB_TOKEN=ghp_****");
    assert.equal(truncate("abcdef", 4), "abc…");
    assert.equal(truncate("ab", 4), "ab");
  });
  it("formats ISO dates without a clock or locale", () => {
    assert.equal(formatDate("2026-11-24T09:30:00Z"), "2026-11-24 09:30 UTC");
    assert.equal(formatDate("2026-11-24T09:30:00.5+02:00"), "2026-11-24 09:30 +02:00");
    assert.equal(formatDate("<b>"), "<b>");
  });
});

describe("renderAuditHtml", () => {
  const report = loadReport();
  const html = renderAuditHtml(report);

  it("is deterministic: the same report renders the same bytes", () => {
    assert.equal(renderAuditHtml(JSON.parse(JSON.stringify(report)) as AuditReport), html);
  });

  it("shows every payload only escaped, and never the raw token", () => {
    for (const p of PAYLOADS) {
      assert.ok(!html.includes(p), `raw payload in page: ${p}`);
      assert.ok(html.includes(escapeHtml(p)) || html.includes(escapeHtml(p).slice(0, 20)), `payload not shown: ${p}`);
    }
    assert.equal(html.match(/<script/g)?.length, 1, "exactly one script element");
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      const t = tag.replace(/"[^"]*"/g, '""');
      assert.ok(!/^<(img|iframe|object|embed|link|base|form|audio|video|source)\b/i.test(t), `loading element ${t}`);
      assert.ok(!/\son[a-z]+\s*=/i.test(t), `event handler attribute in ${t}`);
    }
    assert.ok(!html.includes(RAW_TOKEN));
    assert.ok(html.includes("GITHUB_TOKEN=ghp_****"));
  });

  it("loads nothing: no src/href other than in-page anchors, and a CSP that forbids remote loads", () => {
    const refs = [...html.matchAll(/\s(?:src|href|action|xlink:href)="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 0);
    for (const r of refs) assert.match(r, /^#[a-z-]+$/, `reference ${r}`);
    assert.match(CONTENT_SECURITY_POLICY, /^default-src 'none'; /);
    assert.ok(!/https?:|\*|unsafe/.test(CONTENT_SECURITY_POLICY));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    assert.ok(CONTENT_SECURITY_POLICY.includes(`style-src ${hash(style)}`));
    assert.ok(CONTENT_SECURITY_POLICY.includes(`script-src ${hash(script)}`));
    assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<style>"), "the policy precedes the style");
  });

  it("has the sections in order: header, areas, top fixes, findings, gates, context, image, dependencies, history", () => {
    const ids = ["areas", "top-fixes", "findings", "gates", "context", "image", "dependencies", "history"].map((id) => html.indexOf(`<section id="${id}"`));
    assert.ok(ids.every((i, k) => i > 0 && (k === 0 || i > ids[k - 1]!)), String(ids));
    assert.ok(html.indexOf(`<header class="top">`) < ids[0]!);
    for (const a of report.areas) assert.ok(html.includes(`id="area-${a.area}"`));
  });

  it("renders a minimal report (nothing optional) without throwing", () => {
    const min: AuditReport = {
      version: 1,
      tool: { name: "goship", version: "0.0.0" },
      root: ".",
      createdAt: "1970-01-01T00:00:00Z",
      options: { offline: false, preflight: true, log: null, image: null },
      score: 100,
      counts: { error: 0, warning: 0, info: 0 },
      areas: [],
      topFixes: [],
      gates: [],
      exitCode: 0,
    };
    const out = renderAuditHtml(min);
    assert.match(out, /No earlier audits/);
    assert.match(out, /No image audited/);
    assert.ok(!out.includes(`<svg`));
    assert.ok(!out.includes(`id="generated"`));
    // No Dockerfile: what goship init would write, escaped; the threshold in the header.
    const gen = renderAuditHtml({ ...min, failureThreshold: "warning", generated: [{ path: "Dockerfile", content: "FROM golang:1.23 AS build\nRUN echo '</pre><script>x()</script>'\n" }] });
    assert.match(gen, /<section id="generated">[\s\S]*<summary><code>Dockerfile<\/code><\/summary><pre><code>FROM golang:1.23 AS build\nRUN echo &#39;&lt;\/pre&gt;&lt;script&gt;x\(\)&lt;\/script&gt;&#39;\n<\/code><\/pre>/);
    assert.match(gen, /<dt>Fails at<\/dt><dd>warning or above, or a failed gate<\/dd>/);
    // One history point still draws its chart.
    const one = renderAuditHtml({ ...min, history: [{ createdAt: "1970-01-01T00:00:00Z", counts: min.counts, score: 100 }] });
    assert.match(one, /<svg class="history"/);
  });
});
