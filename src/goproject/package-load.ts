/**
 * loadPackage: one package directory as go/build's Context.Import (Go 1.26,
 * mode 0, gc toolchain) reads it, plus cmd/go's embed resolution:
 *
 * - files starting with `_` or `.` are invisible; other .go files failing
 *   the GOOS/GOARCH file-name suffix rules or their build constraints go to
 *   IgnoredGoFiles; a bad `//go:build` line (or two of them) makes the file
 *   invalid (InvalidGoFiles) and the package erroneous;
 * - `package documentation` files are ignored; `_test.go` files go to
 *   TestGoFiles, or XTestGoFiles when their package is `<name>_test`;
 * - a non-test file importing "C" goes to CgoFiles when cgo is enabled, else
 *   to IgnoredGoFiles (its imports and embeds then do not count);
 * - the package name comes from the first file in directory order; a file
 *   with another name is an error (the file is still listed);
 * - Imports and EmbedPatterns are the sorted unique paths/patterns of
 *   GoFiles + CgoFiles; EmbedFiles come from resolve-embed rules (embed.ts),
 *   the first failing pattern being reported at its first `//go:embed`.
 *
 * Leaves out non-Go files (.c, .s, .syso …), `//go:binary-only-package`,
 * `#cgo` directives, import comments, and go/parser's syntax errors beyond
 * the package clause and imports (go-source.ts).
 */
import { LocatedError } from "../diagnostic/located-error.js";
import { utf16Length } from "../golang/utf8.js";
import { type BuildContext, goodOSArchFile, matchTag } from "./build-context.js";
import { EmbedError, resolveEmbed } from "./embed.js";
import { shouldBuild } from "./file-constraints.js";
import { type GoStringVar, readGoSource, type SourcePos } from "./go-source.js";
import { compareGo, joinRel, type SourceTree } from "./tree.js";

/** Where a pattern or import was written: file relative to the module root, 1-based line and byte column. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface GoStringVariable extends GoStringVar {
  /** The file (relative to the module root) that declares it. */
  readonly file: string;
}

/** One package of the module (the fields `go list -json` prints, and more). */
export interface GoPackage {
  /** Directory relative to the module root ("." for the root), slash-separated. */
  readonly dir: string;
  readonly importPath: string;
  /** The package name ("" when no file gave one). */
  readonly name: string;
  readonly isMain: boolean;
  readonly goFiles: readonly string[];
  readonly cgoFiles: readonly string[];
  readonly ignoredGoFiles: readonly string[];
  readonly invalidGoFiles: readonly string[];
  readonly testGoFiles: readonly string[];
  readonly xTestGoFiles: readonly string[];
  /** Non-test imports, sorted and unique ("C" included, as go list prints it). */
  readonly imports: readonly string[];
  readonly testImports: readonly string[];
  /** Imports "C" in a non-test file (whether or not cgo is enabled for this build). */
  readonly usesCgo: boolean;
  readonly embedPatterns: readonly string[];
  /** First `//go:embed` position of each pattern. */
  readonly embedPatternPos: ReadonlyMap<string, SourceRef>;
  /** Embedded files relative to the package directory (go list's EmbedFiles). */
  readonly embedFiles: readonly string[];
  /** Package-level string variables (settable with `-ldflags -X`) of GoFiles + CgoFiles. */
  readonly stringVars: readonly GoStringVariable[];
  /** Problems go list would report on this package (bad constraints, mixed names, embed errors). */
  readonly problems: readonly LocatedError[];
}

const BOM = "\xef\xbb\xbf";

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort(compareGo);
}

function located(tree: SourceTree, file: string, pos: SourcePos | null, message: string): LocatedError {
  if (!pos) return new LocatedError(message, file);
  const src = tree.readFile(file) ?? "";
  const lineStart = pos.offset - (pos.column - 1);
  const col = utf16Length(src, lineStart, pos.offset) + 1;
  const p = { line: pos.line, column: col };
  return new LocatedError(message, file, { start: p, end: p });
}

/**
 * Loads the package in `dir` (relative to the tree root, "." for the root)
 * with import path `importPath`; null when go/build finds no Go files for
 * this context (NoGoError with no invalid files), i.e. when `./...` would
 * not list it.
 */
export function loadPackage(tree: SourceTree, ctx: BuildContext, dir: string, importPath: string): GoPackage | null {
  const rel = dir === "." ? "" : dir;
  const entries = tree.readDir(rel) ?? [];
  let name = "";
  const lists = {
    go: [] as string[], cgo: [] as string[], ignored: [] as string[], invalid: [] as string[],
    test: [] as string[], xtest: [] as string[],
  };
  const imports: string[] = [];
  const testImports: string[] = [];
  const embedPos = new Map<string, SourceRef & { offset: number; src: string }>();
  const stringVars: GoStringVariable[] = [];
  const problems: LocatedError[] = [];
  let usesCgo = false;
  const tag = (t: string): boolean => matchTag(ctx, t);
  // go/build badGoFile: the first problem of a file lists it in InvalidGoFiles (once).
  const bad = (file: string, err: LocatedError): void => {
    problems.push(err);
    if (!lists.invalid.includes(file)) lists.invalid.push(file);
  };

  // The go command decides whether `./...` lists the directory with go/build
  // (search.MatchDirs), then reads the package from its module index
  // (modindex), which differs in two points: a file with two //go:build lines
  // is invalid before its GOOS/GOARCH suffix is looked at, and a //go:build
  // line that does not parse stops the reading there (the package keeps only
  // the files before it, and no imports or embeds).
  let goBuildCount = 0;
  let goBuildInvalid = false;
  let aborted = false;
  for (const e of entries) {
    if (e.kind === "dir") continue;
    const file = e.name;
    const path = joinRel(rel, file);
    if (e.kind === "symlink" && tree.stat(path) === "dir") continue;
    if (file.startsWith("_") || file.startsWith(".")) continue;
    const dot = file.lastIndexOf(".");
    if (dot < 0 || file.slice(dot) !== ".go") continue;
    const raw = tree.readFile(path);
    if (raw === null) {
      goBuildInvalid = true;
      if (!aborted) bad(file, new LocatedError(`cannot read ${file}`, path));
      continue;
    }
    const src = raw.startsWith(BOM) ? raw.slice(BOM.length) : raw;
    const osArchOK = goodOSArchFile(ctx, file);
    const sb = shouldBuild(src, tag);
    const info = readGoSource(src);
    const isCgoFile = !file.endsWith("_test.go") && info.imports.some((i) => i.path === "C");
    // go/build's view, for the listing decision.
    if (osArchOK) {
      if (sb.error !== "" || info.parseError !== "") goBuildInvalid = true;
      else if (sb.ok && info.packageName !== "documentation" && !(isCgoFile && !ctx.cgoEnabled)) goBuildCount++;
    }
    if (aborted) continue;
    // modindex's view, for the package contents.
    if (sb.kind === "multiple") {
      bad(file, new LocatedError(`${file}: ${sb.error}`, path));
      continue;
    }
    if (info.parseError !== "") bad(file, new LocatedError(`${file}:${info.parseError}`, path));
    if (!osArchOK) {
      lists.ignored.push(file);
      continue;
    }
    if (sb.kind === "parse") {
      const p = { line: sb.line, column: 1 };
      problems.push(new LocatedError(`${file}: ${sb.error}`, path, { start: p, end: p }));
      aborted = true;
      continue;
    }
    if (!sb.ok) {
      lists.ignored.push(file);
      continue;
    }
    let pkg = info.packageName;
    if (pkg === "documentation") {
      lists.ignored.push(file);
      continue;
    }
    const isTest = file.endsWith("_test.go");
    let isXTest = false;
    if (isTest && pkg.endsWith("_test") && name !== pkg) {
      isXTest = true;
      pkg = pkg.slice(0, -"_test".length);
    }
    if (name === "") {
      name = pkg;
    } else if (pkg !== name) {
      bad(file, new LocatedError(`found packages ${name} and ${pkg} in ${dir}`, path));
    }
    let isCgo = false;
    for (const imp of info.imports) {
      if (imp.path !== "C") continue;
      if (isTest) {
        bad(file, located(tree, path, imp, `use of cgo in test ${file} not supported`));
        continue;
      }
      isCgo = true;
    }
    if (isCgo) usesCgo = true;
    if (isCgo && !ctx.cgoEnabled) {
      lists.ignored.push(file);
      continue;
    }
    if (isCgo) lists.cgo.push(file);
    else if (isXTest) lists.xtest.push(file);
    else if (isTest) lists.test.push(file);
    else lists.go.push(file);
    if (isTest) {
      testImports.push(...info.imports.map((i) => i.path));
      continue;
    }
    imports.push(...info.imports.map((i) => i.path));
    for (const em of info.embeds) {
      if (!embedPos.has(em.pattern)) embedPos.set(em.pattern, { file: path, line: em.line, column: em.column, offset: em.offset, src });
    }
    for (const v of info.stringVars) stringVars.push({ ...v, file: path });
  }

  if (goBuildCount === 0 && !goBuildInvalid) return null;
  if (aborted) {
    imports.length = 0;
    testImports.length = 0;
    embedPos.clear();
  }

  const embedPatterns = sortedUnique(embedPos.keys());
  let embedFiles: readonly string[] = [];
  if (embedPatterns.length > 0) {
    try {
      embedFiles = resolveEmbed(tree, rel, embedPatterns).files;
    } catch (e) {
      if (!(e instanceof EmbedError)) throw e;
      const at = embedPos.get(e.pattern);
      if (at) {
        const lineStart = at.offset - (at.column - 1);
        const p = { line: at.line, column: utf16Length(at.src, lineStart, at.offset) + 1 };
        problems.push(new LocatedError(e.message, at.file, { start: p, end: p }));
      } else {
        problems.push(new LocatedError(e.message, rel));
      }
    }
  }

  return Object.freeze({
    dir,
    importPath,
    name,
    isMain: name === "main",
    goFiles: Object.freeze(lists.go),
    cgoFiles: Object.freeze(lists.cgo),
    ignoredGoFiles: Object.freeze(lists.ignored),
    invalidGoFiles: Object.freeze(lists.invalid),
    testGoFiles: Object.freeze(lists.test),
    xTestGoFiles: Object.freeze(lists.xtest),
    imports: Object.freeze(sortedUnique(imports)),
    testImports: Object.freeze(sortedUnique(testImports)),
    usesCgo,
    embedPatterns: Object.freeze(embedPatterns),
    embedPatternPos: new Map([...embedPos].map(([k, v]) => [k, { file: v.file, line: v.line, column: v.column }])),
    embedFiles: Object.freeze([...embedFiles]),
    stringVars: Object.freeze(stringVars),
    problems: Object.freeze(problems),
  });
}
