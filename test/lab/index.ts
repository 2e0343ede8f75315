/**
 * goship's build lab, the one API tests use: startLab() brings up, in a temp
 * folder, a loopback container registry seeded with stand-in base images, a
 * loopback Go module proxy with fault switches, buildkitd (and on demand
 * dockerd; buildah runs per build), and returns functions to build
 * Dockerfiles and run the images. stop() kills exactly the PIDs the lab
 * started and removes its temp folder; logs stay under logsDir. Needs root
 * and scripts/lab/install.sh. Leaves out multi-platform builds and any
 * network access beyond 127.0.0.1.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import type { BuildOptions, BuildResult, Driver } from "./build-options.js";
import { startBuildah, type Buildah } from "./buildah.js";
import { startBuildkit, type Buildkit } from "./buildkit.js";
import { startDockerd, type Dockerd } from "./dockerd.js";
import { ensureStandInImages, type StandInSet } from "./images.js";
import { buildLabModules, type LabModule } from "./lab-modules.js";
import { unmountUnder } from "./mounts.js";
import { haveTool, labBin, LAB_CACHE, LAB_LOGS, LAB_MODULE_SOURCES } from "./paths.js";
import { pidAlive } from "./process.js";
import { startModuleProxy, type ModuleProxy } from "./proxy.js";
import { startRegistry, type Registry } from "./registry.js";
import { Runner, type Container, type ContainerResult, type RunImageOptions } from "./runner.js";

export type { BuildOptions, BuildResult, Driver } from "./build-options.js";
export type { FaultMode, FaultOptions, ModuleProxy, ProxyLogEntry } from "./proxy.js";
export type { Container, ContainerResult, RunImageOptions, ProcStatus } from "./runner.js";
export type { StandInSet } from "./images.js";

export interface LabOptions {
  /** Seed the registry with the stand-in base images (default true). */
  readonly images?: boolean;
  /** Start buildkitd (default true). */
  readonly buildkit?: boolean;
  /** Start dockerd now (default false: lab.dockerd() starts it on first use). */
  readonly dockerd?: boolean;
  /** Progress lines (default: console.log with a "lab:" prefix). */
  readonly log?: (line: string) => void;
}

export interface LabTimings {
  readonly imagesMs: number;
  readonly imagesBuilt: boolean;
  readonly registryMs: number;
  readonly proxyMs: number;
  readonly buildkitMs: number;
  readonly totalMs: number;
}

export interface Lab {
  /** Temp folder holding every piece of lab state (removed by stop()). */
  readonly dir: string;
  /** This run's logs (builds, daemons, proxy requests); kept after stop(). */
  readonly logsDir: string;
  readonly registry: { readonly host: string; readonly port: number; readonly address: string; ref(name: string): string };
  readonly proxy: ModuleProxy;
  /** The lab's private/synthetic modules and their go.sum lines. */
  readonly modules: readonly LabModule[];
  readonly images: StandInSet | undefined;
  readonly buildkit: Buildkit | undefined;
  readonly timings: LabTimings;
  /** Builds with the given driver (default buildkit); a failed build prints its log path. */
  build(opts: BuildOptions): Promise<BuildResult>;
  /** Runs an image to completion. */
  runImage(opts: RunImageOptions): Promise<ContainerResult>;
  /** Starts an image and returns while it runs (for services). */
  startImage(opts: RunImageOptions): Promise<Container>;
  /** Starts (once) and returns the legacy-builder daemon. */
  dockerd(): Promise<Dockerd>;
  /** Which builders this machine has. */
  drivers(): readonly Driver[];
  /** PIDs of every long-running process the lab started and that still runs. */
  pids(): readonly number[];
  stop(): Promise<void>;
}

const KEEP_LOG_RUNS = 20;

function newLogsDir(): string {
  mkdirSync(LAB_LOGS, { recursive: true });
  // Keep the newest runs; never touch one younger than a day (it may belong
  // to a lab another process is still running).
  const runs = readdirSync(LAB_LOGS).sort();
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_LOG_RUNS + 1))) {
    const p = join(LAB_LOGS, old);
    if (statSync(p).mtimeMs < dayAgo) rmSync(p, { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const dir = join(LAB_LOGS, `${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Why the lab cannot start here, or undefined when it can. */
export function labUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "the build lab needs root (runc, buildkitd, mounts)";
  for (const t of ["docker-registry", "runc", "skopeo", "umoci", "tar"]) {
    if (!haveTool(t)) return `${t} is missing: run scripts/lab/install.sh`;
  }
  for (const b of ["buildkitd", "buildctl", "labtools"] as const) {
    if (!existsSync(labBin(b))) return `${labBin(b)} is missing: run scripts/lab/install.sh`;
  }
  return undefined;
}

export async function startLab(opts: LabOptions = {}): Promise<Lab> {
  const log = opts.log ?? ((l: string) => console.log(`lab: ${l}`));
  const missing = labUnavailable();
  if (missing !== undefined) throw new Error(missing);
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "goship-lab-"));
  const logsDir = newLogsDir();
  const started: { stop(): Promise<void>; pid?: number; alive?: () => boolean }[] = [];
  const daemonPids = new Set<number>();
  let dockerd: Dockerd | undefined;
  let runner: Runner | undefined;
  let proxy: ModuleProxy | undefined;
  let stopped = false;

  // Last resort if the test process dies without stop(): kill our PIDs only.
  const onExit = (): void => {
    for (const pid of daemonPids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  };
  process.on("exit", onExit);

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await runner?.stopAll();
    for (const s of [...started].reverse()) await s.stop().catch(() => undefined);
    await proxy?.stop();
    for (const pid of daemonPids) if (pidAlive(pid)) process.kill(pid, "SIGKILL");
    await unmountUnder(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    process.off("exit", onExit);
  };

  try {
    let images: StandInSet | undefined;
    const ti = Date.now();
    if (opts.images !== false) {
      images = await ensureStandInImages(log);
      log(`stand-in images ${images.built ? "built" : "cached"} (${images.key}) in ${images.durationMs} ms`);
    }
    const imagesMs = Date.now() - ti;

    const tr = Date.now();
    const registry: Registry = await startRegistry({
      dir: join(dir, "registry"),
      logFile: join(logsDir, "registry.log"),
      ...(images !== undefined ? { seed: images.storage } : {}),
    });
    started.push(registry);
    daemonPids.add(registry.daemon.pid);
    const registryMs = Date.now() - tr;

    const tp = Date.now();
    const modRoot = join(dir, "modules");
    const modules = await buildLabModules(labBin("labtools"), LAB_MODULE_SOURCES, modRoot);
    const gomodcache = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
    proxy = await startModuleProxy({
      roots: [modRoot, join(gomodcache, "cache", "download")],
      labtools: labBin("labtools"),
      tamperDir: join(dir, "tampered"),
      logFile: join(logsDir, "proxy-requests.jsonl"),
    });
    const proxyMs = Date.now() - tp;

    const tb = Date.now();
    let buildkit: Buildkit | undefined;
    if (opts.buildkit !== false) {
      buildkit = await startBuildkit({ dir: join(dir, "buildkit"), logsDir, registry: registry.address, proxyUrl: proxy.url });
      started.push(buildkit);
      daemonPids.add(buildkit.daemon.pid);
    }
    const buildkitMs = Date.now() - tb;

    runner = new Runner({ dir: join(dir, "run"), logsDir });
    let buildah: Buildah | undefined;
    let seq = 0;
    const proxyUrl = proxy.url;

    const getDockerd = async (): Promise<Dockerd> => {
      if (dockerd === undefined) {
        const gcrAliases = (images?.images ?? []).map((i) => i.ref).filter((r) => /^distroless\/[a-z]+-debian12:(latest|nonroot)$/.test(r));
        dockerd = await startDockerd({ dir: join(dir, "docker"), logsDir, registry: registry.address, proxyUrl, gcrAliases });
        started.push(dockerd);
        for (const p of dockerd.pids()) daemonPids.add(p);
      }
      return dockerd;
    };
    if (opts.dockerd === true) await getDockerd();

    const timings: LabTimings = {
      imagesMs,
      imagesBuilt: images?.built ?? false,
      registryMs,
      proxyMs,
      buildkitMs,
      totalMs: Date.now() - t0,
    };
    log(`started in ${timings.totalMs} ms (dir ${dir}, logs ${logsDir})`);

    const theProxy = proxy;
    const theRunner = runner;
    return {
      dir,
      logsDir,
      registry: { host: registry.host, port: registry.port, address: registry.address, ref: (n) => `${registry.address}/${n}` },
      proxy: theProxy,
      modules,
      images,
      buildkit,
      timings,
      async build(b: BuildOptions): Promise<BuildResult> {
        const driver = b.driver ?? "buildkit";
        seq++;
        let r: BuildResult;
        if (driver === "buildkit") {
          if (buildkit === undefined) throw new Error("lab started without buildkit");
          r = await buildkit.build(b, seq);
        } else if (driver === "dockerd") {
          r = await (await getDockerd()).build(b, seq);
        } else {
          buildah ??= startBuildah({ dir: join(dir, "buildah"), logsDir, registry: registry.address, proxyUrl });
          r = await buildah.build(b, seq);
        }
        if (!r.ok) log(`build failed (${driver}, exit ${r.exitCode}${r.timedOut ? ", timed out" : ""}); log: ${r.logPath}`);
        return r;
      },
      runImage: (o) => theRunner.run(o),
      startImage: (o) => theRunner.start(o),
      dockerd: getDockerd,
      drivers: () => [
        ...(buildkit !== undefined ? (["buildkit"] as const) : []),
        ...(haveTool("dockerd") && haveTool("/usr/bin/docker") ? (["dockerd"] as const) : []),
        ...(haveTool("buildah") ? (["buildah"] as const) : []),
      ],
      pids: () => [...daemonPids].filter(pidAlive),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

export { LAB_CACHE, LAB_LOGS };
