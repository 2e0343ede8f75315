/**
 * The HTML audit report (`goship audit --html report.html`): one
 * self-contained page from an AuditReport, with no remote loads (a
 * Content-Security-Policy allows only its own inline style and script, by
 * hash), readable in light and dark, printable, and byte-for-byte the same
 * for the same report. Pure: returns the page; the CLI writes it.
 */
import { createHash } from "node:crypto";
import type { AuditReport } from "../types.js";
import { escapeHtml, text } from "./escape.js";
import { renderFindings } from "./findings.js";
import { SCRIPT } from "./script.js";
import {
  renderContext,
  renderDependencies,
  renderGates,
  renderGenerated,
  renderHeader,
  renderHistory,
  renderImage,
  renderScoreCards,
  renderTopFixes,
} from "./sections.js";
import { STYLES } from "./styles.js";

export { escapeHtml } from "./escape.js";
export { squarify, type Rect } from "./squarify.js";
export { layoutTreemap, renderTreemap, TREEMAP_DEFAULTS, type TreemapCell, type TreemapOptions } from "./treemap.js";
export { findAnomalies, renderHistoryChart, JUMP_THRESHOLDS, type Anomaly } from "./history.js";
export { renderLayerBars } from "./layers.js";

function sha256(s: string): string {
  return `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
}

/** The page's policy: nothing remote, nothing inline but this page's own style and script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLES)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const SECTIONS: readonly [string, string][] = [
  ["areas", "Areas"],
  ["top-fixes", "Top fixes"],
  ["findings", "Findings"],
  ["gates", "Gates"],
  ["context", "Build context"],
  ["image", "Image"],
  ["dependencies", "Dependencies"],
  ["history", "History"],
];

export function renderAuditHtml(report: AuditReport): string {
  const nav = `<nav class="toc">${SECTIONS.map(([id, label]) => `<a href="#${id}">${escapeHtml(label)}</a>`).join("")}</nav>`;
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light dark">`,
    `<meta name="generator" content="goship ${text(report.tool.version)}">`,
    `<title>goship audit: ${text(report.root)}</title>`,
    `<style>${STYLES}</style>`,
    "</head>",
    "<body>",
    renderHeader(report),
    nav,
    "<main>",
    renderScoreCards(report.areas),
    renderTopFixes(report.topFixes),
    renderFindings(report.areas),
    renderGenerated(report.generated),
    renderGates(report.gates),
    renderContext(report.context),
    renderImage(report.image),
    renderDependencies(report.dependencies),
    renderHistory(report.history),
    "</main>",
    `<footer>goship ${text(report.tool.version)} · audit report format ${report.version} · generated ${escapeHtml(report.createdAt)}</footer>`,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
