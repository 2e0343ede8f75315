/**
 * The I/O around the pure generator: read a module folder (src/goproject
 * for the Go side, the OpenAPI file if any, go.sum's presence, non-Go
 * source extensions), make the plan and the files; compare them with the
 * files on disk; write them atomically (src/io/atomic-write.ts), refusing
 * to overwrite a hand-written or hand-edited file without `force` — in
 * which case nothing at all is written. Also merges .goship.yaml's `init`
 * section, flags and GOPRIVATE from the environment into InitOptions.
 *
 * The source is read as the image sees it: GOOS=linux GOARCH=amd64 with
 * cgo possible (fixed, so the output does not depend on the host).
 * Leaves out reading go.work's replace directives.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, posix, relative, resolve } from "node:path";
import { type InitConfig } from "../config/config.js";
import { LocatedError } from "../diagnostic/located-error.js";
import { fsTree } from "../goproject/fs-tree.js";
import { findOpenApi, readOpenApi } from "../goproject/openapi-file.js";
import type { OpenApiInfo } from "../goproject/openapi.js";
import { analyzeProject } from "../goproject/project.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { VERSION } from "../version.js";
import { checkDrift, type DriftReport } from "./drift.js";
import { generateFiles, type GeneratedFile } from "./generate.js";
import { makePlan, type InitOptions, type InitPlan } from "./plan.js";

/** Non-Go files go build compiles or links (go/build's list), found in package folders. */
const OTHER_SOURCE_EXTS = [".c", ".cc", ".cpp", ".cxx", ".f", ".F", ".f90", ".for", ".h", ".hh", ".hpp", ".hxx", ".m", ".s", ".S", ".sx", ".swig", ".swigcxx", ".syso"];

export interface InitRequest {
  /** The module folder (absolute, or relative to `cwd`). */
  readonly dir: string;
  /** Folder used to resolve `dir` and to name files in errors (default process.cwd()). */
  readonly cwd?: string;
  /** OpenAPI file (relative to the module folder, or absolute); false: none; null/undefined: look for one. */
  readonly openapi?: string | false | null;
  readonly options: InitOptions;
  /** goship version for the header (default this one). */
  readonly version?: string;
}

export interface InitOutput {
  readonly dir: string;
  readonly plan: InitPlan;
  readonly files: readonly GeneratedFile[];
}

function display(cwd: string, abs: string): string {
  const r = relative(cwd, abs).split("\\").join("/");
  return r === "" ? "." : r.startsWith("..") || isAbsolute(r) ? abs : r;
}

function otherSourceExts(root: string, dirs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const d of dirs) {
    let names: string[];
    try {
      names = readdirSync(join(root, d));
    } catch {
      continue;
    }
    for (const n of names) {
      if (n.startsWith(".") || n.startsWith("_")) continue;
      const dot = n.lastIndexOf(".");
      const ext = dot > 0 ? n.slice(dot) : "";
      if (OTHER_SOURCE_EXTS.includes(ext)) found.add(ext);
    }
  }
  return [...found].sort();
}

/** Reads the module, makes the plan and the files. Throws LocatedError / UsageError for bad input. */
export function initProject(req: InitRequest): InitOutput {
  const cwd = req.cwd ?? process.cwd();
  const dir = resolve(cwd, req.dir);
  const shown = display(cwd, dir);
  const label = (rel: string): string => (shown === "." ? rel : posix.join(shown, rel));
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a folder");
  } catch {
    throw new LocatedError("no such module folder", shown);
  }
  const project = analyzeProject(fsTree(dir), {
    goos: "linux",
    goarch: "amd64",
    cgo: true,
    tags: req.options.tags ?? [],
    ...(shown === "." ? {} : { displayRoot: shown }),
  });
  let openapi: OpenApiInfo | null = null;
  let openapiPath: string | undefined;
  if (req.openapi !== false) {
    const rel = req.openapi ? (isAbsolute(req.openapi) ? relative(dir, req.openapi).split("\\").join("/") : req.openapi) : findOpenApi(dir);
    if (rel !== null) {
      let info: OpenApiInfo;
      try {
        info = readOpenApi(join(dir, rel));
      } catch (e) {
        throw e instanceof LocatedError ? e.withFile(label(rel)) : e;
      }
      openapi = { ...info, file: label(rel) };
      openapiPath = rel;
    }
  }
  let hasGoSum = false;
  try {
    hasGoSum = statSync(join(dir, "go.sum")).isFile();
  } catch {
    /* none */
  }
  const plan = makePlan({
    project,
    openapi,
    ...(openapiPath !== undefined ? { openapiPath } : {}),
    hasGoSum,
    otherSourceExts: otherSourceExts(dir, project.packages.map((p) => p.dir)),
    options: req.options,
  });
  return { dir, plan, files: generateFiles(plan, req.version ?? VERSION) };
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Compares each generated file with the one on disk. */
export function checkProject(out: InitOutput, version: string = VERSION): readonly DriftReport[] {
  return out.files.map((f) => checkDrift(readOrNull(join(out.dir, f.path)), f, version));
}

export interface WriteResult {
  /** Files written (changed or new). */
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** Files not overwritten (hand-written or hand-edited; no force): nothing was written then. */
  readonly refused: readonly DriftReport[];
}

/** Writes the files atomically; refuses (and writes nothing) when one would overwrite hand work without `force`. */
export function writeProject(out: InitOutput, opts: { readonly force?: boolean; readonly version?: string } = {}): WriteResult {
  const version = opts.version ?? VERSION;
  const reports = checkProject(out, version);
  const refused = reports.filter((r) => {
    if (opts.force || r.kind === "equal" || r.kind === "missing") return false;
    if (r.kind === "hand-written") return true;
    const f = out.files.find((x) => x.path === r.path);
    // A JSON policy has no header: it is goship's when its rule descriptions name goship.
    if (!f?.hasHeader) return !/"description": "goship /.test(readOrNull(join(out.dir, r.path)) ?? "");
    return r.handEdited;
  });
  if (refused.length > 0) return { written: [], unchanged: [], refused };
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const f of out.files) {
    const r = reports.find((x) => x.path === f.path);
    if (r?.kind === "equal") {
      unchanged.push(f.path);
      continue;
    }
    writeFileAtomic(join(out.dir, f.path), f.content);
    written.push(f.path);
  }
  return { written, unchanged, refused: [] };
}

/** InitOptions from .goship.yaml's init section, flags (win) and the GOPRIVATE environment variable (last resort). */
export function initOptionsFrom(config: InitConfig, flags: Partial<InitOptions>, env: Readonly<Record<string, string | undefined>>): InitOptions {
  const port = flags.port ?? config.port;
  return {
    profile: flags.profile ?? config.profile ?? "static",
    profiles: { ...config.profiles, ...(flags.profiles ?? {}) },
    targets: flags.targets && flags.targets.length > 0 ? flags.targets : config.targets,
    port,
    portSource: flags.port !== undefined && flags.port !== null ? "--port" : ".goship.yaml init.port",
    goprivate: flags.goprivate ?? config.goprivate ?? env.GOPRIVATE ?? null,
    withTests: flags.withTests ?? config.withTests,
    syntax: flags.syntax !== undefined ? flags.syntax : config.syntax,
    tags: flags.tags && flags.tags.length > 0 ? flags.tags : config.tags,
    readme: flags.readme ?? config.readme,
    ecrLifecycle: flags.ecrLifecycle ?? config.ecrLifecycle,
  };
}
