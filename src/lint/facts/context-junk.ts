/**
 * Files a build context should not ship, by kind (for GS503): VCS metadata
 * (.git), dotenv files (.env, .env.production; not .env.example/.sample/
 * .template), local overrides (*.local.*), private keys (id_rsa, id_ed25519,
 * *.key, *.p12, *.pfx, and *.pem named like a key; not certificates or
 * public keys by name, and not under testdata/, test/, tests/, fixtures/ or
 * examples/, where projects keep test keys), node_modules, and build output (a top-level
 * bin/ or dist/ holding files). Each kind comes with the .dockerignore line
 * that excludes what was found. Works on the context walk's entries (the
 * files the .dockerignore already lets through); reads no file contents.
 */
import type { ContextEntry } from "../model/project.js";

export type JunkKind = "git" | "env" | "local" | "key" | "node_modules" | "build-output";

export interface JunkFinding {
  readonly kind: JunkKind;
  /** Up to three example paths. */
  readonly examples: readonly string[];
  readonly count: number;
  /** .dockerignore lines that exclude every path found. */
  readonly ignoreLines: readonly string[];
}

export const JUNK_LABEL: Readonly<Record<JunkKind, string>> = {
  git: "VCS metadata",
  env: "dotenv files",
  local: "local override files",
  key: "private keys",
  node_modules: "node_modules",
  "build-output": "build output",
};

const KEY_NAMES = new Set(["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"]);
const TEST_DIR = /(^|\/)(testdata|test-?data|tests?|fixtures?|test-fixtures|examples?)\//;

/** A key file by name: id_* keys, *.key, *.p12, *.pfx, and *.pem whose name says key or private (not certificates or public keys). */
function isPrivateKeyName(name: string): boolean {
  if (KEY_NAMES.has(name) || /\.(p12|pfx)$/i.test(name)) return true;
  if (/pub(lic)?|cert|crt|chain|(^|[._-])ca([._-]|$)/i.test(name)) return false;
  if (/\.key$/i.test(name)) return true;
  return /\.pem$/i.test(name) && /key|priv/i.test(name);
}

function base(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** The kind of one entry, or null. Entries below a reported directory are not classified again. */
export function junkKind(e: ContextEntry): JunkKind | null {
  const name = base(e.path);
  if (name === ".git") return "git";
  if (e.dir) {
    if (name === "node_modules") return "node_modules";
    return null;
  }
  if (/^\.env(\..+)?$/.test(name) && !/\.(example|sample|template|dist|defaults?|schema)$/.test(name)) return "env";
  if (/\.local(\.[^.]+)+$/.test(name) || /^[^.].*\.local$/.test(name)) return "local";
  if (!TEST_DIR.test(e.path) && isPrivateKeyName(name)) return "key";
  const top = e.path.split("/")[0];
  if ((top === "bin" || top === "dist") && e.path.includes("/")) return "build-output";
  return null;
}

/** Groups the context's entries by kind, in a stable kind order. */
export function findJunk(entries: readonly ContextEntry[]): JunkFinding[] {
  const found = new Map<JunkKind, string[]>();
  const covered: string[] = [];
  for (const e of entries) {
    if (covered.some((d) => e.path.startsWith(d + "/"))) continue;
    const kind = junkKind(e);
    if (!kind) continue;
    if (kind === "git" || kind === "node_modules") covered.push(e.path);
    const list = found.get(kind) ?? [];
    list.push(e.path);
    found.set(kind, list);
  }
  const order: JunkKind[] = ["git", "env", "local", "key", "node_modules", "build-output"];
  return order.flatMap((kind) => {
    const paths = found.get(kind);
    if (!paths) return [];
    return [{ kind, examples: paths.slice(0, 3), count: paths.length, ignoreLines: ignoreLines(kind, paths) }];
  });
}

/** .dockerignore patterns (root-anchored, as the matcher reads them) covering `paths`. */
function ignoreLines(kind: JunkKind, paths: readonly string[]): string[] {
  const nested = paths.some((p) => p.includes("/"));
  const any = (pattern: string): string => (nested ? `**/${pattern}` : pattern);
  switch (kind) {
    case "git":
      return [any(".git")];
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
    case "node_modules":
      return [any("node_modules")];
    case "build-output":
      return [...new Set(paths.map((p) => p.split("/")[0]!))];
  }
}
