/**
 * Differential test: scanProject (src/goproject) against the go command.
 * For every example module (examples/) and every fixture module
 * (test/fixtures/goproject/), copied to a temporary folder (so `-mod=mod`
 * can never touch the repository), and for each target variant (GOOS,
 * GOARCH, CGO_ENABLED, -tags), `go list -e -json ./...` (GOFLAGS=-mod=mod
 * GOTOOLCHAIN=local GOPROXY=off GOWORK=off) is compared with scanProject's
 * packages on: the set of packages, ImportPath, Name, Dir, GoFiles, CgoFiles,
 * IgnoredGoFiles, InvalidGoFiles, TestGoFiles, XTestGoFiles, EmbedPatterns,
 * EmbedFiles, Imports, and embed errors (text and line). Vendor consistency
 * is compared with `go list -mod=vendor`.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { performance } from "node:perf_hooks";
import type { LocatedError } from "../../src/diagnostic/located-error.js";
import { scanProject } from "../../src/goproject/scan-project.js";
import type { GoProject } from "../../src/goproject/project.js";
import { ROOT } from "../support/paths.js";

const run = promisify(execFile);

interface Variant {
  readonly name: string;
  readonly goos: string;
  readonly goarch: string;
  readonly cgo: boolean;
  readonly tags: readonly string[];
}

const VARIANTS: readonly Variant[] = [
  { name: "linux/amd64 cgo", goos: "linux", goarch: "amd64", cgo: true, tags: [] },
  { name: "linux/amd64 nocgo", goos: "linux", goarch: "amd64", cgo: false, tags: [] },
  { name: "linux/amd64 -tags pro,integration", goos: "linux", goarch: "amd64", cgo: true, tags: ["pro", "integration"] },
  { name: "linux/amd64 -tags pro,boringcrypto nocgo", goos: "linux", goarch: "amd64", cgo: false, tags: ["pro", "boringcrypto"] },
  { name: "windows/amd64", goos: "windows", goarch: "amd64", cgo: false, tags: [] },
  { name: "linux/arm64", goos: "linux", goarch: "arm64", cgo: false, tags: [] },
  { name: "darwin/arm64 cgo", goos: "darwin", goarch: "arm64", cgo: true, tags: [] },
  { name: "android/arm64", goos: "android", goarch: "arm64", cgo: false, tags: [] },
  { name: "illumos/amd64", goos: "illumos", goarch: "amd64", cgo: false, tags: [] },
  { name: "js/wasm", goos: "js", goarch: "wasm", cgo: false, tags: [] },
  { name: "linux/386 -tags linux_tag", goos: "linux", goarch: "386", cgo: false, tags: ["integration"] },
];

const FIXTURES = join(ROOT, "test", "fixtures", "goproject");
const EXAMPLES = join(ROOT, "examples");

/** Things git cannot hold (symlinks, odd names, empty dirs), made in the temporary copy. */
const EXTRA_SETUP: Readonly<Record<string, (dir: string) => void>> = {
  embed: (dir) => {
    mkdirSync(join(dir, "linkpkg", "files"), { recursive: true });
    writeFileSync(join(dir, "linkpkg", "files", "real.txt"), "r\n");
    symlinkSync("real.txt", join(dir, "linkpkg", "files", "link.txt"));
    writeFileSync(join(dir, "linkpkg", "l.go"), 'package linkpkg\n\nimport "embed"\n\n//go:embed files\nvar f embed.FS\n');
    mkdirSync(join(dir, "assets", "emptydir"), { recursive: true });
    symlinkSync("assets", join(dir, "assets-link"));
  },
  embederr: (dir) => {
    writeFileSync(join(dir, "badname", "a:b.txt"), "");
    mkdirSync(join(dir, "symlinked"), { recursive: true });
    writeFileSync(join(dir, "symlinked", "real.txt"), "r\n");
    symlinkSync("real.txt", join(dir, "symlinked", "link.txt"));
    writeFileSync(join(dir, "symlinked", "s.go"), 'package symlinked\n\nimport "embed"\n\n//go:embed link.txt\nvar f embed.FS\n');
  },
  layout: (dir) => {
    mkdirSync(join(dir, "emptydir"), { recursive: true });
    symlinkSync("pkg", join(dir, "pkglink"));
  },
};

interface Module {
  readonly name: string;
  readonly dir: string;
}

let work = "";
const modules: Module[] = [];

function goEnv(v: Variant | null, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local", GOPROXY: "off", GOWORK: "off", ...extra,
  };
  delete env.GOEXPERIMENT;
  delete env.GOAMD64;
  delete env.GOARM64;
  if (v) {
    env.GOOS = v.goos;
    env.GOARCH = v.goarch;
    env.CGO_ENABLED = v.cgo ? "1" : "0";
  }
  return env;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), "goship-goproject-"));
  const add = (name: string, src: string): void => {
    const dir = join(work, name);
    cpSync(src, dir, { recursive: true, verbatimSymlinks: true });
    EXTRA_SETUP[name.replace(/^fixture-/, "")]?.(dir);
    modules.push({ name, dir });
  };
  for (const e of readdirSync(EXAMPLES).sort()) {
    if (!existsSync(join(EXAMPLES, e, "go.mod"))) continue;
    const dir = join(EXAMPLES, e);
    // Modules the examples need must be in the host cache; fetch them once if not (best effort:
    // a private module cannot be fetched, and go list -e still lists the example's own packages).
    try {
      execFileSync("go", ["list", "-m", "all"], { cwd: dir, env: goEnv(null), stdio: "ignore" });
    } catch {
      try {
        execFileSync("go", ["mod", "download"], { cwd: dir, env: { ...goEnv(null), GOPROXY: process.env.GOPROXY ?? "" }, stdio: "ignore", timeout: 120_000 });
      } catch {
        /* listed with errors below */
      }
    }
    add(`example-${e}`, dir);
  }
  for (const f of readdirSync(FIXTURES).sort()) add(`fixture-${f}`, join(FIXTURES, f));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface ListedPackage {
  ImportPath: string;
  Name?: string;
  Dir: string;
  GoFiles?: string[];
  CgoFiles?: string[];
  IgnoredGoFiles?: string[];
  InvalidGoFiles?: string[];
  TestGoFiles?: string[];
  XTestGoFiles?: string[];
  EmbedPatterns?: string[];
  EmbedFiles?: string[];
  Imports?: string[];
  Error?: { Pos?: string; Err: string };
}

const FIELDS = "ImportPath,Name,Dir,GoFiles,CgoFiles,IgnoredGoFiles,InvalidGoFiles,TestGoFiles,XTestGoFiles,EmbedPatterns,EmbedFiles,Imports,Error";

async function goList(dir: string, v: Variant): Promise<ListedPackage[]> {
  const args = ["list", "-e", `-json=${FIELDS}`];
  if (v.tags.length > 0) args.push(`-tags=${v.tags.join(",")}`);
  args.push("./...");
  let stdout: string;
  try {
    ({ stdout } = await run("go", args, { cwd: dir, env: goEnv(v), maxBuffer: 64 << 20 }));
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    if (!err.stdout) throw new Error(`go list failed in ${dir}: ${err.stderr}`);
    stdout = err.stdout;
  }
  if (stdout.trim() === "") return [];
  return JSON.parse(`[${stdout.replace(/}\n{/g, "},{")}]`) as ListedPackage[];
}

interface Shape {
  ImportPath: string;
  Name: string;
  Dir: string;
  GoFiles: readonly string[];
  CgoFiles: readonly string[];
  IgnoredGoFiles: readonly string[];
  InvalidGoFiles: readonly string[];
  TestGoFiles: readonly string[];
  XTestGoFiles: readonly string[];
  EmbedPatterns: readonly string[];
  EmbedFiles: readonly string[];
  Imports: readonly string[];
  EmbedError: string;
}

function fromGo(root: string, p: ListedPackage): Shape {
  let embedError = "";
  if (p.Error && /^pattern /.test(p.Error.Err)) {
    const line = /:(\d+):\d+$/.exec(p.Error.Pos ?? "")?.[1] ?? "?";
    embedError = `${line}: ${p.Error.Err}`;
  }
  return {
    ImportPath: p.ImportPath,
    Name: p.Name ?? "",
    Dir: relative(root, p.Dir) || ".",
    GoFiles: p.GoFiles ?? [],
    CgoFiles: p.CgoFiles ?? [],
    IgnoredGoFiles: p.IgnoredGoFiles ?? [],
    InvalidGoFiles: p.InvalidGoFiles ?? [],
    TestGoFiles: p.TestGoFiles ?? [],
    XTestGoFiles: p.XTestGoFiles ?? [],
    EmbedPatterns: p.EmbedPatterns ?? [],
    EmbedFiles: p.EmbedFiles ?? [],
    Imports: p.Imports ?? [],
    EmbedError: embedError,
  };
}

function fromGoship(project: GoProject): Shape[] {
  return project.packages.map((p) => {
    const embedProblem = p.problems.find((e: LocatedError) => /^pattern /.test(e.message));
    return {
      ImportPath: p.importPath,
      Name: p.name,
      Dir: p.dir,
      GoFiles: p.goFiles,
      CgoFiles: p.cgoFiles,
      IgnoredGoFiles: p.ignoredGoFiles,
      InvalidGoFiles: p.invalidGoFiles,
      TestGoFiles: p.testGoFiles,
      XTestGoFiles: p.xTestGoFiles,
      EmbedPatterns: p.embedPatterns,
      EmbedFiles: p.embedFiles,
      Imports: p.imports,
      EmbedError: embedProblem ? `${embedProblem.range?.start.line ?? "?"}: ${embedProblem.message}` : "",
    };
  });
}

async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  const worker = async (): Promise<void> => {
    while (i < items.length) await fn(items[i++] as T);
  };
  await Promise.all(Array.from({ length: n }, worker));
}

test("scanProject agrees with `go list -json ./...` on every example and fixture, for every target variant", async () => {
  assert.ok(modules.filter((m) => m.name.startsWith("fixture-")).length >= 10, "at least 10 fixture modules");
  const jobs = modules.flatMap((m) => VARIANTS.map((v) => ({ m, v })));
  let packagesCompared = 0;
  let fieldsCompared = 0;
  let goMs = 0;
  let goshipMs = 0;
  const failures: string[] = [];
  const nonEmpty = new Map<string, number>();
  await pool(jobs, 6, async ({ m, v }) => {
    const t0 = performance.now();
    const listed = await goList(m.dir, v);
    const t1 = performance.now();
    const project = await scanProject(m.dir, { goos: v.goos, goarch: v.goarch, cgo: v.cgo, tags: v.tags, strict: false });
    const t2 = performance.now();
    goMs += t1 - t0;
    goshipMs += t2 - t1;
    const want = listed.map((p) => fromGo(m.dir, p));
    const got = fromGoship(project);
    const wantPaths = want.map((p) => p.ImportPath);
    const gotPaths = got.map((p) => p.ImportPath);
    if (JSON.stringify(wantPaths) !== JSON.stringify(gotPaths)) {
      failures.push(`${m.name} [${v.name}] packages: go ${JSON.stringify(wantPaths)} goship ${JSON.stringify(gotPaths)}`);
      return;
    }
    want.forEach((w, i) => {
      const g = got[i] as Shape;
      for (const k of Object.keys(w) as (keyof Shape)[]) {
        fieldsCompared++;
        if (w[k].length > 0) nonEmpty.set(k, (nonEmpty.get(k) ?? 0) + 1);
        if (JSON.stringify(w[k]) !== JSON.stringify(g[k])) {
          failures.push(`${m.name} [${v.name}] ${w.ImportPath} ${k}: go ${JSON.stringify(w[k])} goship ${JSON.stringify(g[k])}`);
        }
      }
      packagesCompared++;
    });
  });
  console.log(
    `go list: ${modules.length} modules x ${VARIANTS.length} variants = ${jobs.length} runs, ${packagesCompared} packages, ` +
      `${fieldsCompared} fields compared, ${failures.length} disagreements; go ${goMs.toFixed(0)} ms, goship ${goshipMs.toFixed(0)} ms (summed)`,
  );
  console.log(`non-empty on the go side: ${[...nonEmpty].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  assert.deepEqual(failures, []);
  for (const k of ["CgoFiles", "IgnoredGoFiles", "InvalidGoFiles", "XTestGoFiles", "EmbedFiles", "EmbedError"]) {
    assert.ok((nonEmpty.get(k) ?? 0) > 5, `the fixtures exercise ${k}`);
  }
  assert.ok(packagesCompared > 400, `enough packages compared (${packagesCompared})`);
});

test("vendor/modules.txt consistency agrees with `go list -mod=vendor`", async () => {
  let compared = 0;
  for (const m of modules) {
    const project = await scanProject(m.dir, { goos: "linux", goarch: "amd64", strict: false });
    if (!project.vendor) continue;
    let goErrors: string[] = [];
    try {
      await run("go", ["list", "./..."], { cwd: m.dir, env: goEnv(null, { GOFLAGS: "-mod=vendor" }) });
    } catch (e) {
      const stderr = (e as { stderr?: string }).stderr ?? "";
      const m2 = /inconsistent vendoring in [^\n]*:\n((?:\t[^\n]+\n)+)/.exec(stderr);
      assert.ok(m2, `unexpected go list failure: ${stderr}`);
      goErrors = (m2[1] as string).split("\n").map((l) => l.trim()).filter((l) => l !== "");
    }
    assert.deepEqual([...project.vendor.inconsistencies], goErrors, m.name);
    assert.equal(project.vendor.consistent, goErrors.length === 0);
    compared++;
  }
  console.log(`vendor consistency: ${compared} modules compared`);
  assert.ok(compared >= 2);
});
