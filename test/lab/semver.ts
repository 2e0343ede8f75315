/**
 * Just enough semantic versioning for a module proxy (golang.org/x/mod/semver
 * rules for canonical "vMAJOR.MINOR.PATCH[-pre][+build]" versions): compare,
 * spot pre-releases and pseudo-versions. Leaves out "+incompatible" handling
 * beyond ignoring build metadata, and shorthand versions like "v1.2".
 */

interface Parsed {
  readonly nums: readonly [number, number, number];
  readonly pre: readonly string[];
}

function parse(v: string): Parsed | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  if (!m) return undefined;
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] === undefined ? [] : m[4].split(".") };
}

export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

export function isPrerelease(v: string): boolean {
  return (parse(v)?.pre.length ?? 0) > 0;
}

/** v0.0.0-20191109021931-daa7c04131f5, vX.Y.Z-pre.0.2019...-abcdef123456, ... */
export function isPseudoVersion(v: string): boolean {
  return /(?:^v\d+\.\d+\.\d+-|\.0\.|-0\.)\d{14}-[0-9a-f]{12}(?:\+[0-9A-Za-z.-]+)?$/.test(v);
}

/** -1, 0 or 1; invalid versions sort before valid ones. */
export function compare(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  for (let i = 0; i < 3; i++) {
    const d = (pa.nums[i] as number) - (pb.nums[i] as number);
    if (d !== 0) return Math.sign(d);
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pa.pre.length === pb.pre.length ? 0 : pa.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y)) || Math.sign(x.length - y.length);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
