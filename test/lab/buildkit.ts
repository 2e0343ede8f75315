/**
 * The BuildKit driver: buildkitd (root, OCI worker on runc, state in a temp
 * folder, host networking for RUN so builds reach the loopback module proxy)
 * configured with the lab registry as mirror for docker.io and gcr.io, and
 * builds with `buildctl build --frontend dockerfile.v0` (the built-in
 * frontend: no `# syntax=` image pull). Progress goes to a log file
 * (--progress plain or rawjson). Leaves out the containerd worker, rootless
 * mode and remote cache import/export.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildArgsWithProxy, dockerfileOf, logName, type BuildOptions, type BuildResult } from "./build-options.js";
import { labBin } from "./paths.js";
import { run, runOk, startDaemon, waitFor, type Daemon } from "./process.js";

export interface Buildkit {
  /** "unix://<dir>/buildkitd.sock", for buildctl --addr. */
  readonly address: string;
  readonly configPath: string;
  readonly daemon: Daemon;
  build(opts: BuildOptions, seq: number): Promise<BuildResult>;
  /** Drops every cache record, cache mounts included (buildctl prune --all). */
  prune(): Promise<void>;
  stop(): Promise<void>;
}

export interface BuildkitOptions {
  readonly dir: string;
  readonly logsDir: string;
  /** "127.0.0.1:<port>" of the lab registry. */
  readonly registry: string;
  readonly proxyUrl: string;
}

/** buildkitd.toml: the lab registry mirrors docker.io and gcr.io, plain HTTP. */
export function buildkitdToml(registry: string, socket: string): string {
  return [
    "[grpc]",
    `  address = ["unix://${socket}"]`,
    "",
    "[worker.oci]",
    "  enabled = true",
    "  gc = false",
    "",
    "[worker.containerd]",
    "  enabled = false",
    "",
    '[registry."docker.io"]',
    `  mirrors = ["${registry}"]`,
    "",
    '[registry."gcr.io"]',
    `  mirrors = ["${registry}"]`,
    "",
    `[registry."${registry}"]`,
    "  http = true",
    "  insecure = true",
    "",
  ].join("\n");
}

export async function startBuildkit(opts: BuildkitOptions): Promise<Buildkit> {
  mkdirSync(opts.dir, { recursive: true });
  const socket = join(opts.dir, "buildkitd.sock");
  const address = `unix://${socket}`;
  const configPath = join(opts.dir, "buildkitd.toml");
  writeFileSync(configPath, buildkitdToml(opts.registry, socket));
  const daemon = startDaemon(
    "buildkitd",
    labBin("buildkitd"),
    [
      "--config", configPath,
      "--root", join(opts.dir, "state"),
      "--oci-worker-net", "host",
      "--allow-insecure-entitlement", "network.host",
    ],
    join(opts.logsDir, "buildkitd.log"),
  );
  const buildctl = labBin("buildctl");
  await waitFor(
    "buildkitd to answer",
    async () => (await run(buildctl, ["--addr", address, "debug", "workers"], { timeoutMs: 5000 })).exitCode === 0,
    30_000,
    daemon,
  );

  return {
    address,
    configPath,
    daemon,
    async build(b: BuildOptions, seq: number): Promise<BuildResult> {
      const df = dockerfileOf(b);
      const label = b.label ?? (b.context.split("/").filter(Boolean).at(-1) ?? "build");
      const progress = b.progress ?? "plain";
      const logPath = join(opts.logsDir, logName(seq, label, "buildkit", `${progress}.log`));
      const args = [
        "--addr", address, "build",
        "--frontend", "dockerfile.v0",
        "--local", `context=${b.context}`,
        "--local", `dockerfile=${df.dir}`,
        "--opt", `filename=${df.name}`,
        "--opt", "force-network-mode=host",
        "--allow", "network.host",
        "--progress", progress,
      ];
      for (const [k, v] of Object.entries(buildArgsWithProxy(b, opts.proxyUrl))) args.push("--opt", `build-arg:${k}=${v}`);
      if (b.target !== undefined) args.push("--opt", `target=${b.target}`);
      if (b.noCache === true) args.push("--no-cache");
      let imageRef: string | undefined;
      let ociArchive: string | undefined;
      const out = b.output ?? { type: "none" };
      if (out.type === "registry") {
        imageRef = `${opts.registry}/${out.name}`;
        args.push("--output", `type=image,name=${imageRef},push=true,registry.insecure=true`);
      } else if (out.type === "oci") {
        ociArchive = out.dest ?? join(opts.logsDir, logName(seq, label, "buildkit", "oci.tar"));
        args.push("--output", `type=oci,dest=${ociArchive},name=lab/${label}:latest`);
      }
      writeFileSync(logPath, `# buildctl ${args.join(" ")}\n`);
      const r = await run(buildctl, args, { logFile: logPath, timeoutMs: b.timeoutMs ?? 10 * 60_000 });
      const ok = r.exitCode === 0 && !r.timedOut;
      return {
        driver: "buildkit",
        ok,
        exitCode: r.exitCode,
        timedOut: r.timedOut,
        logPath,
        durationMs: r.durationMs,
        ...(ok && imageRef !== undefined ? { imageRef } : {}),
        ...(ok && ociArchive !== undefined ? { ociArchive } : {}),
      };
    },
    async prune(): Promise<void> {
      await runOk(buildctl, ["--addr", address, "prune", "--all"], { timeoutMs: 120_000 });
    },
    stop: () => daemon.stop(),
  };
}
