/**
 * module.EscapePath / EscapeVersion (golang.org/x/mod v0.43.0), the
 * case-encoding of module paths and versions in checksum database and proxy
 * URLs: every upper-case ASCII letter becomes "!" + its lower-case form; "!"
 * and non-ASCII characters are not allowed. The path must be a valid module
 * path (module.CheckPath, from src/gomod).
 *
 * Leaves out UnescapePath (goship never serves these URLs).
 */
import { checkModulePath } from "../../gomod/module-path.js";

export class ModuleEscapeError extends Error {
  override readonly name = "ModuleEscapeError";
}

function escapeString(s: string): string | null {
  let out = "";
  for (const c of s) {
    const r = c.codePointAt(0) as number;
    if (c === "!" || r >= 0x80) return null;
    out += r >= 0x41 && r <= 0x5a ? "!" + c.toLowerCase() : c;
  }
  return out;
}

export function escapeModulePath(path: string): string {
  const bad = /[^\x00-\x7f]/.test(path) ? `malformed module path ${JSON.stringify(path)}: invalid char` : checkModulePath(path);
  if (bad !== null) throw new ModuleEscapeError(bad);
  const e = escapeString(path);
  if (e === null) throw new ModuleEscapeError(`internal error: inconsistency in EscapePath`);
  return e;
}

export function escapeModuleVersion(v: string): string {
  const e = escapeString(v);
  if (e === null || v === "" || v.includes("/") || /[\x00-\x20\x7f"'*<>?`|\\:]/.test(v)) {
    throw new ModuleEscapeError(`disallowed version string ${JSON.stringify(v)}`);
  }
  return e;
}
