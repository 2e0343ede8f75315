/**
 * Chart scaling for the HTML audit report: linear maps from data to SVG
 * coordinates and "nice" axis ticks (1, 2, 5 × 10^k steps from zero). Pure.
 */

/** A linear map taking d0..d1 onto r0..r1 (a zero-width domain maps to the middle). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The smallest 1, 2 or 5 × 10^k step at or above `raw` (and at least `min`). */
export function niceStep(raw: number, min = 0): number {
  if (!(raw > 0)) return Math.max(min, 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  return Math.max(min, clean(step));
}

export interface NiceAxis {
  /** Top of the axis: the first tick at or above the data's maximum. */
  readonly max: number;
  /** Ticks from 0 to max inclusive. */
  readonly ticks: readonly number[];
}

/**
 * An axis from 0 covering `dataMax` with about `count` steps. `integer` keeps
 * steps whole (for counts).
 */
export function niceAxis(dataMax: number, count = 4, integer = false): NiceAxis {
  const top = Number.isFinite(dataMax) && dataMax > 0 ? dataMax : 1;
  const step = niceStep(top / count, integer ? 1 : 0);
  const n = Math.max(1, Math.ceil(clean(top / step)));
  const ticks: number[] = [];
  for (let i = 0; i <= n; i++) ticks.push(clean(i * step));
  return { max: ticks[ticks.length - 1]!, ticks };
}

// 0.30000000000000004 → 0.3
function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
