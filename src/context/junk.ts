/**
 * Files a build context should not ship, recognised by name (no contents are
 * read): VCS metadata (.git, .hg, .svn), dotenv files (.env, .env.production;
 * not .env.example/.sample/.template), local overrides (*.local.*), private
 * keys (id_rsa, id_ed25519, *.key, *.p12, *.pfx, and *.pem named like a key;
 * not certificates or public keys by name, and not under testdata/, test/,
 * tests/, fixtures/ or examples/, where projects keep test keys), .netrc and
 * other credential stores (.git-credentials, .pgpass, .npmrc is left out: it
 * is usually config), kubeconfigs, cloud credential files (.aws/credentials,
 * GCP service-account JSON by name, .docker/config.json, .azure/), node_modules,
 * and build output (a top-level bin/ or dist/ holding files). Each group
 * carries the .dockerignore lines that exclude everything found. Used by
 * `goship context` and by lint's GS503 (src/lint/facts/context-junk.ts).
 * Leaves out size (large.ts) and reachability from COPY (unused.ts).
 */
import type { ContextEntry } from "./walk.js";

export type JunkKind =
  | "git"
  | "env"
  | "local"
  | "key"
  | "credentials"
  | "kubeconfig"
  | "cloud-credentials"
  | "node_modules"
  | "build-output";

export interface JunkFinding {
  readonly kind: JunkKind;
  /** Up to three example paths. */
  readonly examples: readonly string[];
  /** Every path found (a directory stands for everything below it). */
  readonly paths: readonly string[];
  readonly count: number;
  /** .dockerignore lines that exclude every path found. */
  readonly ignoreLines: readonly string[];
}

export const JUNK_LABEL: Readonly<Record<JunkKind, string>> = {
  git: "VCS metadata",
  env: "dotenv files",
  local: "local override files",
  key: "private keys",
  credentials: "credential files",
  kubeconfig: "kubeconfigs",
  "cloud-credentials": "cloud credentials",
  node_modules: "node_modules",
  "build-output": "build output",
};

export const JUNK_ORDER: readonly JunkKind[] = ["git", "env", "local", "key", "credentials", "kubeconfig", "cloud-credentials", "node_modules", "build-output"];

const KEY_NAMES = new Set(["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"]);
const TEST_DIR = /(^|\/)(testdata|test-?data|tests?|fixtures?|test-fixtures|examples?)\//;
const CREDENTIAL_NAMES = new Set([".netrc", "_netrc", ".git-credentials", ".pgpass", ".htpasswd"]);
const VCS_NAMES = new Set([".git", ".hg", ".svn"]);

/** A key file by name: id_* keys, *.key, *.p12, *.pfx, and *.pem whose name says key or private (not certificates or public keys). */
export function isPrivateKeyName(name: string): boolean {
  if (KEY_NAMES.has(name) || /\.(p12|pfx)$/i.test(name)) return true;
  if (/pub(lic)?|cert|crt|chain|(^|[._-])ca([._-]|$)/i.test(name)) return false;
  if (/\.key$/i.test(name)) return true;
  return /\.pem$/i.test(name) && /key|priv/i.test(name);
}

function base(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

function parentName(p: string): string {
  const parts = p.split("/");
  return parts[parts.length - 2] ?? "";
}

/** The kind of one entry, or null. Entries below a reported directory are not classified again. */
export function junkKind(e: ContextEntry): JunkKind | null {
  const name = base(e.path);
  if (VCS_NAMES.has(name)) return "git";
  if (e.dir) {
    if (name === "node_modules") return "node_modules";
    if (name === ".azure" || name === ".gcloud") return "cloud-credentials";
    return null;
  }
  if (/^\.env(\..+)?$/.test(name) && !/\.(example|sample|template|dist|defaults?|schema)$/.test(name)) return "env";
  if (/\.local(\.[^.]+)+$/.test(name) || /^[^.].*\.local$/.test(name)) return "local";
  const inTests = TEST_DIR.test(e.path);
  if (!inTests && isPrivateKeyName(name)) return "key";
  if (CREDENTIAL_NAMES.has(name)) return "credentials";
  if (name === "kubeconfig" || /^kubeconfig[._-].+/.test(name) || (parentName(e.path) === ".kube" && name === "config")) return "kubeconfig";
  const parent = parentName(e.path);
  if ((parent === ".aws" && (name === "credentials" || name === "config")) || (parent === ".docker" && name === "config.json")) return "cloud-credentials";
  if (!inTests && /^(service[-_]?account|gcp[-_].*credentials|application_default_credentials)[^/]*\.json$/i.test(name)) return "cloud-credentials";
  const top = e.path.split("/")[0];
  if ((top === "bin" || top === "dist") && e.path.includes("/")) return "build-output";
  return null;
}

/** Groups the context's entries by kind, in JUNK_ORDER. */
export function findJunk(entries: readonly ContextEntry[]): JunkFinding[] {
  const found = new Map<JunkKind, string[]>();
  const covered: string[] = [];
  for (const e of entries) {
    if (covered.length > 0 && covered.some((d) => e.path.startsWith(d + "/"))) continue;
    const kind = junkKind(e);
    if (!kind) continue;
    if (e.dir) covered.push(e.path);
    const list = found.get(kind) ?? [];
    list.push(e.path);
    found.set(kind, list);
  }
  return JUNK_ORDER.flatMap((kind) => {
    const paths = found.get(kind);
    if (!paths) return [];
    return [{ kind, examples: paths.slice(0, 3), paths, count: paths.length, ignoreLines: junkIgnoreLines(kind, paths) }];
  });
}

/** .dockerignore patterns (root-anchored, as the matcher reads them) covering `paths`. */
export function junkIgnoreLines(kind: JunkKind, paths: readonly string[]): string[] {
  const nested = paths.some((p) => p.includes("/"));
  const any = (pattern: string): string => (nested ? `**/${pattern}` : pattern);
  const byName = (): string[] => {
    const groups = new Map<string, boolean>();
    for (const p of paths) groups.set(base(p), (groups.get(base(p)) ?? false) || p.includes("/"));
    return [...groups].map(([name, deep]) => (deep ? `**/${name}` : name));
  };
  switch (kind) {
    case "git":
      return byName();
    case "env":
      return [any(".env*")];
    case "local":
      return [any("*.local.*")].concat(paths.some((p) => /\.local$/.test(p)) ? [any("*.local")] : []);
    case "key": {
      const groups = new Map<string, boolean>();
      for (const p of paths) {
        const name = base(p);
        const ext = /\.(pem|key|p12|pfx)$/i.exec(name)?.[0];
        const pattern = ext ? `*${ext}` : name;
        groups.set(pattern, (groups.get(pattern) ?? false) || p.includes("/"));
      }
      return [...groups].map(([pattern, deep]) => (deep ? `**/${pattern}` : pattern));
    }
    case "credentials":
      return byName();
    case "kubeconfig":
    case "cloud-credentials":
      return [...new Set(paths.map((p) => (/^\.(kube|aws|docker|azure|gcloud)(\/|$)/.test(p) ? p.split("/")[0]! : p)))];
    case "node_modules":
      return [any("node_modules")];
    case "build-output":
      return [...new Set(paths.map((p) => p.split("/")[0]!))];
  }
}
