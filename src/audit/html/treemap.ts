/**
 * The build-context treemap: lays out report.context.tree (folders nested in
 * folders, areas proportional to bytes) with the squarified algorithm and
 * renders it as inline SVG, one <rect> per folder or file with a <title>
 * tooltip. Folders are drawn under their children with a padding (and a
 * label strip when there is room), so siblings stay proportional to each
 * other and the top-level entries are proportional to the whole context.
 */
import type { ContextNode } from "../types.js";
import { escapeHtml, text, truncate } from "./escape.js";
import { formatBytes, formatInt, num } from "./format.js";
import { squarify, type Rect } from "./squarify.js";

export interface TreemapOptions {
  readonly width: number;
  readonly height: number;
  /** Levels below the root that are drawn. */
  readonly maxDepth: number;
  /** Inset of a folder's children inside the folder's rectangle. */
  readonly padding: number;
  /** Height of a folder's label strip, when the folder is tall enough. */
  readonly header: number;
}

export const TREEMAP_DEFAULTS: TreemapOptions = { width: 960, height: 440, maxDepth: 3, padding: 3, header: 16 };

export interface TreemapCell {
  readonly node: ContextNode;
  /** 1 for the root's children. */
  readonly depth: number;
  readonly rect: Rect;
  /** Index of the top-level entry this cell is under (its colour). */
  readonly branch: number;
  /** True when its children are drawn inside it. */
  readonly open: boolean;
}

/** The cells of the treemap, parents before their children. Pure. */
export function layoutTreemap(tree: ContextNode, opts: TreemapOptions = TREEMAP_DEFAULTS): TreemapCell[] {
  const cells: TreemapCell[] = [];
  const visit = (node: ContextNode, rect: Rect, depth: number, branch: number): void => {
    const kids = (node.children ?? []).filter((k) => Number.isFinite(k.bytes) && k.bytes > 0);
    if (kids.length === 0 || depth >= opts.maxDepth) return;
    const inner = depth === 0 ? rect : inset(rect, opts);
    if (inner === null) return;
    const values = kids.map((k) => k.bytes);
    // Bytes of the folder not listed among its children (files cut upstream) keep their share.
    const listed = values.reduce((s, v) => s + v, 0);
    if (node.bytes > listed) values.push(node.bytes - listed);
    const rects = squarify(values, inner);
    kids.forEach((kid, i) => {
      const r = rects[i];
      if (r === null || r === undefined || r.w < 1 || r.h < 1) return;
      const b = depth === 0 ? i : branch;
      const index = cells.length;
      cells.push({ node: kid, depth: depth + 1, rect: r, branch: b, open: false });
      const before = cells.length;
      visit(kid, r, depth + 1, b);
      if (cells.length > before) cells[index] = { ...cells[index]!, open: true };
    });
  };
  visit(tree, { x: 0, y: 0, w: opts.width, h: opts.height }, 0, 0);
  if (cells.length === 0 && tree.bytes > 0) {
    cells.push({ node: tree, depth: 1, rect: { x: 0, y: 0, w: opts.width, h: opts.height }, branch: 0, open: false });
  }
  return cells;
}

// The area a folder's children get: inside the padding, under the label strip when it fits.
function inset(r: Rect, o: TreemapOptions): Rect | null {
  const top = r.h >= o.header + 2 * o.padding + 12 && r.w >= 48 ? o.header : o.padding;
  const w = r.w - 2 * o.padding;
  const h = r.h - top - o.padding;
  if (w < 4 || h < 4) return null;
  return { x: r.x + o.padding, y: r.y + top, w, h };
}

const CHAR_W = 6.4;

/** The treemap as an inline SVG element (or a sentence when there is nothing to draw). */
export function renderTreemap(tree: ContextNode, opts: TreemapOptions = TREEMAP_DEFAULTS): string {
  const cells = layoutTreemap(tree, opts);
  if (cells.length === 0) return `<p class="empty">The build context is empty.</p>`;
  const out: string[] = [];
  out.push(
    `<svg class="treemap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${opts.width} ${opts.height}" ` +
      `role="img" aria-label="Treemap of the build context, ${escapeHtml(formatBytes(tree.bytes))}">`,
  );
  for (const c of cells) {
    const { x, y, w, h } = c.rect;
    const folder = c.node.children !== undefined;
    const name = c.node.name + (folder ? "/" : "");
    const tip = `${c.node.path || c.node.name}${folder ? "/" : ""} — ${formatBytes(c.node.bytes)} · ${formatInt(c.node.files)} file${c.node.files === 1 ? "" : "s"}`;
    out.push(
      `<g class="tm-cell c${c.branch % 8} d${Math.min(c.depth, 4)}${c.open ? " open" : ""}">` +
        `<rect class="tm" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ` +
        `data-path="${text(c.node.path)}" data-bytes="${c.node.bytes}" data-depth="${c.depth}">` +
        `<title>${text(tip)}</title></rect>`,
    );
    const maxChars = Math.floor((w - 6) / CHAR_W);
    if (c.open) {
      // The label strip above the children.
      if (maxChars >= 4 && h >= 28) {
        const label = truncate(`${name} ${formatBytes(c.node.bytes)}`, maxChars);
        out.push(`<text x="${num(x + 4)}" y="${num(y + 12)}">${text(label)}</text>`);
      }
    } else if (maxChars >= 4 && h >= 16) {
      out.push(`<text x="${num(x + 4)}" y="${num(y + 13)}">${text(truncate(name, maxChars))}</text>`);
      if (h >= 30) {
        out.push(`<text class="size" x="${num(x + 4)}" y="${num(y + 26)}">${text(truncate(formatBytes(c.node.bytes), maxChars))}</text>`);
      }
    }
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join("");
}
