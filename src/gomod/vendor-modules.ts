/**
 * parseVendorModules: vendor/modules.txt as the go command reads it,
 * mirroring cmd/go/internal/modload readVendorList (Go 1.26):
 *   `# path version [=> new [version]]`  a module (version must be valid semver),
 *   `# path => new [version]`            a wildcard replacement,
 *   `## explicit; go 1.21`               annotations of the preceding module
 *                                        (union across lines; other words reserved),
 *   `path/to/pkg`                        a vendored package of the preceding module
 *                                        (one field, valid import path).
 * Lines the go command ignores (a `# ` line it cannot read, text before any
 * module, package lines that are not import paths, replacements it does not
 * understand) are reported as problems with their line numbers.
 *
 * Leaves out the consistency check against go.mod (checkVendorConsistency)
 * and the "go version too new" fatal error.
 */
import { fieldsBytes, trimSpaceBytes } from "../golang/strings.js";
import { fromBytes, toBytes } from "../golang/utf8.js";
import { checkImportPath } from "./module-path.js";
import { isValidSemver } from "./semver.js";

export interface VendorModule {
  readonly path: string;
  /** "" for a wildcard replacement line (`# path => ...`). */
  readonly version: string;
  readonly line: number;
  /** `## explicit`: listed in the main module's go.mod. */
  readonly explicit: boolean;
  /** `## go 1.x`: the module's go version, or "". */
  readonly goVersion: string;
  readonly replacement: { readonly path: string; readonly version: string } | null;
  readonly packages: readonly { readonly path: string; readonly line: number }[];
}

export interface VendorProblem {
  readonly line: number;
  readonly message: string;
}

export interface VendorModules {
  readonly file: string;
  readonly modules: readonly VendorModule[];
  readonly problems: readonly VendorProblem[];
}

interface Mut {
  path: string;
  version: string;
  line: number;
  explicit: boolean;
  goVersion: string;
  replacement: { path: string; version: string } | null;
  packages: { path: string; line: number }[];
}

/** Reads vendor/modules.txt text. */
export function parseVendorModules(text: string, file = "vendor/modules.txt"): VendorModules {
  const modules: Mut[] = [];
  const byKey = new Map<string, Mut>();
  const problems: VendorProblem[] = [];
  let mod: Mut | null = null;
  const lines = toBytes(text).split("\n");
  lines.forEach((line, i) => {
    const lineno = i + 1;
    if (line.startsWith("# ")) {
      let f = fieldsBytes(line);
      if (f.length < 3) {
        problems.push({ line: lineno, message: "module line needs a path and a version (ignored)" });
        return;
      }
      let path = f[1] as string;
      let version: string;
      if (isValidSemver(f[2] as string)) {
        version = f[2] as string;
        f = f.slice(3);
      } else if (f[2] === "=>") {
        version = "";
        f = f.slice(2);
      } else {
        problems.push({ line: lineno, message: `invalid version ${JSON.stringify(fromBytes(f[2] as string))} (line ignored)` });
        mod = null;
        return;
      }
      path = fromBytes(path);
      const key = `${path}@${version}`;
      let m = byKey.get(key);
      if (!m) {
        m = { path, version, line: lineno, explicit: false, goVersion: "", replacement: null, packages: [] };
        byKey.set(key, m);
        modules.push(m);
      }
      mod = m;
      if (f.length >= 2 && f[0] === "=>") {
        if (f.length === 2) m.replacement = { path: fromBytes(f[1] as string), version: "" };
        else if (f.length === 3 && isValidSemver(f[2] as string)) {
          m.replacement = { path: fromBytes(f[1] as string), version: fromBytes(f[2] as string) };
        } else problems.push({ line: lineno, message: "replacement not understood (ignored)" });
      }
      return;
    }
    if (!mod) {
      if (trimSpaceBytes(line) !== "") problems.push({ line: lineno, message: "line before any module line (ignored)" });
      return;
    }
    if (line.startsWith("## ")) {
      for (let entry of line.slice(3).split(";")) {
        entry = trimSpaceBytes(entry);
        if (entry === "explicit") mod.explicit = true;
        if (entry.startsWith("go ")) mod.goVersion = fromBytes(entry.slice(3));
      }
      return;
    }
    const f = fieldsBytes(line);
    if (f.length === 1 && checkImportPath(f[0] as string) === null) {
      mod.packages.push({ path: fromBytes(f[0] as string), line: lineno });
    } else if (f.length > 0) {
      problems.push({ line: lineno, message: "not a package import path (ignored)" });
    }
  });
  return Object.freeze({
    file,
    modules: Object.freeze(modules.map((m) => Object.freeze({ ...m, packages: Object.freeze(m.packages) }))),
    problems: Object.freeze(problems),
  });
}
