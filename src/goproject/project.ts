/**
 * analyzeProject: what a Go module's source tree says about how to build it,
 * read the way the go command reads it (Go 1.26, module mode, GOWORK off for
 * the package list):
 *
 * - go.mod (src/gomod): module path, go and toolchain lines, requirements,
 *   replace directives to local directories (each must exist and hold a
 *   go.mod, else a LocatedError at the directive), `ignore` directories;
 * - go.work in the module root, if any: its `use` directories;
 * - vendor/modules.txt, if any, and its consistency with go.mod
 *   (vendor-consistency.ts);
 * - every package `go list ./...` would list (module-walk.ts,
 *   package-load.ts) for the target GOOS/GOARCH, cgo setting and tags;
 * - derived facts: main packages (binary name as `go build` picks it),
 *   cgo use (own `import "C"` or a known cgo module, cgo-modules.ts), all
 *   embedded files, private requirements for a GOPRIVATE list, and the
 *   `-ldflags -X` symbol of a package-level `version`/`Version` string
 *   variable in each main package.
 *
 * Pure over a SourceTree (tree.ts); scan-project.ts does the disk I/O.
 * Leaves out: go.work replace directives, the module graph beyond go.mod
 * (indirect cgo users not in go.mod go unnoticed), and GOFLAGS.
 */
import { posix } from "node:path";
import { LocatedError, type Range } from "../diagnostic/located-error.js";
import { parseGoMod, type GoMod, type GoModGo, type GoModRequire, type GoModToolchain, type ModuleVersion } from "../gomod/go-mod.js";
import { parseGoWork, type GoWork } from "../gomod/go-work.js";
import { matchPrefixPatterns } from "../gomod/prefix-patterns.js";
import { parseVendorModules, type VendorModules } from "../gomod/vendor-modules.js";
import { fromBytes } from "../golang/utf8.js";
import { type BuildContext, makeBuildContext } from "./build-context.js";
import { knownCgoModule } from "./cgo-modules.js";
import { packageDirs } from "./module-walk.js";
import { type GoPackage, loadPackage } from "./package-load.js";
import { compareGo, joinRel, type SourceTree } from "./tree.js";
import { vendorConsistency } from "./vendor-consistency.js";

export interface ScanOptions {
  /** -tags. */
  readonly tags?: readonly string[];
  /** Target GOOS (default: the host's). */
  readonly goos?: string;
  /** Target GOARCH (default: the host's). */
  readonly goarch?: string;
  /**
   * CGO_ENABLED for file selection. Default true: goship asks what the code
   * needs, as a native build with a C compiler sees it.
   */
  readonly cgo?: boolean;
  /** Replaces Go 1.26's default tool tags (GOEXPERIMENT, GOAMD64 level …). */
  readonly toolTags?: readonly string[];
  /**
   * true (default): the first package problem (an embed pattern matching
   * nothing, a bad //go:build line …) is thrown as a LocatedError. false:
   * problems are collected in GoProject.problems.
   */
  readonly strict?: boolean;
}

export interface LocalReplace {
  readonly old: ModuleVersion;
  /** The directory as written in go.mod. */
  readonly path: string;
  /** The directory relative to the module root, cleaned ("../lib", "libs/x"); absolute paths stay absolute. */
  readonly dir: string;
  readonly range: Range;
}

export interface WorkspaceUse {
  /** As written in go.work. */
  readonly path: string;
  /** Relative to the module root, cleaned ("." is the module itself). */
  readonly dir: string;
  readonly range: Range;
  /** The directory holds a go.mod. */
  readonly exists: boolean;
}

export interface WorkspaceInfo {
  readonly file: string;
  readonly work: GoWork;
  readonly use: readonly WorkspaceUse[];
}

export interface VendorInfo {
  readonly modules: VendorModules;
  /** checkVendorConsistency's complaints; [] when vendor/ agrees with go.mod. */
  readonly inconsistencies: readonly string[];
  readonly consistent: boolean;
}

export interface MainPackage {
  readonly importPath: string;
  /** Relative to the module root ("." for the root). */
  readonly dir: string;
  /** The file name `go build` gives the binary (last path element, skipping a /vN suffix). */
  readonly binaryName: string;
  /** Lives under cmd/ (the `cmd/<name>` layout). */
  readonly underCmd: boolean;
  /** `main.version`-style symbol for `-ldflags -X`, or null. */
  readonly versionSymbol: string | null;
}

export interface VersionVariable {
  /** The -X symbol (`main.version`). */
  readonly symbol: string;
  readonly importPath: string;
  /** File relative to the module root. */
  readonly file: string;
  readonly line: number;
  /** Default value, or null when declared without one. */
  readonly value: string | null;
}

export interface CgoReason {
  /** A package import path of this module, or a module path from go.mod. */
  readonly source: string;
  readonly why: string;
}

export interface GoProject {
  readonly modulePath: string;
  readonly goMod: GoMod;
  readonly go: GoModGo | null;
  readonly toolchain: GoModToolchain | null;
  readonly requirements: readonly GoModRequire[];
  readonly localReplaces: readonly LocalReplace[];
  readonly workspace: WorkspaceInfo | null;
  readonly vendor: VendorInfo | null;
  readonly context: BuildContext;
  /** Every package `go list ./...` lists, sorted by import path. */
  readonly packages: readonly GoPackage[];
  readonly mainPackages: readonly MainPackage[];
  readonly usesCgo: boolean;
  readonly cgoReasons: readonly CgoReason[];
  /** Every file some go:embed needs, relative to the module root, sorted. */
  readonly embedFiles: readonly string[];
  /** The version variable of the main packages (first by import path), or null. */
  readonly versionVariable: VersionVariable | null;
  readonly versionVariables: readonly VersionVariable[];
  /** Package problems (only with strict: false; otherwise the first one is thrown). */
  readonly problems: readonly LocatedError[];
  /** Requirements whose module path matches a GOPRIVATE-style list (module.MatchPrefixPatterns). */
  privateModules(goprivate: string): readonly GoModRequire[];
}

export interface AnalyzeOptions extends ScanOptions {
  readonly goos: string;
  readonly goarch: string;
  /** Prefix for file names in errors (the directory the caller named); default "". */
  readonly displayRoot?: string;
}

const VERSION_NAMES = ["version", "Version"];

function isVersionElement(s: string): boolean {
  return /^v[1-9][0-9]*$/.test(s);
}

/** load.DefaultExecName in module mode. */
export function binaryName(importPath: string): string {
  const parts = importPath.split("/");
  let elem = parts[parts.length - 1] as string;
  if (parts.length > 1 && isVersionElement(elem)) elem = parts[parts.length - 2] as string;
  return elem;
}

function cleanRel(p: string): string {
  if (p.startsWith("/")) return posix.normalize(p);
  return posix.normalize(p).replace(/\/$/, "") || ".";
}

export function analyzeProject(tree: SourceTree, options: AnalyzeOptions): GoProject {
  const label = (rel: string): string => (options.displayRoot ? posix.join(options.displayRoot, rel) : rel);
  const modText = tree.readFile("go.mod");
  if (modText === null) throw new LocatedError("no go.mod: not the root of a Go module", label("go.mod"));
  const goMod = parseGoMod(fromBytes(modText), label("go.mod"));
  if (!goMod.module) throw new LocatedError("go.mod has no module directive", label("go.mod"));
  const modulePath = goMod.module.path;

  const localReplaces: LocalReplace[] = [];
  for (const r of goMod.replace) {
    if (!r.local) continue;
    const dir = cleanRel(r.new.path);
    const kind = tree.stat(dir === "." ? "" : dir);
    if (kind !== "dir") {
      throw new LocatedError(`replacement directory ${r.new.path} does not exist`, label("go.mod"), r.range);
    }
    if (tree.stat(joinRel(dir === "." ? "" : dir, "go.mod")) !== "file") {
      throw new LocatedError(`replacement directory ${r.new.path} has no go.mod`, label("go.mod"), r.range);
    }
    localReplaces.push({ old: r.old, path: r.new.path, dir, range: r.range });
  }

  let workspace: WorkspaceInfo | null = null;
  const workText = tree.readFile("go.work");
  if (workText !== null) {
    const work = parseGoWork(fromBytes(workText), label("go.work"));
    workspace = {
      file: label("go.work"),
      work,
      use: work.use.map((u) => {
        const dir = cleanRel(u.path);
        return { path: u.path, dir, range: u.range, exists: tree.stat(joinRel(dir === "." ? "" : dir, "go.mod")) === "file" };
      }),
    };
  }

  let vendor: VendorInfo | null = null;
  const vendorText = tree.readFile("vendor/modules.txt");
  if (vendorText !== null) {
    const modules = parseVendorModules(fromBytes(vendorText), label("vendor/modules.txt"));
    const inconsistencies = vendorConsistency(goMod, modules);
    vendor = { modules, inconsistencies, consistent: inconsistencies.length === 0 };
  }

  const context = makeBuildContext({
    goos: options.goos,
    goarch: options.goarch,
    cgoEnabled: options.cgo ?? true,
    tags: options.tags ?? [],
    ...(options.toolTags ? { toolTags: options.toolTags } : {}),
  });

  const packages: GoPackage[] = [];
  for (const dir of packageDirs(tree, goMod.ignore.map((i) => i.path))) {
    const importPath = dir === "." ? modulePath : `${modulePath}/${dir}`;
    const p = loadPackage(tree, context, dir, importPath);
    if (p) packages.push(p);
  }
  packages.sort((a, b) => compareGo(a.importPath, b.importPath));

  const problems = packages.flatMap((p) => p.problems.map((e) => e.withFile(label(e.file))));
  if ((options.strict ?? true) && problems.length > 0) throw problems[0] as LocatedError;

  const versionVariables: VersionVariable[] = [];
  const mainPackages: MainPackage[] = packages
    .filter((p) => p.isMain)
    .map((p) => {
      const v = VERSION_NAMES.map((n) => p.stringVars.find((s) => s.name === n)).find((s) => s !== undefined);
      if (v) versionVariables.push({ symbol: `main.${v.name}`, importPath: p.importPath, file: v.file, line: v.line, value: v.value });
      return {
        importPath: p.importPath,
        dir: p.dir,
        binaryName: binaryName(p.importPath),
        underCmd: p.dir.startsWith("cmd/"),
        versionSymbol: v ? `main.${v.name}` : null,
      };
    });

  const cgoReasons: CgoReason[] = [];
  for (const p of packages) if (p.usesCgo) cgoReasons.push({ source: p.importPath, why: 'imports "C"' });
  for (const r of goMod.require) {
    const k = knownCgoModule(r.path);
    if (k) cgoReasons.push({ source: r.path, why: k.why });
  }

  const embedFiles = new Set<string>();
  for (const p of packages) for (const f of p.embedFiles) embedFiles.add(p.dir === "." ? f : `${p.dir}/${f}`);

  const requirements = goMod.require;
  return Object.freeze({
    modulePath,
    goMod,
    go: goMod.go,
    toolchain: goMod.toolchain,
    requirements,
    localReplaces: Object.freeze(localReplaces),
    workspace,
    vendor,
    context,
    packages: Object.freeze(packages),
    mainPackages: Object.freeze(mainPackages),
    usesCgo: cgoReasons.length > 0,
    cgoReasons: Object.freeze(cgoReasons),
    embedFiles: Object.freeze([...embedFiles].sort(compareGo)),
    versionVariable: versionVariables[0] ?? null,
    versionVariables: Object.freeze(versionVariables),
    problems: Object.freeze(problems),
    privateModules: (goprivate: string) => requirements.filter((r) => matchPrefixPatterns(goprivate, r.path)),
  });
}
