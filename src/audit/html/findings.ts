/**
 * The findings tables of the HTML audit report: one per area, errors first,
 * with rule ID, severity, file:line and message (and the fix when there is
 * one), plus the filter bar the inline script brings to life. Pure.
 */
import { compareFindings, severityRank, type Finding } from "../../finding/finding.js";
import type { AreaResult } from "../types.js";
import { escapeHtml, text } from "./escape.js";
import { formatInt } from "./format.js";
import { location, scoreClass, severityBadge, statusBadge } from "./sections.js";

/** Errors first, then the common finding order (file, line, column, rule, message). */
export function orderFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b));
}

// Sorts by file, then numerically by line: "Dockerfile<TAB>000000012<TAB>000005".
function locationKey(f: Finding): string {
  return `${f.file}\t${String(Math.max(0, f.line)).padStart(9, "0")}\t${String(Math.max(0, f.column)).padStart(6, "0")}`;
}

function row(f: Finding): string {
  const fix = f.fix !== undefined ? `<div class="fix">${f.fix.safety === "safe" ? "Fix" : "Suggestion"}: ${text(f.fix.description)}</div>` : "";
  const col = f.column > 0 ? ` title="column ${f.column}"` : "";
  return (
    `<tr data-severity="${escapeHtml(f.severity)}">` +
    `<td data-sort="${severityRank(f.severity)}">${severityBadge(f.severity)}</td>` +
    `<td class="rule"><code>${text(f.ruleId)}</code></td>` +
    `<td class="loc" data-sort="${text(locationKey(f))}"><code${col}>${text(location(f.file, f.line))}</code></td>` +
    `<td>${text(f.message)}${fix}</td></tr>`
  );
}

function areaBlock(a: AreaResult): string {
  const head =
    `<h3>${escapeHtml(a.area)} ${statusBadge(a.status)} <span class="score-chip score-${scoreClass(a.score)}">${a.score === null ? "not scored" : `${formatInt(a.score)}/100`}</span></h3>` +
    `<p class="summary">${text(a.summary)}</p>` +
    (a.note !== undefined && a.note !== "" ? `<p class="note">${text(a.note)}</p>` : "");
  const body =
    a.findings.length === 0
      ? `<p class="empty">No findings.</p>`
      : `<table class="sortable findings" data-area="${escapeHtml(a.area)}"><thead><tr>` +
        `<th data-type="num" aria-sort="descending">Severity</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead>` +
        `<tbody>${orderFindings(a.findings).map(row).join("")}</tbody></table>`;
  return `<section class="area" id="area-${escapeHtml(a.area)}">${head}${body}</section>`;
}

export function renderFindings(areas: readonly AreaResult[]): string {
  const total = areas.reduce((s, a) => s + a.findings.length, 0);
  const controls =
    total === 0
      ? ""
      : `<div class="controls" data-target="table.findings" hidden>` +
        `<label>Filter <input type="search" placeholder="rule, file or text"></label> ` +
        `<label><input type="checkbox" data-severity="error" checked> errors</label> ` +
        `<label><input type="checkbox" data-severity="warning" checked> warnings</label> ` +
        `<label><input type="checkbox" data-severity="info" checked> info</label> ` +
        `<span class="count"></span></div>`;
  return `<section id="findings"><h2>Findings</h2>${controls}${areas.map(areaBlock).join("")}</section>`;
}
