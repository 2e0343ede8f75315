/**
 * Number, size and date formatting for the HTML audit report. Locale- and
 * clock-independent, so the same report always renders the same bytes.
 */
export { formatBytes } from "../../context/tree.js";

/** 1234567 → "1,234,567". */
export function formatInt(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/** "2026-11-24T15:37:47.123Z" → "2026-11-24 15:37 UTC"; anything else unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (m === null) return iso;
  const zone = m[3] === undefined || m[3] === "Z" ? "UTC" : m[3];
  return `${m[1]} ${m[2]} ${zone}`;
}

/** The date part of an ISO timestamp ("2026-11-24"), or the whole string. */
export function formatDay(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m?.[1] ?? iso;
}

/** A coordinate for SVG: at most 2 decimals, no "-0", no trailing zeros. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return "0";
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** "+34%" / "-5%" for a relative change. */
export function formatChange(ratio: number): string {
  const pct = Math.round(ratio * 100);
  return `${pct >= 0 ? "+" : ""}${pct}%`;
}

/** "sha256:0123456789ab…" → "0123456789ab" (12 hex digits). */
export function shortDigest(digest: string): string {
  const hex = digest.includes(":") ? digest.slice(digest.indexOf(":") + 1) : digest;
  return hex.slice(0, 12);
}
