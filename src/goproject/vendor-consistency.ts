/**
 * vendorConsistency: cmd/go's checkVendorConsistency (modload/vendor.go,
 * Go 1.26) for a single-module build: every go.mod requirement must be
 * `## explicit` in vendor/modules.txt (for go < 1.14 only the version must
 * agree), every `## explicit` module must be required, each go.mod replace
 * must be recorded as the same replacement, and each replacement recorded in
 * vendor/modules.txt must still exist in go.mod. Messages are the go
 * command's (`<path>@<version>: is explicitly required in go.mod, but not
 * marked as explicit in vendor/modules.txt`).
 *
 * Leaves out workspace vendoring (go.work) and the canonicalisation of
 * directory replacements (compared as written, after cleaning).
 */
import { posix } from "node:path";
import type { GoMod } from "../gomod/go-mod.js";
import type { VendorModule, VendorModules } from "../gomod/vendor-modules.js";
import { compareSemver } from "../gomod/semver.js";

function describe(path: string, version: string): string {
  return version === "" ? path : `${path}@${version}`;
}

function canonicalReplacement(path: string, version: string, local: boolean): string {
  return local ? posix.normalize(path) : describe(path, version);
}

function lessThan114(goVersion: string): boolean {
  const m = /^1\.(\d+)/.exec(goVersion);
  return m !== null && Number(m[1]) < 14;
}

/** The inconsistencies, in the go command's order; [] when consistent. */
export function vendorConsistency(mod: GoMod, vendor: VendorModules): string[] {
  const errs: string[] = [];
  const key = (p: string, v: string): string => `${p}@${v}`;
  const meta = new Map(vendor.modules.map((m) => [key(m.path, m.version), m]));
  // vendorList / vendorVersion: modules with at least one package line, newest version per path.
  const versionOf = new Map<string, string>();
  const listed: VendorModule[] = [];
  for (const m of vendor.modules) {
    if (m.packages.length === 0 || m.version === "") continue;
    const v = versionOf.get(m.path);
    if (v === undefined || compareSemver(v, m.version) < 0) {
      listed.push(m);
      versionOf.set(m.path, m.version);
    }
  }
  const pre114 = lessThan114(mod.go?.version ?? "");
  for (const r of mod.require) {
    if (meta.get(key(r.path, r.version))?.explicit) continue;
    if (pre114) {
      const vv = versionOf.get(r.path);
      if (vv !== undefined && vv !== r.version) {
        errs.push(`${describe(r.path, r.version)}: is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}`);
      }
    } else {
      errs.push(`${describe(r.path, r.version)}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`);
    }
  }
  // Effective replacement of a module version: exact version first, then the wildcard.
  const replacementFor = (path: string, version: string) =>
    [...mod.replace].reverse().find((x) => x.old.path === path && x.old.version === version) ??
    [...mod.replace].reverse().find((x) => x.old.path === path && x.old.version === "");
  const seen = new Set<string>();
  for (const r of mod.replace) {
    const k = key(r.old.path, r.old.version);
    if (seen.has(k)) continue;
    seen.add(k);
    const eff = replacementFor(r.old.path, r.old.version);
    const want = eff ? canonicalReplacement(eff.new.path, eff.new.version, eff.local) : "";
    const vr = meta.get(k)?.replacement ?? null;
    if (vr === null) {
      if (want === "") continue;
      if (pre114 && (r.old.version === "" || versionOf.get(r.old.path) !== r.old.version)) continue;
      errs.push(`${describe(r.old.path, r.old.version)}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt`);
    } else {
      const got = canonicalReplacement(vr.path, vr.version, vr.path.startsWith(".") || vr.path.startsWith("/"));
      if (got !== want && eff) {
        errs.push(
          `${describe(r.old.path, r.old.version)}: is replaced by ${describe(eff.new.path, eff.new.version)} in go.mod, but marked as replaced by ${describe(vr.path, vr.version)} in vendor/modules.txt`,
        );
      }
    }
  }
  const required = new Set(mod.require.map((r) => key(r.path, r.version)));
  for (const m of listed) {
    if (m.explicit && !required.has(key(m.path, m.version))) {
      errs.push(`${describe(m.path, m.version)}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod`);
    }
  }
  for (const m of vendor.modules) {
    if (m.replacement !== null && !replacementFor(m.path, m.version)) {
      errs.push(`${describe(m.path, m.version)}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod`);
    }
  }
  return errs;
}
