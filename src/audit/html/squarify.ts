/**
 * The squarified treemap layout (Bruls, Huizing and van Wijk, 2000): splits a
 * rectangle into one rectangle per value, each with an area proportional to
 * its value and aspect ratios kept close to 1. Values are placed largest
 * first, in rows along the shorter side; a row grows while that does not make
 * its worst aspect ratio worse. Pure: numbers in, rectangles out.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * One rectangle per value, in the order of `values` (null for a value <= 0 or
 * not finite). The rectangles tile `rect` exactly: their areas sum to its area
 * and they do not overlap.
 */
export function squarify(values: readonly number[], rect: Rect): (Rect | null)[] {
  const out: (Rect | null)[] = values.map(() => null);
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((e) => Number.isFinite(e.v) && e.v > 0)
    .sort((a, b) => b.v - a.v || a.i - b.i);
  const total = order.reduce((s, e) => s + e.v, 0);
  if (order.length === 0 || rect.w <= 0 || rect.h <= 0) return out;
  const scale = (rect.w * rect.h) / total;
  const items = order.map((e) => ({ i: e.i, a: e.v * scale }));

  let free: Rect = rect;
  let row: { i: number; a: number }[] = [];
  let k = 0;
  while (k < items.length) {
    const item = items[k]!;
    const side = Math.min(free.w, free.h);
    if (row.length === 0 || worst([...row, item], side) <= worst(row, side)) {
      row.push(item);
      k++;
      continue;
    }
    free = placeRow(row, free, false, out);
    row = [];
  }
  placeRow(row, free, true, out);
  return out;
}

/** The largest aspect ratio (>= 1) of a row of areas laid along a side of length `side`. */
export function worst(row: readonly { a: number }[], side: number): number {
  let sum = 0;
  let min = Infinity;
  let max = 0;
  for (const r of row) {
    sum += r.a;
    min = Math.min(min, r.a);
    max = Math.max(max, r.a);
  }
  const s2 = sum * sum;
  const w2 = side * side;
  return Math.max((w2 * max) / s2, s2 / (w2 * min));
}

// Lays the row along the shorter side of `free` and returns what is left.
// The last row takes all of `free`, so rounding never leaves a sliver.
function placeRow(row: readonly { i: number; a: number }[], free: Rect, last: boolean, out: (Rect | null)[]): Rect {
  const sum = row.reduce((s, r) => s + r.a, 0);
  if (free.w >= free.h) {
    // A column on the left, items stacked top to bottom.
    const w = last ? free.w : Math.min(free.w, sum / free.h);
    let y = free.y;
    row.forEach((r, j) => {
      const h = j === row.length - 1 ? free.y + free.h - y : (r.a / sum) * free.h;
      out[r.i] = { x: free.x, y, w, h };
      y += h;
    });
    return { x: free.x + w, y: free.y, w: free.w - w, h: free.h };
  }
  // A row on top, items left to right.
  const h = last ? free.h : Math.min(free.h, sum / free.w);
  let x = free.x;
  row.forEach((r, j) => {
    const w = j === row.length - 1 ? free.x + free.w - x : (r.a / sum) * free.w;
    out[r.i] = { x, y: free.y, w, h };
    x += w;
  });
  return { x: free.x, y: free.y + h, w: free.w, h: free.h - h };
}
