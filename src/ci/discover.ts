/**
 * Reads a repository into a CiPlan (model.ts): its Go modules (the `use`
 * folders of go.work when there is one, else every go.mod under the folder,
 * skipping vendor/, testdata/, node_modules/ and dot/underscore folders as
 * the go command does), each module's Go version from go.mod and its main
 * packages from the source tree (src/goproject scanProject, as built for
 * linux/amd64 without cgo only when the module can do that).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../diagnostic/located-error.js";
import { parseGoMod } from "../gomod/go-mod.js";
import { parseGoWork } from "../gomod/go-work.js";
import { scanProject } from "../goproject/index.js";
import { VERSION } from "../version.js";
import type { CiModule, CiPlan } from "./model.js";

const SKIP = new Set(["vendor", "testdata", "node_modules"]);
const MAX_DEPTH = 6;

function findGoMods(root: string, dir: string, depth: number, out: string[]): void {
  if (existsSync(join(dir, "go.mod"))) out.push(dir);
  if (depth >= MAX_DEPTH) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIP.has(name) || name.startsWith(".") || name.startsWith("_")) continue;
    const p = join(dir, name);
    try {
      if (!statSync(p).isDirectory()) continue;
    } catch {
      continue;
    }
    findGoMods(root, p, depth + 1, out);
  }
}

function toRel(root: string, dir: string): string {
  const r = relative(root, dir);
  return r === "" ? "." : r.split(sep).join("/");
}

/** The module folders of the repository at `root`, absolute, in order. */
export function moduleDirs(root: string): string[] {
  const work = join(root, "go.work");
  if (existsSync(work)) {
    const gw = parseGoWork(readFileSync(work, "utf8"), work);
    return gw.use.map((u) => resolve(root, u.path)).sort();
  }
  const out: string[] = [];
  findGoMods(root, root, 0, out);
  return out;
}

/** go.mod's toolchain (`go1.26.1` → `1.26.1`) when newer-or-set, else its go version. */
export function goVersionOf(goModText: string, file: string): string {
  const gm = parseGoMod(goModText, file);
  const tc = gm.toolchain?.name;
  if (tc && /^go\d/.test(tc)) return tc.slice(2).replace(/\+.*$/, "");
  if (gm.go) return gm.go.version;
  return "stable";
}

export async function readModule(root: string, dir: string): Promise<CiModule> {
  const goModFile = join(dir, "go.mod");
  const text = readFileSync(goModFile, "utf8");
  const goVersion = goVersionOf(text, toRel(root, goModFile));
  const project = await scanProject(dir, { goos: "linux", goarch: "amd64", strict: false });
  return {
    dir: toRel(root, dir),
    modulePath: project.modulePath,
    goVersion,
    hasGoSum: existsSync(join(dir, "go.sum")),
    mains: project.mainPackages.map((m) => ({ pkg: m.dir === "." ? "." : `./${m.dir}`, binaryName: m.binaryName })),
    usesCgo: project.usesCgo,
  };
}

export interface DiscoverOptions {
  readonly platforms?: readonly string[];
  readonly nodeVersion?: string;
  readonly goshipVersion?: string;
}

export async function discoverPlan(root: string, opts: DiscoverOptions = {}): Promise<CiPlan> {
  const dirs = moduleDirs(root);
  if (dirs.length === 0) throw new UsageError(`${root}: no go.mod or go.work here or below: goship ci writes a workflow for Go modules`);
  const modules: CiModule[] = [];
  for (const d of dirs) modules.push(await readModule(root, d));
  return {
    goshipVersion: opts.goshipVersion ?? VERSION,
    modules,
    nodeVersion: opts.nodeVersion ?? "20",
    platforms: opts.platforms ?? ["linux/amd64", "linux/arm64"],
  };
}
