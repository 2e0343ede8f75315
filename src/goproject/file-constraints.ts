/**
 * Whether a Go file's build constraints accept it, as go/build (Go 1.26)
 * decides: parseFileHeader finds the leading run of `//` comments and blank
 * lines (which must end with a blank line before the package clause) and any
 * `//go:build` line in it; a `//go:build` line controls when present (two of
 * them, or one that does not parse, is an error), otherwise every
 * `// +build` line of that header must be satisfied. `// +build` lines are
 * honoured in every module whatever its go version, as go/build still does
 * (the go command only stops *writing* them; `go vet` reports them).
 *
 * Input is a byte string (src/golang/utf8.ts). Leaves out
 * `//go:binary-only-package`.
 */
import { type ConstraintExpr, ConstraintSyntaxError, evalConstraint, isPlusBuildBytes, parseConstraintBytes } from "./build-constraint.js";
import { trimSpaceBytes } from "../golang/strings.js";

export interface FileHeader {
  /** The header (up to the last blank line before the first non-comment line). */
  readonly header: string;
  /** The `//go:build` line (trimmed), or null. */
  readonly goBuild: string | null;
  /** 1-based line of the `//go:build` line, or 0. */
  readonly goBuildLine: number;
  /** "multiple //go:build comments" when there are two, else "". */
  readonly error: string;
}

function isGoBuildComment(line: string): boolean {
  if (!line.startsWith("//go:build")) return false;
  const t = trimSpaceBytes(line);
  const rest = t.slice("//go:build".length);
  return rest.length === 0 || trimSpaceBytes(rest).length < rest.length;
}

/** go/build parseFileHeader. */
export function parseFileHeader(content: string): FileHeader {
  let end = 0;
  let p = 0;
  let ended = false;
  let inSlashStar = false;
  let goBuild: string | null = null;
  let goBuildLine = 0;
  let lineNo = 0;
  lines: while (p < content.length) {
    lineNo++;
    const nl = content.indexOf("\n", p);
    let line = nl >= 0 ? content.slice(p, nl) : content.slice(p);
    p = nl >= 0 ? nl + 1 : content.length;
    line = trimSpaceBytes(line);
    if (line.length === 0 && !ended) {
      end = p;
      continue;
    }
    if (!line.startsWith("//")) ended = true;
    if (!inSlashStar && isGoBuildComment(line)) {
      if (goBuild !== null) return { header: "", goBuild: null, goBuildLine: 0, error: "multiple //go:build comments" };
      goBuild = line;
      goBuildLine = lineNo;
    }
    for (;;) {
      if (line.length === 0) continue lines;
      if (inSlashStar) {
        const i = line.indexOf("*/");
        if (i >= 0) {
          inSlashStar = false;
          line = trimSpaceBytes(line.slice(i + 2));
          continue;
        }
        continue lines;
      }
      if (line.startsWith("//")) continue lines;
      if (line.startsWith("/*")) {
        inSlashStar = true;
        line = trimSpaceBytes(line.slice(2));
        continue;
      }
      break lines;
    }
  }
  return { header: content.slice(0, end), goBuild, goBuildLine, error: "" };
}

export interface ConstraintOutcome {
  readonly ok: boolean;
  /** "" when fine; "multiple" for two //go:build lines; "parse" for one that does not parse. */
  readonly kind: "" | "multiple" | "parse";
  /** go/build's error for a bad header (`parsing //go:build line: …`), else "". */
  readonly error: string;
  /** 1-based line of the offending `//go:build` line (0 when unknown). */
  readonly line: number;
}

/**
 * go/build shouldBuild (`matchTag` answers one tag) when `strict`; with
 * `strict` false, cmd/go/internal/imports.ShouldBuild, which treats errors as
 * "do not build".
 */
export function shouldBuild(content: string, matchTag: (tag: string) => boolean): ConstraintOutcome {
  const h = parseFileHeader(content);
  if (h.error !== "") return { ok: false, kind: "multiple", error: h.error, line: 0 };
  if (h.goBuild !== null) {
    let x: ConstraintExpr;
    try {
      x = parseConstraintBytes(h.goBuild);
    } catch (e) {
      if (!(e instanceof ConstraintSyntaxError)) throw e;
      return { ok: false, kind: "parse", error: `parsing //go:build line: ${e.message}`, line: h.goBuildLine };
    }
    return { ok: evalConstraint(x, matchTag), kind: "", error: "", line: 0 };
  }
  let ok = true;
  for (const raw of h.header.split("\n")) {
    const line = trimSpaceBytes(raw);
    if (!line.startsWith("//") || !line.includes("+build")) continue;
    if (!isPlusBuildBytes(line)) continue;
    let x: ConstraintExpr;
    try {
      x = parseConstraintBytes(line);
    } catch {
      continue;
    }
    if (!evalConstraint(x, matchTag)) ok = false;
  }
  return { ok, kind: "", error: "", line: 0 };
}
