/**
 * The buildah driver: `buildah build` with vfs storage and chroot isolation
 * (which shares the host network, so RUN reaches the loopback module proxy),
 * storage and registries.conf in a temp folder, docker.io and gcr.io mirrored
 * to the lab registry. No daemon: each build is one process. Leaves out
 * overlay storage, layer caching (--layers) and OCI archive output.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildArgsWithProxy, dockerfileOf, logName, type BuildOptions, type BuildResult } from "./build-options.js";
import { run } from "./process.js";

export interface Buildah {
  build(opts: BuildOptions, seq: number): Promise<BuildResult>;
}

export interface BuildahOptions {
  readonly dir: string;
  readonly logsDir: string;
  readonly registry: string;
  readonly proxyUrl: string;
}

/** registries.conf (v2): short names resolve on docker.io; both registries mirrored. */
export function registriesConf(registry: string): string {
  const mirrored = (prefix: string): string =>
    [`[[registry]]`, `prefix = "${prefix}"`, `location = "${prefix}"`, `[[registry.mirror]]`, `location = "${registry}"`, `insecure = true`, ""].join("\n");
  return [
    'unqualified-search-registries = ["docker.io"]',
    'short-name-mode = "permissive"',
    "",
    mirrored("docker.io"),
    mirrored("gcr.io"),
    "[[registry]]",
    `location = "${registry}"`,
    "insecure = true",
    "",
  ].join("\n");
}

export function startBuildah(opts: BuildahOptions): Buildah {
  mkdirSync(opts.dir, { recursive: true });
  const conf = join(opts.dir, "registries.conf");
  writeFileSync(conf, registriesConf(opts.registry));
  const policy = join(opts.dir, "policy.json");
  writeFileSync(policy, JSON.stringify({ default: [{ type: "insecureAcceptAnything" }] }));
  const env = { ...process.env, CONTAINERS_REGISTRIES_CONF: conf, CONTAINERS_POLICY_JSON: policy, BUILDAH_ISOLATION: "chroot" };
  const global = ["--root", join(opts.dir, "root"), "--runroot", join(opts.dir, "runroot"), "--storage-driver", "vfs"];
  return {
    async build(b: BuildOptions, seq: number): Promise<BuildResult> {
      const df = dockerfileOf(b);
      const label = b.label ?? (b.context.split("/").filter(Boolean).at(-1) ?? "build");
      const logPath = join(opts.logsDir, logName(seq, label, "buildah", "log"));
      const out = b.output ?? { type: "none" };
      if (out.type === "oci") throw new Error("the buildah driver has no OCI archive output");
      const tag = out.type === "registry" ? `${opts.registry}/${out.name}` : `localhost/lab/${label.toLowerCase()}:${seq}`;
      const args = [...global, "build", "--isolation", "chroot", "--signature-policy", policy, "-f", df.path, "-t", tag];
      for (const [k, v] of Object.entries(buildArgsWithProxy(b, opts.proxyUrl))) args.push("--build-arg", `${k}=${v}`);
      if (b.target !== undefined) args.push("--target", b.target);
      if (b.noCache === true) args.push("--no-cache");
      args.push(b.context);
      writeFileSync(logPath, `# buildah ${args.join(" ")}\n`);
      const t0 = Date.now();
      let r = await run("buildah", args, { env, logFile: logPath, timeoutMs: b.timeoutMs ?? 15 * 60_000 });
      if (r.exitCode === 0 && out.type === "registry") {
        r = await run("buildah", [...global, "push", "--signature-policy", policy, "--tls-verify=false", tag, `docker://${tag}`], {
          env,
          logFile: logPath,
          timeoutMs: 5 * 60_000,
        });
      }
      const ok = r.exitCode === 0 && !r.timedOut;
      return {
        driver: "buildah",
        ok,
        exitCode: r.exitCode,
        timedOut: r.timedOut,
        logPath,
        durationMs: Date.now() - t0,
        ...(ok && out.type === "registry" ? { imageRef: tag } : {}),
      };
    },
  };
}
