/**
 * The history view ("anomaly monitoring"): findings counts, image size and
 * build-context size over report.history as an inline SVG line chart, one
 * panel per measure sharing the time axis, and the jumps worth a look
 * (image or context +20% over the previous audit, findings up by half and at
 * least 3) marked on the chart and listed below it. Pure.
 */
import type { HistoryPoint } from "../types.js";
import { escapeHtml, text } from "./escape.js";
import { formatBytes, formatChange, formatDate, formatDay, formatInt, num } from "./format.js";
import { linear, niceAxis } from "./scale.js";

/** What counts as a jump between an audit and the previous one that has the measure. */
export const JUMP_THRESHOLDS = {
  /** Relative growth of image or context size. */
  size: 0.2,
  /** Relative growth of the findings total... */
  findings: 0.5,
  /** ...and its minimum absolute growth. */
  findingsMin: 3,
} as const;

export type Measure = "findings" | "imageSize" | "contextBytes";

export interface Anomaly {
  readonly index: number;
  readonly measure: Measure;
  /** Index of the earlier point compared against. */
  readonly previous: number;
  readonly from: number;
  readonly to: number;
}

export function findingsTotal(p: HistoryPoint): number {
  return p.counts.error + p.counts.warning + p.counts.info;
}

function measureOf(p: HistoryPoint, m: Measure): number | undefined {
  const v = m === "findings" ? findingsTotal(p) : m === "imageSize" ? p.imageSize : p.contextBytes;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

function isJump(m: Measure, from: number, to: number): boolean {
  if (m === "findings") {
    return to - from >= JUMP_THRESHOLDS.findingsMin && (from === 0 || (to - from) / from >= JUMP_THRESHOLDS.findings);
  }
  return from > 0 && (to - from) / from >= JUMP_THRESHOLDS.size;
}

/** Every jump, in history order (by point, then findings, image, context). */
export function findAnomalies(history: readonly HistoryPoint[]): Anomaly[] {
  const out: Anomaly[] = [];
  const last: Partial<Record<Measure, number>> = {};
  history.forEach((p, index) => {
    for (const m of ["findings", "imageSize", "contextBytes"] as const) {
      const to = measureOf(p, m);
      if (to === undefined) continue;
      const previous = last[m];
      if (previous !== undefined) {
        const from = measureOf(history[previous]!, m)!;
        if (isJump(m, from, to)) out.push({ index, measure: m, previous, from, to });
      }
      last[m] = index;
    }
  });
  return out;
}

/** "image size +34% (48.1 MB → 64.5 MB)". */
export function describeAnomaly(a: Anomaly): string {
  if (a.measure === "findings") {
    const change = a.from > 0 ? ` ${formatChange((a.to - a.from) / a.from)}` : "";
    return `findings${change} (${formatInt(a.from)} → ${formatInt(a.to)})`;
  }
  const what = a.measure === "imageSize" ? "image size" : "build context";
  return `${what} ${formatChange((a.to - a.from) / a.from)} (${formatBytes(a.from)} → ${formatBytes(a.to)})`;
}

interface Series {
  readonly cls: string;
  readonly label: string;
  readonly values: readonly (number | undefined)[];
  /** Draw a marker with a tooltip on each point. */
  readonly markers: boolean;
}

interface Panel {
  readonly measure: Measure;
  readonly title: string;
  readonly bytes: boolean;
  readonly series: readonly Series[];
}

export const CHART = { width: 960, left: 72, right: 44, top: 8, panel: 150, gap: 34, bottom: 34 } as const;

/** The SVG path of a series: one M or L command per defined value, a gap starts a new M. */
export function linePath(values: readonly (number | undefined)[], x: (i: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (v === undefined) {
      pen = false;
      return;
    }
    parts.push(`${pen ? "L" : "M"}${num(x(i))} ${num(y(v))}`);
    pen = true;
  });
  return parts.join(" ");
}

function panelsOf(history: readonly HistoryPoint[]): Panel[] {
  const panels: Panel[] = [
    {
      measure: "findings",
      title: "Findings",
      bytes: false,
      series: [
        { cls: "s-total", label: "all", values: history.map(findingsTotal), markers: true },
        { cls: "s-error", label: "errors", values: history.map((p) => p.counts.error), markers: false },
        { cls: "s-warning", label: "warnings", values: history.map((p) => p.counts.warning), markers: false },
      ],
    },
  ];
  const image = history.map((p) => measureOf(p, "imageSize"));
  if (image.some((v) => v !== undefined)) {
    panels.push({ measure: "imageSize", title: "Image size", bytes: true, series: [{ cls: "s-image", label: "image", values: image, markers: true }] });
  }
  const ctx = history.map((p) => measureOf(p, "contextBytes"));
  if (ctx.some((v) => v !== undefined)) {
    panels.push({ measure: "contextBytes", title: "Build context", bytes: true, series: [{ cls: "s-context", label: "context", values: ctx, markers: true }] });
  }
  return panels;
}

function tooltip(p: HistoryPoint): string {
  const lines = [`${formatDate(p.createdAt)}${p.revision ? ` · ${p.revision.slice(0, 12)}` : ""}`];
  lines.push(`score ${p.score}`);
  lines.push(`findings ${formatInt(findingsTotal(p))}: ${p.counts.error} errors, ${p.counts.warning} warnings, ${p.counts.info} info`);
  if (p.imageSize !== undefined) lines.push(`image ${formatBytes(p.imageSize)}`);
  if (p.contextBytes !== undefined) lines.push(`context ${formatBytes(p.contextBytes)}`);
  return lines.join("\n");
}

/** The chart as an inline SVG element. */
export function renderHistoryChart(history: readonly HistoryPoint[]): string {
  if (history.length === 0) return `<p class="empty">No earlier audits.</p>`;
  const panels = panelsOf(history);
  const anomalies = findAnomalies(history);
  const { width, left, right, top, panel, gap, bottom } = CHART;
  const height = top + panels.length * panel + (panels.length - 1) * gap + bottom;
  const n = history.length;
  const x = n === 1 ? () => left + (width - left - right) / 2 : linear(0, n - 1, left, width - right);
  const out: string[] = [];
  out.push(
    `<svg class="history" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" ` +
      `aria-label="History of ${n} audits: findings${panels.length > 1 ? ", image and context size" : ""} over time">`,
  );
  panels.forEach((pn, k) => {
    const y0 = top + k * (panel + gap);
    const y1 = y0 + panel;
    const maxData = Math.max(0, ...pn.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
    const axis = niceAxis(maxData, 4, !pn.bytes);
    const y = linear(0, axis.max, y1, y0 + 26);
    out.push(`<g class="panel" data-measure="${pn.measure}">`);
    out.push(`<text class="panel-title" x="${left}" y="${num(y0 + 10)}">${escapeHtml(pn.title)}</text>`);
    // Legend, right-aligned on the title line.
    let lx = width - right;
    for (const s of [...pn.series].reverse()) {
      lx -= 8 + s.label.length * 6.4;
      out.push(`<text class="legend ${s.cls}" x="${num(lx + 14)}" y="${num(y0 + 10)}">${escapeHtml(s.label)}</text>`);
      out.push(`<line class="${s.cls}" x1="${num(lx)}" x2="${num(lx + 10)}" y1="${num(y0 + 6)}" y2="${num(y0 + 6)}"/>`);
      lx -= 14;
    }
    for (const t of axis.ticks) {
      const ty = y(t);
      out.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${num(ty)}" y2="${num(ty)}"/>`);
      out.push(`<text class="tick" x="${left - 6}" y="${num(ty + 4)}" text-anchor="end">${escapeHtml(pn.bytes ? formatBytes(t) : formatInt(t))}</text>`);
    }
    for (const s of pn.series) {
      const d = linePath(s.values, x, y);
      const points = s.values.filter((v) => v !== undefined).length;
      out.push(`<path class="series ${s.cls}" data-series="${pn.measure}:${escapeHtml(s.label)}" data-points="${points}" d="${d}"/>`);
    }
    for (const s of pn.series.filter((s) => s.markers)) {
      s.values.forEach((v, i) => {
        if (v === undefined) return;
        const jump = anomalies.find((a) => a.measure === pn.measure && a.index === i);
        const tip = tooltip(history[i]!) + (jump ? `\njump: ${describeAnomaly(jump)}` : "");
        out.push(
          `<circle class="point ${s.cls}${jump ? " anomaly" : ""}" cx="${num(x(i))}" cy="${num(y(v))}" r="${jump ? 6 : 3.5}" data-index="${i}">` +
            `<title>${text(tip)}</title></circle>`,
        );
        if (jump) {
          const label = jump.from > 0 ? formatChange((jump.to - jump.from) / jump.from) : `+${formatInt(jump.to - jump.from)}`;
          out.push(`<text class="anomaly-label" x="${num(x(i))}" y="${num(y(v) - 10)}" text-anchor="middle">${escapeHtml(label)}</text>`);
        }
      });
    }
    out.push(`</g>`);
  });
  // Time axis under the last panel: every point gets a tick, labels thinned to fit (the newest always labelled).
  const axisY = top + panels.length * panel + (panels.length - 1) * gap;
  const every = Math.max(1, Math.ceil(n / 10));
  out.push(`<g class="x-axis">`);
  history.forEach((p, i) => {
    out.push(`<line class="tick-mark" x1="${num(x(i))}" x2="${num(x(i))}" y1="${axisY}" y2="${axisY + 4}"/>`);
    if ((n - 1 - i) % every === 0) {
      out.push(`<text class="tick" x="${num(x(i))}" y="${axisY + 18}" text-anchor="middle">${text(formatDay(p.createdAt))}</text>`);
    }
  });
  out.push(`</g></svg>`);
  return out.join("");
}
