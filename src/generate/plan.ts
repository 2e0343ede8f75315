/**
 * makePlan: everything `goship init` decides, as data, from what
 * src/goproject read (go.mod, the packages, cgo, go:embed, version
 * variables, vendor/, local replaces), the OpenAPI facts and the options.
 * The renderers (render-*.ts) only print a plan. Pure.
 *
 * Decisions: one build stage per main package (`build-<name>`) on a shared
 * module stage (`deps`), one final stage per target named after its binary
 * (the last one is the default target; `--target` selects); cgo turns off
 * cross-compilation and picks a builder whose libc matches the runtime
 * (golang:<v>-bookworm for glibc, golang:<v>-alpine<rel> for musl); EXPOSE
 * comes from --port/config or the OpenAPI servers, which must agree; the
 * OpenAPI port goes to the target whose package is, or imports, x-go-package.
 *
 * Errors (LocatedError naming file and line): no main package, a local
 * replace outside the module folder (the build context), an inconsistent
 * vendor/modules.txt, an x-go-package that is not a package of this module,
 * an explicit port that conflicts with the OpenAPI one, two main packages
 * with the same binary name. Unknown --target / profile names are
 * UsageErrors. Leaves out go.work (the image builds what go.mod says, as
 * with GOWORK=off) and per-target build tags.
 */
import { createHash } from "node:crypto";
import { LocatedError, UsageError } from "../diagnostic/located-error.js";
import type { GoProject } from "../goproject/project.js";
import type { OpenApiInfo, OpenApiSecurityScheme } from "../goproject/openapi.js";
import { ALPINE_RELEASE, DEBIAN_RELEASE, isProfile, profileSpec, type Profile, type ProfileSpec } from "./profiles.js";
import { goImageTag } from "./go-image.js";

export interface InitOptions {
  /** Profile of every target without an entry in `profiles` (default static). */
  readonly profile?: Profile | null;
  readonly profiles?: Readonly<Record<string, Profile>>;
  /** Only these targets (binary names); default all. */
  readonly targets?: readonly string[];
  /** One port for every target, or per target. */
  readonly port?: number | Readonly<Record<string, number>> | null;
  /** Where the port came from, for messages ("--port", ".goship.yaml init.port"). */
  readonly portSource?: string;
  /** GOPRIVATE-style list. */
  readonly goprivate?: string | null;
  readonly withTests?: boolean;
  /** Frontend image for a `# syntax=` line; null/undefined for none. */
  readonly syntax?: string | null;
  /** Go build tags. */
  readonly tags?: readonly string[];
  readonly readme?: boolean;
  readonly ecrLifecycle?: boolean;
}

export interface PlanInputs {
  readonly project: GoProject;
  /** The OpenAPI facts (`file` as errors should name it); null when none. */
  readonly openapi: OpenApiInfo | null;
  /** The OpenAPI file relative to the module root, as the generated files name it. */
  readonly openapiPath?: string;
  /** go.sum exists beside go.mod. */
  readonly hasGoSum: boolean;
  /** Extensions of non-Go source files in package folders (".s", ".c", ".syso" …), sorted. */
  readonly otherSourceExts: readonly string[];
  readonly options: InitOptions;
}

export type BuilderFlavor = "golang" | "bookworm" | "alpine";

export interface DepsPlan {
  readonly stage: string;
  readonly image: string;
  readonly flavor: BuilderFlavor;
  /** `--platform=$BUILDPLATFORM` and GOOS/GOARCH from TARGETOS/TARGETARCH (cgo off only). */
  readonly cross: boolean;
  /** alpine + cgo: apk add gcc musl-dev. */
  readonly installCCompiler: boolean;
}

export interface TargetPlan {
  /** Binary name = final stage name. */
  readonly name: string;
  readonly stage: string;
  readonly buildStage: string;
  readonly deps: DepsPlan;
  /** Package folder relative to the module root ("." or "cmd/api"). */
  readonly dir: string;
  readonly importPath: string;
  readonly profile: Profile;
  readonly spec: ProfileSpec;
  readonly cgo: boolean;
  readonly port: number | null;
  /** The -X symbol stamped from ARG VERSION, or null. */
  readonly versionSymbol: string | null;
  /** -tags for go build (user tags + timetzdata when the runtime lacks tzdata). */
  readonly tags: readonly string[];
}

export interface PrivatePlan {
  readonly goprivate: string;
  readonly modules: readonly string[];
}

export interface InitPlan {
  readonly modulePath: string;
  readonly goTag: string;
  readonly deps: readonly DepsPlan[];
  readonly targets: readonly TargetPlan[];
  readonly cgo: boolean;
  readonly cgoReasons: readonly string[];
  readonly vendor: boolean;
  readonly hasGoSum: boolean;
  /** There are requirements to download (and no vendor/). */
  readonly download: boolean;
  /** Local replacement folders, module-relative. */
  readonly localReplaces: readonly string[];
  readonly private: PrivatePlan | null;
  /** .dockerignore re-include patterns for go:embed, module-relative, sorted. */
  readonly embedPatterns: readonly string[];
  readonly otherSourceExts: readonly string[];
  readonly openapi: { readonly file: string; readonly port: number | null; readonly securitySchemes: readonly OpenApiSecurityScheme[] } | null;
  /** Default of ARG VERSION (the version variable's value, else "dev"). */
  readonly versionDefault: string;
  /** Default of ARG SOURCE (a repository URL derived from the module path, else ""). */
  readonly sourceUrl: string;
  readonly withTests: boolean;
  /** go test -race in the test stage (the test builder has a C compiler). */
  readonly testRace: boolean;
  readonly syntax: string | null;
  readonly userTags: readonly string[];
  readonly readme: boolean;
  readonly ecrLifecycle: boolean;
  /** Hashes of the facts taken from each input (header `goship:inputs`). */
  readonly inputs: Readonly<Record<string, string>>;
}

const STAGE_NAME = /^[a-z][a-z0-9._-]*$/;

/** A valid, lowercase stage name for a binary name. */
export function stageNameFor(binary: string): string {
  let s = binary.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  if (!/^[a-z]/.test(s)) s = `app-${s}`;
  return STAGE_NAME.test(s) ? s : "app";
}

/** sha256 of canonical JSON (sorted keys), first 12 hex digits. */
export function factHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, 12);
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** https://<host>/<owner>/<repo> for modules on well-known forges, else "". */
export function repositoryUrl(modulePath: string): string {
  const m = /^(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/([^/]+)\/([^/]+)/.exec(modulePath);
  return m ? `https://${m[1]}/${m[2]}/${m[3]}` : "";
}

function isOutside(dir: string): boolean {
  return dir.startsWith("/") || dir === ".." || dir.startsWith("../") || /^[A-Za-z]:[\\/]/.test(dir);
}

function embedIgnorePattern(pkgDir: string, pattern: string): string {
  const p = pattern.replace(/^all:/, "");
  return pkgDir === "." ? p : `${pkgDir}/${p}`;
}

export function makePlan(inputs: PlanInputs): InitPlan {
  const { project, openapi, options } = inputs;
  const openapiPath = inputs.openapiPath ?? openapi?.file ?? "";
  const goMod = project.goMod;
  const goModFile = goMod.file;
  const goTag = goImageTag(goMod);

  // Local replaces must be inside the build context (the module folder).
  for (const r of project.localReplaces) {
    if (isOutside(r.dir)) {
      throw new LocatedError(
        `replacement directory ${r.path} is outside the module folder, so it cannot be in the build context; move it inside (or vendor it) before generating a Dockerfile`,
        goModFile,
        r.range,
      );
    }
  }
  if (project.vendor && !project.vendor.consistent) {
    const file = goModFile.replace(/go\.mod$/, "vendor/modules.txt");
    throw new LocatedError(
      `vendor/modules.txt is inconsistent with go.mod (${project.vendor.inconsistencies[0] ?? "run go mod vendor"}): the image build would fail; run \`go mod vendor\``,
      file,
      { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    );
  }

  // Main packages → targets.
  if (project.mainPackages.length === 0) {
    throw new LocatedError(
      `module ${project.modulePath} has no main package (no \`package main\` with a func main to build): nothing to put in an image`,
      goModFile,
      goMod.module?.range,
    );
  }
  const byName = new Map<string, (typeof project.mainPackages)[number]>();
  for (const m of project.mainPackages) {
    const prev = byName.get(m.binaryName);
    if (prev) {
      throw new LocatedError(
        `two main packages build a binary named ${m.binaryName} (${prev.dir} and ${m.dir}): rename one folder so each image target has its own name`,
        goModFile,
        goMod.module?.range,
      );
    }
    byName.set(m.binaryName, m);
  }
  const all = [...byName.keys()];
  const wanted = options.targets && options.targets.length > 0 ? options.targets : all;
  for (const t of wanted) {
    if (!byName.has(t)) throw new UsageError(`unknown target "${t}": the main packages build ${all.join(", ")}`);
  }
  for (const [t, p] of Object.entries(options.profiles ?? {})) {
    if (!byName.has(t)) throw new UsageError(`profiles: unknown target "${t}": the main packages build ${all.join(", ")}`);
    if (!isProfile(p)) throw new UsageError(`profiles.${t}: unknown profile "${String(p)}"`);
  }
  const defaultProfile: Profile = options.profile ?? "static";
  if (!isProfile(defaultProfile)) throw new UsageError(`unknown profile "${String(defaultProfile)}"`);
  const selected = all.filter((n) => wanted.includes(n));

  // OpenAPI: x-go-package must name a package of this module.
  const pkgs = new Map(project.packages.map((p) => [p.importPath, p]));
  let openapiTargets: ReadonlySet<string> | null = null;
  if (openapi?.goPackage) {
    const gp = openapi.goPackage;
    const at = { start: { line: gp.line, column: 1 }, end: { line: gp.line, column: 1 } };
    if (!pkgs.has(gp.value)) {
      const inModule = gp.value === project.modulePath || gp.value.startsWith(`${project.modulePath}/`);
      throw new LocatedError(
        inModule
          ? `x-go-package ${gp.value} names no package of module ${project.modulePath} (no Go files at ${gp.value.slice(project.modulePath.length + 1) || "."})`
          : `x-go-package ${gp.value} is not in module ${project.modulePath}: it must name a package of this module`,
        openapi.file,
        at,
      );
    }
    const reaches = (from: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length > 0) {
        const p = stack.pop() as string;
        if (p === gp.value) return true;
        if (seen.has(p)) continue;
        seen.add(p);
        for (const i of pkgs.get(p)?.imports ?? []) if (pkgs.has(i)) stack.push(i);
      }
      return false;
    };
    const set = new Set(all.filter((n) => reaches((byName.get(n) as { importPath: string }).importPath)));
    if (set.size === 0) {
      throw new LocatedError(`x-go-package ${gp.value} is not imported by any main package of this module, so no image serves this API`, openapi.file, at);
    }
    openapiTargets = set;
  }

  const explicitPort = (name: string): number | null => {
    const p = options.port;
    if (p === null || p === undefined) return null;
    if (typeof p === "number") return p;
    return p[name] ?? null;
  };
  if (options.port !== null && typeof options.port === "object") {
    for (const t of Object.keys(options.port)) if (!byName.has(t)) throw new UsageError(`port: unknown target "${t}": the main packages build ${all.join(", ")}`);
  }

  const cgo = project.usesCgo;
  const depsByFlavor = new Map<BuilderFlavor, DepsPlan>();
  const depsFor = (flavor: BuilderFlavor): DepsPlan => {
    let d = depsByFlavor.get(flavor);
    if (!d) {
      const image =
        flavor === "golang" ? `golang:${goTag}` : flavor === "bookworm" ? `golang:${goTag}-${DEBIAN_RELEASE}` : `golang:${goTag}-alpine${ALPINE_RELEASE}`;
      d = { stage: flavor === "alpine" && cgo ? "deps-alpine" : "deps", image, flavor, cross: !cgo, installCCompiler: flavor === "alpine" && cgo };
      depsByFlavor.set(flavor, d);
    }
    return d;
  };
  const userTags = [...new Set(options.tags ?? [])].sort();
  const reserved = new Set(["deps", "deps-alpine", "test"]);
  const targets: TargetPlan[] = selected.map((name) => {
    const m = byName.get(name) as (typeof project.mainPackages)[number];
    const profile = options.profiles?.[name] ?? defaultProfile;
    const spec = profileSpec(profile, cgo);
    const flavor: BuilderFlavor = !cgo ? "golang" : spec.libc === "musl" ? "alpine" : "bookworm";
    let stage = stageNameFor(name);
    if (reserved.has(stage) || stage.startsWith("build-")) stage = `${stage}-image`;
    const explicit = explicitPort(name);
    const fromApi = openapi && openapi.port !== null && (openapiTargets === null || openapiTargets.has(name)) ? openapi.port : null;
    if (explicit !== null && fromApi !== null && explicit !== fromApi && openapi) {
      const server = openapi.servers.find((s) => s.port === fromApi);
      const line = server?.line ?? 1;
      throw new LocatedError(
        `port ${explicit} from ${options.portSource ?? "--port"} conflicts with port ${fromApi} of the OpenAPI servers here (target ${name}); make them agree`,
        openapi.file,
        { start: { line, column: 1 }, end: { line, column: 1 } },
      );
    }
    const tags = [...new Set([...userTags, ...(spec.embedTzdata ? ["timetzdata"] : [])])].sort();
    return {
      name,
      stage,
      buildStage: `build-${stage}`,
      deps: depsFor(flavor),
      dir: m.dir,
      importPath: m.importPath,
      profile,
      spec,
      cgo,
      port: explicit ?? fromApi,
      versionSymbol: m.versionSymbol,
      tags,
    };
  });

  const goprivate = (options.goprivate ?? "").trim();
  const privateModules = goprivate ? project.privateModules(goprivate).map((r) => r.path) : [];
  const priv: PrivatePlan | null = privateModules.length > 0 ? { goprivate, modules: [...new Set(privateModules)].sort() } : null;

  const embedPatterns = [...new Set(project.packages.flatMap((p) => p.embedPatterns.map((e) => embedIgnorePattern(p.dir, e))))].sort();
  const vendor = project.vendor !== null;
  const localReplaces = [...new Set(project.localReplaces.map((r) => r.dir))].filter((d) => d !== ".").sort();
  const download = !vendor && (project.requirements.length > 0 || localReplaces.length > 0);
  const rawVersion = project.versionVariable?.value ?? "";
  const versionDefault = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(rawVersion) ? rawVersion : "dev";
  const deps = [...depsByFlavor.values()].sort((a, b) => (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0));
  const withTests = options.withTests === true;
  const testDeps = deps[0] as DepsPlan;
  const testRace = testDeps.flavor !== "alpine";
  const syntax = options.syntax ?? null;

  const inputsHash: Record<string, string> = {
    "go.mod": factHash({
      module: project.modulePath,
      goTag,
      localReplaces,
      vendor,
      hasGoSum: inputs.hasGoSum,
      download,
      private: priv,
      cgoModules: project.cgoReasons.filter((r) => !pkgs.has(r.source)).map((r) => r.source),
    }),
    source: factHash({
      mains: project.mainPackages.map((m) => [m.dir, m.binaryName, m.versionSymbol]),
      versionDefault,
      cgo,
      embedPatterns,
      otherSourceExts: inputs.otherSourceExts,
    }),
    openapi: factHash(
      openapi ? { file: openapiPath, port: openapi.port, goPackage: openapi.goPackage?.value ?? null, schemes: openapi.securitySchemes.map((s) => [s.name, s.type, s.in, s.paramName, s.scheme, s.bearerFormat]) } : null,
    ),
    options: factHash({
      profile: defaultProfile,
      profiles: options.profiles ?? {},
      targets: selected,
      port: options.port ?? null,
      goprivate,
      withTests,
      syntax,
      tags: userTags,
      readme: options.readme === true,
      ecrLifecycle: options.ecrLifecycle === true,
    }),
  };

  return Object.freeze({
    modulePath: project.modulePath,
    goTag,
    deps: Object.freeze(deps),
    targets: Object.freeze(targets),
    cgo,
    cgoReasons: Object.freeze(project.cgoReasons.map((r) => `${r.source}: ${r.why}`)),
    vendor,
    hasGoSum: inputs.hasGoSum,
    download,
    localReplaces: Object.freeze(localReplaces),
    private: priv,
    embedPatterns: Object.freeze(embedPatterns),
    otherSourceExts: Object.freeze([...inputs.otherSourceExts]),
    openapi: openapi ? { file: openapiPath, port: openapi.port, securitySchemes: openapi.securitySchemes } : null,
    versionDefault,
    sourceUrl: repositoryUrl(project.modulePath),
    withTests,
    testRace,
    syntax,
    userTags: Object.freeze(userTags),
    readme: options.readme === true,
    ecrLifecycle: options.ecrLifecycle === true,
    inputs: Object.freeze(inputsHash),
  });
}
