/**
 * Merges the `.goship.yaml` build section with the flags of `goship build`
 * into the raw options validateBuildOptions takes (pure): a flag that was
 * given wins over the config key, lists given by flags replace the
 * config's, `--env` entries are added over `build.env`, and the targets
 * map passes through. Values keep the config's spelling so validation
 * errors name what the user wrote.
 */
import type { BuildConfig } from "../config/config.js";
import type { RawBuildOptions, RawTargetOptions } from "./options.js";

/** The flags that have a config key; undefined or an empty list = not given. */
export interface BuildFlagValues {
  readonly base?: string;
  readonly platform?: string;
  readonly ldflags?: readonly string[];
  /** KEY=VALUE entries of --env. */
  readonly env?: readonly string[];
  readonly tags?: readonly string[];
  readonly version?: string;
  readonly dataFolder?: string;
  readonly binaryDir?: string;
  readonly user?: string;
  readonly owner?: string;
}

export class EnvFlagError extends Error {
  override readonly name = "EnvFlagError";
}

/** `KEY=VALUE` entries into a map; throws EnvFlagError on an entry without `=`. */
export function parseEnvFlags(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const i = e.indexOf("=");
    if (i <= 0) throw new EnvFlagError(`--env takes KEY=VALUE, not ${JSON.stringify(e)}`);
    out[e.slice(0, i)] = e.slice(i + 1);
  }
  return out;
}

const given = (l: readonly string[] | undefined): l is readonly string[] => l !== undefined && l.length > 0;

/** The options fields that come from config or flags (the caller adds dir, packages, env, registries…). */
export function mergeBuildSettings(config: BuildConfig, flags: BuildFlagValues): Omit<RawBuildOptions, "dir" | "env"> {
  const platform = flags.platform ?? (config.platforms.length > 0 ? config.platforms.join(",") : undefined);
  const base = flags.base ?? config.base ?? undefined;
  const version = flags.version ?? config.version ?? undefined;
  const dataFolder = flags.dataFolder ?? config.dataFolder ?? undefined;
  const binaryDir = flags.binaryDir ?? config.binaryDir ?? undefined;
  const user = flags.user ?? config.user ?? undefined;
  const owner = flags.owner ?? config.owner ?? undefined;
  const buildEnv = { ...config.env, ...parseEnvFlags(flags.env ?? []) };
  const targets: Record<string, RawTargetOptions> = {};
  for (const [k, t] of Object.entries(config.targets)) {
    targets[k] = {
      ...(t.base !== undefined ? { base: t.base } : {}),
      ...(t.platforms !== undefined ? { platform: t.platforms.join(",") } : {}),
      ...(t.ldflags !== undefined ? { ldflags: t.ldflags } : {}),
      ...(t.env !== undefined ? { env: t.env } : {}),
      ...(t.dataFolder !== undefined ? { dataFolder: t.dataFolder } : {}),
    };
  }
  return {
    ...(platform !== undefined ? { platform } : {}),
    ...(base !== undefined ? { base } : {}),
    ldflags: given(flags.ldflags) ? flags.ldflags : config.ldflags,
    tags: given(flags.tags) ? flags.tags : config.tags,
    ...(version !== undefined ? { version } : {}),
    ...(dataFolder !== undefined ? { dataFolder } : {}),
    ...(binaryDir !== undefined ? { binaryDir } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(Object.keys(buildEnv).length > 0 ? { buildEnv } : {}),
    ...(Object.keys(targets).length > 0 ? { targets } : {}),
  };
}
