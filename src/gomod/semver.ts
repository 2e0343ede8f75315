/**
 * Semantic versions as Go modules use them: a port of golang.org/x/mod/semver
 * (v0.43.0): IsValid, Canonical, Major, Prerelease, Build, Compare, and
 * module.CanonicalVersion (which keeps "+incompatible"). Versions carry the
 * leading "v"; "v1" and "v1.2" are shorthands for v1.0.0 and v1.2.0.
 * Leaves out Max, MajorMinor and Sort.
 */

interface Parsed {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly short: string;
  readonly prerelease: string;
  readonly build: string;
}

function parseInt(v: string): [string, string] | null {
  if (v === "") return null;
  const c = v.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return null;
  let i = 1;
  while (i < v.length && v.charCodeAt(i) >= 0x30 && v.charCodeAt(i) <= 0x39) i++;
  if (v[0] === "0" && i !== 1) return null;
  return [v.slice(0, i), v.slice(i)];
}

function isIdentChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

function isBadNum(v: string): boolean {
  let i = 0;
  while (i < v.length && v.charCodeAt(i) >= 0x30 && v.charCodeAt(i) <= 0x39) i++;
  return i === v.length && i > 1 && v[0] === "0";
}

function isNum(v: string): boolean {
  let i = 0;
  while (i < v.length && v.charCodeAt(i) >= 0x30 && v.charCodeAt(i) <= 0x39) i++;
  return i === v.length;
}

function parsePrerelease(v: string): [string, string] | null {
  if (v === "" || v[0] !== "-") return null;
  let i = 1;
  let start = 1;
  while (i < v.length && v[i] !== "+") {
    const c = v.charCodeAt(i);
    if (!isIdentChar(c) && c !== 0x2e) return null;
    if (c === 0x2e) {
      if (start === i || isBadNum(v.slice(start, i))) return null;
      start = i + 1;
    }
    i++;
  }
  if (start === i || isBadNum(v.slice(start, i))) return null;
  return [v.slice(0, i), v.slice(i)];
}

function parseBuild(v: string): [string, string] | null {
  if (v === "" || v[0] !== "+") return null;
  let i = 1;
  let start = 1;
  while (i < v.length) {
    const c = v.charCodeAt(i);
    if (!isIdentChar(c) && c !== 0x2e) return null;
    if (c === 0x2e) {
      if (start === i) return null;
      start = i + 1;
    }
    i++;
  }
  if (start === i) return null;
  return [v.slice(0, i), v.slice(i)];
}

// A go.mod asks about each version several times (Canonical, Build, Major
// for the path-major check): parse each string once. Results are immutable;
// the memo is dropped when it grows past MEMO_LIMIT entries.
const memo = new Map<string, Parsed | null>();
const MEMO_LIMIT = 4096;

function parse(v: string): Parsed | null {
  let p = memo.get(v);
  if (p === undefined) {
    p = parseUncached(v);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(v, p);
  }
  return p;
}

function parseUncached(v: string): Parsed | null {
  if (v === "" || v[0] !== "v") return null;
  const ma = parseInt(v.slice(1));
  if (!ma) return null;
  const [major, r1] = ma;
  if (r1 === "") return { major, minor: "0", patch: "0", short: ".0.0", prerelease: "", build: "" };
  if (r1[0] !== ".") return null;
  const mi = parseInt(r1.slice(1));
  if (!mi) return null;
  const [minor, r2] = mi;
  if (r2 === "") return { major, minor, patch: "0", short: ".0", prerelease: "", build: "" };
  if (r2[0] !== ".") return null;
  const pa = parseInt(r2.slice(1));
  if (!pa) return null;
  let [patch, rest] = pa;
  let prerelease = "";
  let build = "";
  if (rest.length > 0 && rest[0] === "-") {
    const p = parsePrerelease(rest);
    if (!p) return null;
    [prerelease, rest] = p;
  }
  if (rest.length > 0 && rest[0] === "+") {
    const b = parseBuild(rest);
    if (!b) return null;
    [build, rest] = b;
  }
  if (rest !== "") return null;
  return { major, minor, patch, short: "", prerelease, build };
}

/** semver.IsValid. */
export function isValidSemver(v: string): boolean {
  return parse(v) !== null;
}

/** semver.Canonical: "" for an invalid version; the build suffix is dropped. */
export function canonicalSemver(v: string): string {
  const p = parse(v);
  if (!p) return "";
  if (p.build !== "") return v.slice(0, v.length - p.build.length);
  if (p.short !== "") return v + p.short;
  return v;
}

/** semver.Major: "v2" for "v2.1.0"; "" if invalid. */
export function semverMajor(v: string): string {
  const p = parse(v);
  return p ? v.slice(0, 1 + p.major.length) : "";
}

/** semver.Prerelease. */
export function semverPrerelease(v: string): string {
  return parse(v)?.prerelease ?? "";
}

/** semver.Build. */
export function semverBuild(v: string): string {
  return parse(v)?.build ?? "";
}

function compareInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

function nextIdent(x: string): [string, string] {
  let i = 0;
  while (i < x.length && x[i] !== ".") i++;
  return [x.slice(0, i), x.slice(i)];
}

function comparePrerelease(x: string, y: string): number {
  if (x === y) return 0;
  if (x === "") return 1;
  if (y === "") return -1;
  while (x !== "" && y !== "") {
    x = x.slice(1);
    y = y.slice(1);
    let dx: string;
    let dy: string;
    [dx, x] = nextIdent(x);
    [dy, y] = nextIdent(y);
    if (dx !== dy) {
      const ix = isNum(dx);
      const iy = isNum(dy);
      if (ix !== iy) return ix ? -1 : 1;
      if (ix && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
      return dx < dy ? -1 : 1;
    }
  }
  return x === "" ? -1 : 1;
}

/** semver.Compare: invalid versions sort before valid ones and equal each other. */
export function compareSemver(v: string, w: string): number {
  const pv = parse(v);
  const pw = parse(w);
  if (!pv && !pw) return 0;
  if (!pv) return -1;
  if (!pw) return 1;
  return (
    compareInt(pv.major, pw.major) ||
    compareInt(pv.minor, pw.minor) ||
    compareInt(pv.patch, pw.patch) ||
    comparePrerelease(pv.prerelease, pw.prerelease)
  );
}

/** module.CanonicalVersion: semver.Canonical, keeping a "+incompatible" build suffix. */
export function canonicalModuleVersion(v: string): string {
  let cv = canonicalSemver(v);
  if (semverBuild(v) === "+incompatible") cv += "+incompatible";
  return cv;
}
