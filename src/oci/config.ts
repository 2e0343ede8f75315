/**
 * The image configuration (OCI image spec config.md; Docker's
 * container.image.v1 is the same shape): platform, runtime config (User,
 * Env, Entrypoint, Cmd, WorkingDir, Labels, ExposedPorts), rootfs diff_ids
 * and history. Unknown members of a base image's config are kept as they
 * were read. Leaves out Volumes/Healthcheck semantics (kept, not edited).
 */
export interface ContainerConfig {
  readonly User?: string;
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[] | null;
  readonly Cmd?: readonly string[] | null;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly ExposedPorts?: Readonly<Record<string, object>>;
  readonly [k: string]: unknown;
}

export interface History {
  readonly created?: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

export interface ImageConfig {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string;
  readonly created?: string;
  readonly author?: string;
  readonly config?: ContainerConfig;
  readonly rootfs: { readonly type: "layers"; readonly diff_ids: readonly string[] };
  readonly history?: readonly History[];
  readonly [k: string]: unknown;
}

export function parseConfig(bytes: Uint8Array): ImageConfig {
  const v = JSON.parse(Buffer.from(bytes).toString("utf8")) as ImageConfig;
  if (typeof v !== "object" || v === null || typeof v.rootfs !== "object" || !Array.isArray(v.rootfs?.diff_ids)) {
    throw new Error("not an image config (rootfs.diff_ids missing)");
  }
  return v;
}

/** Sets `NAME=value` in an Env list, replacing an existing NAME. */
export function setEnv(env: readonly string[], name: string, value: string): readonly string[] {
  const out = env.filter((e) => e.split("=", 1)[0] !== name);
  out.push(`${name}=${value}`);
  return out;
}

export function getEnv(env: readonly string[] | undefined, name: string): string | undefined {
  const e = (env ?? []).find((x) => x.split("=", 1)[0] === name);
  return e === undefined ? undefined : e.slice(name.length + 1);
}
