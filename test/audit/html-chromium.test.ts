/**
 * The HTML audit report in a real browser (issue #11): the fixture report
 * (test/fixtures/audit/report.json) is rendered, written to a file and opened
 * over file:// in headless Debian Chromium (playwright-core, JavaScript on).
 * Proves: no console errors or page errors (a CSP violation would be one), no
 * request but the file itself, no injected script ran and the payloads show as
 * text, the treemap has one rect per context entry with areas proportional to
 * bytes, the history chart has one point per audit and marks the jumps, the
 * layer bars are proportional, the filter and sort work, dark mode and print
 * styles apply. Screenshots (light, dark) and a PDF are kept under
 * .cache/artifacts/ for CI. Skipped only when Chromium is absent and
 * GOSHIP_SKIP_LAB=1 (scripts/lab/install.sh installs it). The project
 * compiles without the DOM library, so code run in the page reaches the
 * browser's globals through `globalThis` typed as `any`.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { renderAuditHtml } from "../../src/audit/html/index.js";
import { TREEMAP_DEFAULTS } from "../../src/audit/html/treemap.js";
import { CACHE } from "../support/paths.js";
import { loadReport, PAYLOADS, RAW_TOKEN, walkTree, XSS_MARKERS } from "./html-fixture.js";

const CHROMIUM = process.env.GOSHIP_CHROMIUM ?? "/usr/bin/chromium";
const ARTIFACTS = join(CACHE, "artifacts");
const SKIP =
  !existsSync(CHROMIUM) && process.env.GOSHIP_SKIP_LAB === "1"
    ? `${CHROMIUM} not installed and GOSHIP_SKIP_LAB=1: HTML report browser test skipped (scripts/lab/install.sh installs chromium)`
    : false;

interface Loaded {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe("HTML audit report in headless Chromium", { skip: SKIP, timeout: 180_000 }, () => {
  const report = loadReport();
  let dir: string;
  let url: string;
  let browser: Browser;
  const pages: Loaded[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/lab/install.sh (or set GOSHIP_SKIP_LAB=1 to skip)`);
    dir = mkdtempSync(join(tmpdir(), "goship-audit-html-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderAuditHtml(report));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--disable-gpu"] });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(colorScheme: "light" | "dark"): Promise<Loaded> {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    const errors: string[] = [];
    const requests: string[] = [];
    // Anything but the page itself is recorded and refused.
    await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("html[data-ready='1']", { timeout: 15_000 });
    const loaded = { page, errors, requests };
    pages.push(loaded);
    return loaded;
  }

  let light: Loaded;

  it("renders with no console errors and requests nothing but the file", async () => {
    light = await open("light");
    assert.deepEqual(light.errors, []);
    assert.deepEqual(light.requests, [url]);
    assert.equal(await light.page.title(), `goship audit: ${report.root}`);
  });

  it("shows the XSS payloads as text and runs none of them", async () => {
    const { page } = light;
    const state: { xss: unknown[]; scripts: number; images: number; text: string; titles: string[]; handlers: number } = await page.evaluate(
      (markers) => {
        const w: any = globalThis;
        const doc: any = w.document;
        return {
          xss: markers.map((n) => w.__xss ?? w[`__xss${n}`]),
          scripts: doc.scripts.length,
          images: doc.images.length,
          text: doc.body.innerText,
          titles: Array.from(doc.querySelectorAll("svg title"), (t: any) => String(t.textContent ?? "")),
          handlers: Array.from(doc.querySelectorAll("*")).filter((e: any) => Array.from(e.attributes).some((a: any) => a.name.startsWith("on"))).length,
        };
      },
      XSS_MARKERS,
    );
    assert.ok(state.xss.every((v) => v === undefined), `an injected script ran: ${JSON.stringify(state.xss)}`);
    assert.equal(state.scripts, 1);
    assert.equal(state.images, 0);
    assert.equal(state.handlers, 0);
    for (const p of PAYLOADS.filter((p) => !p.includes("xss=4") && !p.includes("xss=6"))) {
      assert.ok(state.text.includes(p), `payload not shown as text: ${p}`);
    }
    // The payload file name of the context is a tooltip in the treemap.
    assert.ok(state.titles.some((t) => t.startsWith("</title><script>window.__xss=4</script>.txt — ")), "treemap tooltip keeps the name as text");
    assert.ok(state.text.includes('example.com/"><script>window.__xss=6</script>'));
    assert.ok(!state.text.includes(RAW_TOKEN) && !state.titles.some((t) => t.includes(RAW_TOKEN)), "raw token printed");
  });

  it("draws the treemap: one rect per context entry, areas proportional to bytes", async () => {
    const { page } = light;
    const tree = report.context!.tree;
    const expected = walkTree(tree).filter((e) => e.depth >= 1 && e.depth <= TREEMAP_DEFAULTS.maxDepth && e.node.bytes > 0);
    const rects = await page.$$eval("svg.treemap rect.tm", (els) =>
      els.map((e) => {
        const b = e.getBoundingClientRect();
        return {
          path: e.getAttribute("data-path") ?? "",
          bytes: Number(e.getAttribute("data-bytes")),
          depth: Number(e.getAttribute("data-depth")),
          w: Number(e.getAttribute("width")),
          h: Number(e.getAttribute("height")),
          screen: b.width * b.height,
        };
      }),
    );
    assert.equal(rects.length, expected.length, "one rect per entry");
    assert.ok(expected.length >= 25);
    assert.ok(rects.every((r) => r.screen > 0), "every rect is drawn on screen");
    const svg = await page.$eval("svg.treemap", (e) => {
      const b = e.getBoundingClientRect();
      return b.width * b.height;
    });
    const canvas = TREEMAP_DEFAULTS.width * TREEMAP_DEFAULTS.height;
    const by = (p: string) => rects.find((r) => r.path === p)!;
    for (const p of ["vendor", ".git", "testdata", "docs"]) {
      const r = by(p);
      const share = r.bytes / tree.bytes;
      assert.ok(Math.abs((r.w * r.h) / canvas - share) <= 0.002 * share + 1e-6, `${p}: area ${r.w * r.h} for share ${share}`);
      assert.ok(Math.abs(r.screen / svg - share) <= 0.02 * share, `${p}: on-screen share ${r.screen / svg} vs ${share}`);
    }
    // Siblings inside a folder keep the ratio of their sizes.
    const aws = by("vendor/github.com/aws");
    const grpc = by("vendor/github.com/grpc-ecosystem");
    const ratio = (aws.w * aws.h) / (grpc.w * grpc.h);
    assert.ok(Math.abs(ratio - aws.bytes / grpc.bytes) <= 0.005 * ratio, `aws/grpc area ratio ${ratio}`);
  });

  it("draws the history chart: one point per audit, the jumps marked", async () => {
    const { page } = light;
    const n = report.history!.length;
    const series = await page.$$eval("svg.history path.series", (els) =>
      els.map((e) => ({
        name: e.getAttribute("data-series") ?? "",
        d: e.getAttribute("d") ?? "",
        length: (e as any).getTotalLength() as number,
      })),
    );
    const findings = series.find((s) => s.name === "findings:all")!;
    const image = series.find((s) => s.name === "imageSize:image")!;
    for (const s of [findings, image]) {
      const points = [...s.d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      assert.equal(points.length, n, `${s.name}: one point per history entry`);
      assert.ok(points.every((p, i) => i === 0 || p[0] > points[i - 1]![0]), `${s.name}: x increases with time`);
      assert.ok(s.length > 0, `${s.name} is drawn`);
    }
    // Higher values are drawn higher: the findings peak (index 4, 19 findings) has the smallest y.
    const ys = [...findings.d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    assert.equal(ys.indexOf(Math.min(...ys)), 4);
    const anomalies = await page.$$eval("svg.history circle.anomaly", (els) => els.map((e) => e.getAttribute("data-index")));
    assert.deepEqual(anomalies.sort(), ["2", "4", "4"]);
    const jumps = await page.$$eval("ul.jumps li", (els) => els.map((e: any) => String(e.innerText)));
    assert.ok(jumps.some((j) => /image size \+27% \(61\.9 MB → 78\.4 MB\)/.test(j)), jumps.join("\n"));
  });

  it("draws one layer bar per image layer, lengths proportional to size", async () => {
    const bars = await light.page.$$eval("svg.layers rect.bar", (els) =>
      els.map((e) => ({ size: Number(e.getAttribute("data-size")), w: e.getBoundingClientRect().width })),
    );
    const layers = report.image!.layers;
    assert.equal(bars.length, layers.length);
    const max = Math.max(...bars.map((b) => b.w));
    const maxSize = Math.max(...layers.map((l) => l.size));
    bars.forEach((b, i) => {
      assert.equal(b.size, layers[i]!.size);
      assert.ok(Math.abs(b.w / max - b.size / maxSize) <= 0.01, `layer ${i}`);
    });
  });

  it("filters and sorts the findings tables", async () => {
    const { page } = light;
    const total = report.areas.reduce((s, a) => s + a.findings.length, 0);
    const visible = () => page.$$eval("table.findings tbody tr", (rows) => rows.filter((r: any) => !r.hidden).length);
    const controls = page.locator(`.controls[data-target="table.findings"]`);
    assert.equal(await visible(), total);
    await controls.locator("input[type=search]").fill("gs301");
    assert.equal(await visible(), 1);
    assert.equal(await controls.locator(".count").innerText(), `1 of ${total} shown`);
    await controls.locator("input[type=search]").fill("");
    await controls.locator(`input[data-severity="error"]`).uncheck();
    assert.equal(await visible(), total - report.counts.error);
    await controls.locator(`input[data-severity="error"]`).check();
    // Sort the lint table by rule, ascending.
    const lint = page.locator(`table.findings[data-area="lint"]`);
    await lint.locator("th button", { hasText: "Rule" }).click();
    const rules = await lint.locator("tbody tr td.rule").allInnerTexts();
    assert.deepEqual(rules, [...rules].sort());
    assert.notDeepEqual(rules, report.areas.find((a) => a.area === "lint")!.findings.map((f) => f.ruleId));
  });

  it("keeps a screenshot and a PDF as CI artifacts; print hides the controls", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, "audit-report.png");
    await light.page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 20_000);
    console.log(`screenshot: ${shot}`);
    await light.page.emulateMedia({ media: "print" });
    assert.equal(await light.page.locator(".controls").first().evaluate((e) => (globalThis as any).getComputedStyle(e).display as string), "none");
    const pdf = join(ARTIFACTS, "audit-report.pdf");
    await light.page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.ok(statSync(pdf).size > 10_000);
    console.log(`pdf: ${pdf}`);
    assert.deepEqual(light.errors, []);
  });

  it("renders in dark mode with dark colours and no errors", async () => {
    const dark = await open("dark");
    const bg = await dark.page.evaluate(() => {
      const w: any = globalThis;
      return String(w.getComputedStyle(w.document.body).backgroundColor);
    });
    assert.equal(bg, "rgb(13, 17, 23)");
    const shot = join(ARTIFACTS, "audit-report-dark.png");
    mkdirSync(ARTIFACTS, { recursive: true });
    await dark.page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    assert.deepEqual(dark.errors, []);
    assert.deepEqual(dark.requests, [url]);
  });
});
