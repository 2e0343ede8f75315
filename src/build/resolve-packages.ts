/**
 * Which main packages `goship build` builds (pure, over scanProject's
 * result): the packages the user named (`./cmd/x`, `cmd/x`, `.` or a full
 * import path), or the only main package when none is named. Refuses a
 * module that needs cgo (goship build links static CGO_ENABLED=0 binaries)
 * with the reasons and the way out, and a path that is not a main package.
 * Leaves out `...` patterns.
 */
import { UsageError } from "../diagnostic/located-error.js";
import type { GoProject, MainPackage } from "../goproject/project.js";

export class CgoRequiredError extends UsageError {}

function norm(p: string): string {
  const s = p.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/\/+$/, "");
  return s === "" ? "." : s;
}

export function resolvePackages(project: GoProject, wanted: readonly string[]): readonly MainPackage[] {
  if (project.usesCgo) {
    const why = project.cgoReasons.map((r) => `  - ${r.source}: ${r.why}`).join("\n");
    throw new CgoRequiredError(
      `${project.modulePath} needs cgo:\n${why}\ngoship build links static binaries (CGO_ENABLED=0) onto a libc-free base. ` +
        "Build this service from a Dockerfile with a glibc runtime instead: goship init --profile debian-slim",
    );
  }
  const mains = project.mainPackages;
  const list = mains.map((m) => (m.dir === "." ? "." : `./${m.dir}`)).join(", ");
  if (wanted.length === 0) {
    if (mains.length === 1) return mains;
    if (mains.length === 0) throw new UsageError(`${project.modulePath}: no main package to build`);
    throw new UsageError(`${project.modulePath} has ${mains.length} main packages (${list}): name the ones to build`);
  }
  return wanted.map((w) => {
    const m = mains.find((x) => x.importPath === w || x.dir === norm(w));
    if (m === undefined) throw new UsageError(`${w} is not a main package of ${project.modulePath}${mains.length ? ` (main packages: ${list})` : " (it has none)"}`);
    return m;
  });
}
