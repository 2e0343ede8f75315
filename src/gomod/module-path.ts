/**
 * Module and import path rules: a port of golang.org/x/mod/module (v0.43.0)
 * CheckPath, CheckImportPath, SplitPathVersion and CheckPathMajor, with the
 * exact error texts (`malformed module path "x": missing dot in first path
 * element`, `version "v1.0.0" invalid: should be v2, not v1`).
 *
 * Strings are byte strings (see src/golang/utf8.ts). Leaves out file paths
 * (CheckFilePath), escaping (EscapePath/EscapeVersion) and pseudo-versions.
 */
import { goQuoteBytes, goQuoteRuneBytes } from "../golang/strconv-quote.js";
import { decodeRune, validUtf8 } from "../golang/utf8.js";
import { semverBuild, semverMajor } from "./semver.js";

type PathKind = "module" | "import";

function modPathOK(r: number): boolean {
  return (
    r === 0x2d || r === 0x2e || r === 0x5f || r === 0x7e ||
    (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a)
  );
}

function firstPathOK(r: number): boolean {
  return r === 0x2d || r === 0x2e || (r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a);
}

const BAD_WINDOWS_NAMES = [
  "CON", "PRN", "AUX", "NUL",
  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
  "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

function runesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out.push(r);
    i += n;
  }
  return out;
}

function checkElem(elem: string, kind: PathKind): string | null {
  if (elem === "") return "empty path element";
  if (/^\.*$/.test(elem)) return `invalid path element ${goQuoteBytes(elem)}`;
  if (elem[0] === "." && kind === "module") return "leading dot in path element";
  if (elem[elem.length - 1] === ".") return "trailing dot in path element";
  for (const r of runesOf(elem)) {
    const ok = kind === "module" ? modPathOK(r) : modPathOK(r) || r === 0x2b;
    if (!ok) return `invalid char ${goQuoteRuneBytes(r)}`;
  }
  let short = elem;
  const dot = short.indexOf(".");
  if (dot >= 0) short = short.slice(0, dot);
  for (const bad of BAD_WINDOWS_NAMES) {
    if (bad.toLowerCase() === short.toLowerCase()) {
      return `${goQuoteBytes(short)} disallowed as path element component on Windows`;
    }
  }
  const tilde = short.lastIndexOf("~");
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return "trailing tilde and digits in path element";
  }
  return null;
}

function checkPath(path: string, kind: PathKind): string | null {
  if (!validUtf8(path)) return "invalid UTF-8";
  if (path === "") return "empty string";
  if (path[0] === "-") return "leading dash";
  if (path.includes("//")) return "double slash";
  if (path[path.length - 1] === "/") return "trailing slash";
  let elemStart = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "/") {
      const err = checkElem(path.slice(elemStart, i), kind);
      if (err) return err;
      elemStart = i + 1;
    }
  }
  return checkElem(path.slice(elemStart), kind);
}

/** module.CheckPath: null if `path` is a valid module path, else x/mod's error text. */
export function checkModulePath(path: string): string | null {
  const reason = checkModulePathReason(path);
  return reason === null ? null : `malformed module path ${goQuoteBytes(path)}: ${reason}`;
}

function checkModulePathReason(path: string): string | null {
  const err = checkPath(path, "module");
  if (err) return err;
  let i = path.indexOf("/");
  if (i < 0) i = path.length;
  if (i === 0) return "leading slash";
  const first = path.slice(0, i);
  if (!first.includes(".")) return "missing dot in first path element";
  if (path[0] === "-") return "leading dash in first path element";
  for (const r of runesOf(first)) {
    if (!firstPathOK(r)) return `invalid char ${goQuoteRuneBytes(r)} in first path element`;
  }
  if (!splitPathVersion(path).ok) return "invalid version";
  return null;
}

/** module.CheckImportPath: null if valid, else x/mod's error text. */
export function checkImportPath(path: string): string | null {
  const err = checkPath(path, "import");
  return err === null ? null : `malformed import path ${goQuoteBytes(path)}: ${err}`;
}

/** Result of module.SplitPathVersion. */
export interface SplitPath {
  readonly prefix: string;
  /** "/v2", ".v1" (gopkg.in) or "". */
  readonly pathMajor: string;
  readonly ok: boolean;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** module.SplitPathVersion. */
export function splitPathVersion(path: string): SplitPath {
  if (path.startsWith("gopkg.in/")) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && (isDigit(path[i - 1]) || path[i - 1] === ".")) {
    if (path[i - 1] === ".") dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== "v" || path[i - 2] !== "/") {
    return { prefix: path, pathMajor: "", ok: true };
  }
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === "0" || pathMajor === "/v1") {
    return { prefix: path, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}

function splitGopkgIn(path: string): SplitPath {
  let i = path.length;
  if (path.endsWith("-unstable")) i -= "-unstable".length;
  while (i > 0 && isDigit(path[i - 1])) i--;
  if (i <= 1 || path[i - 1] !== "v" || path[i - 2] !== ".") return { prefix: path, pathMajor: "", ok: false };
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === "0" && pathMajor !== ".v0")) {
    return { prefix: path, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}

/** module.CheckPathMajor: null if version `v` fits the path's major suffix, else the InvalidVersionError text. */
export function checkPathMajor(v: string, pathMajor: string): string | null {
  if (pathMajor.startsWith(".v") && pathMajor.endsWith("-unstable")) {
    pathMajor = pathMajor.slice(0, pathMajor.length - "-unstable".length);
  }
  if (v.startsWith("v0.0.0-") && pathMajor === ".v1") return null;
  const m = semverMajor(v);
  if (pathMajor === "") {
    if (m === "v0" || m === "v1" || semverBuild(v) === "+incompatible") return null;
    pathMajor = "v0 or v1";
  } else if (pathMajor[0] === "/" || pathMajor[0] === ".") {
    if (m === pathMajor.slice(1)) return null;
    pathMajor = pathMajor.slice(1);
  }
  return `version ${goQuoteBytes(v)} invalid: should be ${pathMajor}, not ${m}`;
}

