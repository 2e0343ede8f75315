/**
 * The summary parts of the HTML audit report, each a function from the
 * report (or a part of it) to an HTML fragment: the header, the per-area score
 * cards, the top fixes, the files goship init would write, the policy gates,
 * the build-context, image and dependency sections, and the history section around its chart. Every
 * string from the report is escaped here. Pure.
 */
import type { Severity } from "../../finding/finding.js";
import type { AreaResult, AreaStatus, AuditReport, ContextSummary, DependencyInfo, GeneratedFileInfo, GateResult, HistoryPoint, ImageSummary, TopFix } from "../types.js";
import { escapeHtml, text } from "./escape.js";
import { formatBytes, formatDate, formatInt, shortDigest } from "./format.js";
import { describeAnomaly, findAnomalies, findingsTotal, renderHistoryChart } from "./history.js";
import { renderLayerBars } from "./layers.js";
import { renderTreemap } from "./treemap.js";

/** "good" ≥ 90, "fair" ≥ 70, "poor" below; "none" when not scored. */
export function scoreClass(score: number | null): "good" | "fair" | "poor" | "none" {
  if (score === null || !Number.isFinite(score)) return "none";
  return score >= 90 ? "good" : score >= 70 ? "fair" : "poor";
}

export function severityBadge(s: Severity): string {
  return `<span class="sev sev-${escapeHtml(s)}">${escapeHtml(s)}</span>`;
}

export function statusBadge(s: AreaStatus): string {
  return `<span class="status status-${escapeHtml(s)}">${escapeHtml(s)}</span>`;
}

/** "Dockerfile:12", or the file alone for a whole-file finding. */
export function location(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export function renderHeader(r: AuditReport): string {
  const cls = scoreClass(r.score);
  const failedGates = r.gates.filter((g) => !g.passed).length;
  const verdict = r.exitCode === 0 ? "passed" : failedGates > 0 ? `failed: ${plural(failedGates, "gate")} failed` : "failed: findings at or above the threshold";
  const opts = [
    r.options.offline ? "offline" : "online",
    r.options.preflight ? "preflight" : "no preflight",
    r.options.log !== null ? `log ${r.options.log}` : null,
    r.options.image !== null ? `image ${r.options.image}` : null,
  ].filter((s): s is string => s !== null);
  const meta: [string, string][] = [
    ["Repository", r.root],
    ...(r.revision !== undefined ? ([["Revision", r.revision]] as [string, string][]) : []),
    ["Audited", formatDate(r.createdAt)],
    ["goship", r.tool.version],
    ["Options", opts.join(", ")],
    ...(r.failureThreshold !== undefined
      ? ([["Fails at", r.failureThreshold === "none" ? "never (threshold none)" : `${r.failureThreshold} or above, or a failed gate`]] as [string, string][])
      : []),
  ];
  return (
    `<header class="top">` +
    `<div class="title"><h1>goship audit <span class="root">${text(r.root)}</span></h1>` +
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${text(v)}</dd></div>`).join("")}</dl></div>` +
    `<div class="overall score-${cls}"><div class="big" data-score="${r.score}">${formatInt(r.score)}</div><div class="of">/ 100</div>` +
    `<div class="verdict exit-${r.exitCode}">${escapeHtml(verdict)}</div>` +
    `<div class="counts">${severityBadge("error")} ${formatInt(r.counts.error)} ${severityBadge("warning")} ${formatInt(r.counts.warning)} ${severityBadge("info")} ${formatInt(r.counts.info)}</div>` +
    `</div></header>`
  );
}

export function renderScoreCards(areas: readonly AreaResult[]): string {
  const cards = areas.map((a) => {
    const cls = scoreClass(a.score);
    return (
      `<a class="card score-${cls}" href="#area-${escapeHtml(a.area)}">` +
      `<div class="card-head"><span class="area-name">${escapeHtml(a.area)}</span>${statusBadge(a.status)}</div>` +
      `<div class="big">${a.score === null ? "—" : formatInt(a.score)}</div>` +
      `<div class="summary">${text(a.summary)}</div>` +
      (a.note !== undefined && a.note !== "" ? `<div class="note">${text(a.note)}</div>` : "") +
      `</a>`
    );
  });
  return `<section id="areas"><h2>Areas</h2><div class="cards">${cards.join("")}</div></section>`;
}

export function renderTopFixes(fixes: readonly TopFix[]): string {
  if (fixes.length === 0) return `<section id="top-fixes"><h2>Top fixes</h2><p class="empty">Nothing to fix.</p></section>`;
  const items = fixes.map(
    (f) =>
      `<li class="fix-item">${severityBadge(f.severity)} <code class="rule">${text(f.ruleId)}</code> ` +
      `<span class="area-tag">${escapeHtml(f.area)}</span> <code class="loc">${text(location(f.file, f.line))}</code>` +
      `<div class="msg">${text(f.message)}</div><div class="action">${text(f.action)}</div></li>`,
  );
  return `<section id="top-fixes"><h2>Top fixes</h2><ol class="fixes">${items.join("")}</ol></section>`;
}

export function renderGates(gates: readonly GateResult[]): string {
  if (gates.length === 0) return `<section id="gates"><h2>Policy gates</h2><p class="empty">No policy gates configured.</p></section>`;
  const failed = gates.filter((g) => !g.passed).length;
  const rows = gates.map(
    (g) =>
      `<tr class="${g.passed ? "pass" : "fail"}"><td><span class="gate-${g.passed ? "pass" : "fail"}">${g.passed ? "✓ passed" : "✗ failed"}</span></td>` +
      `<td><code>${text(g.gate)}</code></td><td>${text(g.message)}</td></tr>`,
  );
  return (
    `<section id="gates"><h2>Policy gates</h2><p>${plural(gates.length - failed, "gate")} passed, ${plural(failed, "gate")} failed.</p>` +
    `<table class="gates"><thead><tr><th>Result</th><th>Gate</th><th>Why</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`
  );
}

export function renderContext(c: ContextSummary | undefined): string {
  if (c === undefined) return `<section id="context"><h2>Build context</h2><p class="empty">Not measured.</p></section>`;
  const kids = [...(c.tree.children ?? [])].sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = kids.map((k) => {
    const share = c.tree.bytes > 0 ? `${((k.bytes / c.tree.bytes) * 100).toFixed(1)}%` : "—";
    return `<tr><td><code>${text(k.name + (k.children !== undefined ? "/" : ""))}</code></td><td class="num" data-sort="${k.bytes}">${escapeHtml(formatBytes(k.bytes))}</td><td class="num">${share}</td><td class="num" data-sort="${k.files}">${formatInt(k.files)}</td></tr>`;
  });
  return (
    `<section id="context"><h2>Build context</h2>` +
    `<p>Context <code>${text(c.dir)}</code>: ${escapeHtml(formatBytes(c.bytes))} in ${plural(c.files, "file")}; ` +
    `${c.ignoreFile !== null ? `ignore file <code>${text(c.ignoreFile)}</code>` : "no .dockerignore"}.</p>` +
    `<figure>${renderTreemap(c.tree)}<figcaption>Each rectangle is a folder or file of the context, its area proportional to its size; hover for details.</figcaption></figure>` +
    (rows.length > 0
      ? `<table class="sortable top-level"><thead><tr><th>Entry</th><th data-type="num" aria-sort="descending">Size</th><th data-type="num">Share</th><th data-type="num">Files</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
      : "") +
    `</section>`
  );
}

export function renderImage(img: ImageSummary | undefined): string {
  if (img === undefined) return `<section id="image"><h2>Image</h2><p class="empty">No image audited (use <code>--image</code>).</p></section>`;
  const meta: [string, string][] = [
    ["Reference", img.ref],
    ["Digest", img.digest],
    ["Platform", img.platform],
    ["Size", `${formatBytes(img.size)} compressed, ${plural(img.layers.length, "layer")}`],
    ["User", img.user !== "" ? img.user : "(not set: runs as root)"],
  ];
  return (
    `<section id="image"><h2>Image</h2>` +
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${text(v)}</dd></div>`).join("")}</dl>` +
    `<figure>${renderLayerBars(img.layers)}<figcaption>Compressed size of each layer, base first.</figcaption></figure></section>`
  );
}

const KIND_ORDER: Record<DependencyInfo["kind"], number> = { main: 0, stdlib: 1, dep: 2 };

export function renderDependencies(deps: readonly DependencyInfo[] | undefined): string {
  if (deps === undefined) return `<section id="dependencies"><h2>Dependencies</h2><p class="empty">No SBOM read (use <code>--image</code>).</p></section>`;
  const sorted = [...deps].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const n = sorted.filter((d) => d.kind === "dep").length;
  const rows = sorted.map(
    (d) =>
      `<tr class="kind-${escapeHtml(d.kind)}"><td><code>${text(d.path)}</code></td><td><code>${text(d.version)}</code></td>` +
      `<td>${escapeHtml(d.kind)}</td><td>${d.hash !== undefined ? `<code class="hash" title="${text(d.hash)}">${text(d.hash.length > 20 ? `${d.hash.slice(0, 19)}…` : d.hash)}</code>` : ""}</td></tr>`,
  );
  return (
    `<section id="dependencies"><h2>Dependencies</h2><p>${plural(n, "module dependency", "module dependencies")} in the SBOM.</p>` +
    `<div class="controls" data-target="table.deps" hidden><label>Filter <input type="search" placeholder="module or version"></label> <span class="count"></span></div>` +
    `<table class="sortable deps"><thead><tr><th aria-sort="ascending">Module</th><th>Version</th><th>Kind</th><th>Hash</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></section>`
  );
}

export function renderHistory(history: readonly HistoryPoint[] | undefined): string {
  if (history === undefined || history.length === 0) {
    return `<section id="history"><h2>History</h2><p class="empty">No earlier audits (use <code>--history DIR</code>).</p></section>`;
  }
  const anomalies = findAnomalies(history);
  const jumpList =
    anomalies.length === 0
      ? `<p class="no-jumps">No jumps: no measure grew by more than the thresholds between two audits.</p>`
      : `<ul class="jumps">${anomalies
          .map((a) => `<li><strong>${escapeHtml(formatDate(history[a.index]!.createdAt))}</strong>: ${escapeHtml(describeAnomaly(a))}</li>`)
          .join("")}</ul>`;
  const jumpAt = new Set(anomalies.map((a) => `${a.index}:${a.measure}`));
  const cell = (i: number, m: string, v: string): string => `<td class="num${jumpAt.has(`${i}:${m}`) ? " jump" : ""}">${v}</td>`;
  const rows = history.map(
    (p, i) =>
      `<tr><td>${escapeHtml(formatDate(p.createdAt))}</td><td><code>${p.revision !== undefined ? text(p.revision.slice(0, 12)) : ""}</code></td>` +
      `<td class="num">${formatInt(p.score)}</td>${cell(i, "findings", formatInt(findingsTotal(p)))}` +
      `<td class="num">${formatInt(p.counts.error)}</td><td class="num">${formatInt(p.counts.warning)}</td><td class="num">${formatInt(p.counts.info)}</td>` +
      `${cell(i, "imageSize", p.imageSize !== undefined ? escapeHtml(formatBytes(p.imageSize)) : "")}` +
      `${cell(i, "contextBytes", p.contextBytes !== undefined ? escapeHtml(formatBytes(p.contextBytes)) : "")}</tr>`,
  );
  return (
    `<section id="history"><h2>History</h2>` +
    `<figure>${renderHistoryChart(history)}<figcaption>${plural(history.length, "audit")}, oldest first; circled points jumped against the audit before.</figcaption></figure>` +
    jumpList +
    `<details><summary>All audits</summary><table class="history-table"><thead><tr><th>Audited</th><th>Revision</th><th>Score</th><th>Findings</th><th>Errors</th><th>Warnings</th><th>Info</th><th>Image</th><th>Context</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></details></section>`
  );
}

/** "No Dockerfile: here is what goship would write" (report.generated), or nothing. */
export function renderGenerated(files: readonly GeneratedFileInfo[] | undefined): string {
  if (files === undefined || files.length === 0) return "";
  const blocks = files.map(
    (f) => `<details class="generated" open><summary><code>${text(f.path)}</code></summary><pre><code>${text(f.content)}</code></pre></details>`,
  );
  return `<section id="generated"><h2>What goship init would write</h2><p>The repository has no Dockerfile; <code>goship init</code> would write:</p>${blocks.join("")}</section>`;
}
