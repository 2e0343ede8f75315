/**
 * The image layer sizes as an inline SVG bar chart: one horizontal bar per
 * layer (bottom layer first), length proportional to its compressed size,
 * labelled with the command that made it and its size, with the digest and
 * full command in a <title> tooltip. Pure.
 */
import type { ImageLayerInfo } from "../types.js";
import { escapeHtml, text, truncate } from "./escape.js";
import { formatBytes, num, shortDigest } from "./format.js";
import { linear } from "./scale.js";

export const BARS = { width: 960, label: 380, value: 80, row: 24, bar: 16, top: 4 } as const;

/** Bar length (in SVG units) of each layer: proportional to size, the largest fills the track. */
export function barLengths(layers: readonly ImageLayerInfo[], track: number): number[] {
  const max = Math.max(0, ...layers.map((l) => l.size));
  const x = linear(0, max > 0 ? max : 1, 0, track);
  return layers.map((l) => Math.max(0, x(l.size)));
}

/** A layer's label: its command without the shell prefix, or its short digest. */
export function layerLabel(l: ImageLayerInfo, i: number): string {
  const cmd = l.createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, "")
    .replace(/^\/bin\/sh -c\s+/, "RUN ")
    .replace(/\s+/g, " ")
    .trim();
  return `${i + 1}. ${cmd !== "" ? cmd : shortDigest(l.digest)}`;
}

export function renderLayerBars(layers: readonly ImageLayerInfo[]): string {
  if (layers.length === 0) return `<p class="empty">The image has no layers.</p>`;
  const { width, label, value, row, bar, top } = BARS;
  const track = width - label - value;
  const lengths = barLengths(layers, track);
  const height = top * 2 + layers.length * row;
  const total = layers.reduce((s, l) => s + l.size, 0);
  const out: string[] = [];
  out.push(
    `<svg class="layers" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" ` +
      `aria-label="${layers.length} image layers, ${escapeHtml(formatBytes(total))} compressed">`,
  );
  layers.forEach((l, i) => {
    const y = top + i * row;
    const share = total > 0 ? ` (${Math.round((l.size / total) * 100)}% of the layers)` : "";
    const tip = `${l.digest}\n${formatBytes(l.size)}${share}\n${l.mediaType}${l.createdBy ? `\n${l.createdBy}` : ""}`;
    out.push(`<g class="layer">`);
    out.push(`<text class="layer-label" x="${label - 8}" y="${num(y + bar - 3)}" text-anchor="end">${text(truncate(layerLabel(l, i), 58))}</text>`);
    out.push(`<rect class="track" x="${label}" y="${y}" width="${track}" height="${bar}"/>`);
    out.push(
      `<rect class="bar" x="${label}" y="${y}" width="${num(lengths[i]!)}" height="${bar}" data-size="${l.size}">` +
        `<title>${text(tip)}</title></rect>`,
    );
    out.push(`<text class="tick" x="${label + track + 6}" y="${num(y + bar - 3)}">${escapeHtml(formatBytes(l.size))}</text>`);
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return out.join("");
}
