/**
 * The builder image tag from go.mod: the `go` line's version, or the
 * `toolchain` line's when that is newer (the go command would switch to it),
 * never older than the `go` line. golang images are tagged by these version
 * strings (1.26, 1.26.3, 1.27rc1). Leaves out GOTOOLCHAIN=<name>+auto
 * semantics and `toolchain default`.
 */
import { LocatedError } from "../diagnostic/located-error.js";
import type { GoMod } from "../gomod/go-mod.js";

interface GoVersion {
  readonly nums: readonly number[];
  /** "" for a release; "rc1", "beta2" otherwise. */
  readonly pre: string;
}

function parseGoVersion(v: string): GoVersion | null {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:rc|beta)\d+)?$/.exec(v);
  if (!m) return null;
  return { nums: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ?? "" };
}

/** Version order close to gover.Compare, simplified: 1.26beta1 < 1.26rc1 < 1.26 == 1.26.0 < 1.26.1. */
export function compareGoVersions(a: string, b: string): number {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return (x.nums[i] as number) - (y.nums[i] as number);
  if (x.pre === y.pre) return 0;
  if (x.pre === "") return 1;
  if (y.pre === "") return -1;
  const rank = (p: string): [number, number] => [p.startsWith("rc") ? 1 : 0, Number(p.replace(/^\D+/, ""))];
  const [rx, nx] = rank(x.pre);
  const [ry, ny] = rank(y.pre);
  return rx !== ry ? rx - ry : nx - ny;
}

/** The golang image tag for this go.mod ("1.26", "1.26.8"). */
export function goImageTag(goMod: GoMod): string {
  if (!goMod.go) {
    const at = goMod.module?.range;
    throw new LocatedError("go.mod has no go directive: goship needs it to choose the golang builder image (run `go mod edit -go=<version>`)", goMod.file, at);
  }
  let tag = goMod.go.version;
  if (!parseGoVersion(tag)) throw new LocatedError(`go ${tag}: not a Go version goship can map to a golang image tag`, goMod.file, goMod.go.range);
  const tc = goMod.toolchain?.name;
  if (tc && tc.startsWith("go")) {
    const v = tc.slice(2).replace(/-.*$/, "");
    if (parseGoVersion(v) && compareGoVersions(v, tag) > 0) tag = v;
  }
  return tag;
}
