/**
 * The runtime config `goship build` gives an image, from the base's
 * (pure): User (default 65532:65532), Entrypoint = the binary, Cmd cleared,
 * WorkingDir (default /), Env with PATH (the base's, else the standard one,
 * with the binary's folder in it), the data-folder variable and
 * SSL_CERT_FILE when asked, OCI labels org.opencontainers.image.* (source,
 * revision, version, created, base.name, base.digest) merged over the
 * base's labels, `created` from the build epoch, and the platform. Leaves
 * out ExposedPorts (goship does not guess ports) and healthchecks.
 */
import { getEnv, setEnv, type ImageConfig } from "../oci/config.js";
import type { Platform } from "../oci/platform.js";

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export interface ConfigParams {
  readonly platform: Platform;
  readonly binaryPath: string;
  readonly user: string;
  readonly workingDir: string;
  readonly created: string;
  readonly env: readonly (readonly [string, string])[];
  readonly labels: Readonly<Record<string, string>>;
}

export function epochToRfc3339(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.000Z$/, "Z");
}

/** OCI annotation/label keys. */
export const Label = {
  source: "org.opencontainers.image.source",
  revision: "org.opencontainers.image.revision",
  version: "org.opencontainers.image.version",
  created: "org.opencontainers.image.created",
  baseName: "org.opencontainers.image.base.name",
  baseDigest: "org.opencontainers.image.base.digest",
} as const;

export function makeImageConfig(base: ImageConfig, p: ConfigParams): ImageConfig {
  const binDir = p.binaryPath.slice(0, p.binaryPath.lastIndexOf("/")) || "/";
  const basePath = getEnv(base.config?.Env, "PATH") ?? DEFAULT_PATH;
  const path = basePath.split(":").includes(binDir) ? basePath : `${binDir}:${basePath}`;
  let env = setEnv(base.config?.Env ?? [], "PATH", path);
  for (const [k, v] of p.env) env = setEnv(env, k, v);
  const { Cmd: _cmd, Entrypoint: _ep, ...restConfig } = base.config ?? {};
  const config = {
    ...restConfig,
    User: p.user,
    Env: env,
    Entrypoint: [p.binaryPath],
    WorkingDir: p.workingDir,
    Labels: { ...(base.config?.Labels ?? {}), ...p.labels },
  };
  const { variant: _v, ...restBase } = base;
  return {
    ...restBase,
    architecture: p.platform.architecture,
    os: p.platform.os,
    ...(p.platform.variant ? { variant: p.platform.variant } : {}),
    created: p.created,
    config,
  };
}
