/**
 * The lab's container registry: Debian's docker-registry (distribution 2.8)
 * listening on 127.0.0.1 at a free port, with its storage in a folder the
 * caller owns (optionally seeded from a cached storage tree: blobs are
 * hard-linked, the small metadata files copied). Leaves out TLS and auth: the
 * registry is only reachable on loopback.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { startDaemon, waitFor, type Daemon } from "./process.js";

export interface Registry {
  readonly host: string;
  readonly port: number;
  /** "127.0.0.1:<port>", the prefix of every image reference in this registry. */
  readonly address: string;
  readonly storage: string;
  readonly daemon: Daemon;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Folder for config and storage (created). */
  readonly dir: string;
  /** Log file of the registry process. */
  readonly logFile: string;
  /** A registry storage tree to start from. */
  readonly seed?: string;
}

export async function startRegistry(opts: RegistryOptions): Promise<Registry> {
  const storage = join(opts.dir, "storage");
  mkdirSync(storage, { recursive: true });
  if (opts.seed !== undefined) seedStorage(opts.seed, storage);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const config = join(opts.dir, `config-${port}.yml`);
    writeFileSync(config, registryConfig(storage, port));
    const daemon = startDaemon("docker-registry", "docker-registry", ["serve", config], opts.logFile);
    try {
      await waitFor(
        `registry on 127.0.0.1:${port}`,
        async () => (await fetch(`http://127.0.0.1:${port}/v2/`)).status === 200,
        15_000,
        daemon,
      );
      return {
        host: "127.0.0.1",
        port,
        address: `127.0.0.1:${port}`,
        storage,
        daemon,
        stop: () => daemon.stop(),
      };
    } catch (e) {
      lastError = e;
      await daemon.stop(2_000);
    }
  }
  throw lastError;
}

function registryConfig(storage: string, port: number): string {
  return [
    "version: 0.1",
    "log:",
    "  level: warn",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${storage}`,
    "  delete:",
    "    enabled: true",
    "  maintenance:",
    "    uploadpurging:",
    "      enabled: false",
    "http:",
    `  addr: 127.0.0.1:${port}`,
    "",
  ].join("\n");
}

/**
 * Copies a storage tree: blob data (content-addressed, never rewritten with
 * other bytes) is hard-linked when possible, everything else copied, so the
 * registry can write its link files without touching the cached seed.
 */
function seedStorage(from: string, to: string): void {
  const walk = (src: string, dst: string, inBlobs: boolean): void => {
    mkdirSync(dst, { recursive: true });
    for (const name of readdirSync(src)) {
      const s = join(src, name);
      const d = join(dst, name);
      const st = statSync(s);
      if (st.isDirectory()) walk(s, d, inBlobs || name === "blobs");
      else if (existsSync(d)) continue;
      else if (inBlobs) {
        try {
          linkSync(s, d);
        } catch {
          cpSync(s, d);
        }
      } else cpSync(s, d);
    }
  };
  walk(from, to, false);
}
