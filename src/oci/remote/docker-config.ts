/**
 * Credentials as the docker CLI stores them: `$DOCKER_CONFIG/config.json`
 * (default ~/.docker/config.json) `auths` (base64 `auth` or
 * username/password, `identitytoken`), `credHelpers` per registry and the
 * default `credsStore`, asked through `docker-credential-<name> get` (host
 * on stdin, JSON {Username, Secret} on stdout). Docker Hub's legacy key
 * `https://index.docker.io/v1/` is looked up for docker.io. The process
 * runner and file reader are injected. Leaves out `auths` entries keyed by
 * a URL with a path other than Docker Hub's.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface Credential {
  readonly username: string;
  readonly password: string;
  /** An OAuth2 refresh token (`identitytoken`), used instead of the password at the token endpoint. */
  readonly identityToken?: string;
}

export interface DockerConfigFile {
  readonly auths?: Readonly<Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>>;
  readonly credHelpers?: Readonly<Record<string, string>>;
  readonly credsStore?: string;
}

export type HelperRunner = (helper: string, host: string) => string;

const defaultHelper: HelperRunner = (helper, host) =>
  execFileSync(`docker-credential-${helper}`, ["get"], { input: host, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], timeout: 30_000 });

function keysFor(host: string): readonly string[] {
  if (host === "docker.io" || host === "index.docker.io" || host === "registry-1.docker.io") {
    return ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
  }
  return [host, `https://${host}`, `http://${host}`];
}

/** Looks `host` up in a parsed config; null when anonymous. */
export function credentialFrom(cfg: DockerConfigFile, host: string, runHelper: HelperRunner = defaultHelper): Credential | null {
  const keys = keysFor(host);
  const helper = keys.map((k) => cfg.credHelpers?.[k]).find((h) => h !== undefined) ?? cfg.credsStore;
  for (const k of keys) {
    const a = cfg.auths?.[k];
    if (a === undefined) continue;
    let username = a.username ?? "";
    let password = a.password ?? "";
    if (a.auth) {
      const dec = Buffer.from(a.auth, "base64").toString("utf8");
      const i = dec.indexOf(":");
      if (i > 0) {
        username = dec.slice(0, i);
        password = dec.slice(i + 1);
      }
    }
    if (a.identitytoken) return { username, password, identityToken: a.identitytoken };
    if (username !== "" || password !== "") return { username, password };
  }
  if (helper !== undefined && helper !== "") {
    let out: string;
    try {
      out = runHelper(helper, host);
    } catch {
      return null; // the helper knows nothing about this host
    }
    const j = JSON.parse(out) as { Username?: string; Secret?: string };
    if (j.Username === "<token>") return { username: "", password: "", identityToken: j.Secret ?? "" };
    if (j.Secret) return { username: j.Username ?? "", password: j.Secret };
  }
  return null;
}

/** Reads the docker CLI's config file (or returns {} when there is none). */
export function readDockerConfig(env: NodeJS.ProcessEnv = process.env): DockerConfigFile {
  const dir = env["DOCKER_CONFIG"] ?? join(env["HOME"] ?? homedir(), ".docker");
  const file = join(dir, "config.json");
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as DockerConfigFile;
}
