/**
 * Makes the RegistryClient for a reference's registry: Docker Hub's API
 * host for docker.io names, credentials from the docker CLI config (or
 * anonymous), plain HTTP only for registries the caller listed as insecure
 * (and the transport accepts those only on loopback). Leaves out registry
 * mirrors.
 */
import { credentialFrom, readDockerConfig, type DockerConfigFile } from "./docker-config.js";
import { RegistryClient } from "./registry-client.js";
import type { TransportOptions } from "./transport.js";

export interface ClientForOptions {
  readonly insecureRegistries?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly dockerConfig?: DockerConfigFile;
  readonly transport?: Partial<Omit<TransportOptions, "registry" | "credential" | "insecure">>;
}

export function apiHost(registry: string): string {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}

export function clientFor(registry: string, opts: ClientForOptions = {}): RegistryClient {
  const cfg = opts.dockerConfig ?? readDockerConfig(opts.env ?? process.env);
  return new RegistryClient({
    ...(opts.transport ?? {}),
    registry: apiHost(registry),
    credential: credentialFrom(cfg, registry),
    insecure: (opts.insecureRegistries ?? []).includes(registry),
  });
}
