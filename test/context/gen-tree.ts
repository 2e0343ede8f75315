/**
 * Generated build contexts for the differential test against BuildKit: a
 * seeded tree of files, dotfiles, nested folders, empty folders, symlinks
 * (relative, absolute, dangling, to folders) and a FIFO, and a seeded
 * .dockerignore (or `<Dockerfile>.dockerignore`) drawn from patterns that
 * exercise exceptions, `**`, trailing globs and directory skipping.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Rng } from "../support/random.js";

export interface TreeSpec {
  readonly files: readonly string[];
  readonly emptyDirs: readonly string[];
  readonly symlinks: readonly (readonly [string, string])[];
  readonly fifos: readonly string[];
  readonly ignore: string;
}

const DIRS = ["a", "b", "src", "vendor", ".git", "node_modules", "keep", "a b", ".cache", "bin", "docs", "x.d"];
const FILES = ["f", "main.go", ".env", ".env.example", "x.local.yaml", "id_rsa", "keep", "README.md", ".hidden", "k.pem", "z", "go.mod"];
const PATTERNS = [
  "*", "**", "**/*.go", "!**/*.go", "*.md", "!README.md", "a", "!a/keep", "a/*", "!a/b", "a/**/f", "**/keep", "!**/keep", ".*", "!.env.example",
  ".git", "**/.git", "node_modules", "vendor/**", "!vendor/keep/**", "*/f", "**/f", "!src", "src/*", "b/", "./docs", "/bin", "x.d/**", "!x.d/z",
  "**/.*", "*.local.*", "!a/b/keep", "a b", "k.pem", "**/id_rsa", "!keep", "[a-b]", "!b/?", "#comment", "", "docs/*.md",
];

export function randomTree(rng: Rng): TreeSpec {
  const dirs: string[] = [""];
  const files: string[] = [];
  const emptyDirs: string[] = [];
  const nDirs = 2 + rng.int(8);
  for (let i = 0; i < nDirs; i++) {
    const parent = rng.pick(dirs);
    const d = parent ? `${parent}/${rng.pick(DIRS)}` : rng.pick(DIRS);
    if (!dirs.includes(d) && d.split("/").length <= 4) dirs.push(d);
  }
  for (const d of dirs) {
    const n = rng.int(4);
    if (d !== "" && n === 0 && rng.int(2) === 0) emptyDirs.push(d);
    for (let i = 0; i < n; i++) {
      const f = d ? `${d}/${rng.pick(FILES)}` : rng.pick(FILES);
      if (!files.includes(f) && !dirs.includes(f)) files.push(f);
    }
  }
  const withContent = new Set([...files, ...dirs]);
  const symlinks: [string, string][] = [];
  const nLinks = rng.int(3);
  for (let i = 0; i < nLinks; i++) {
    const d = rng.pick(dirs);
    const name = d ? `${d}/link${i}` : `link${i}`;
    const target = rng.pick(["../outside", "/etc/passwd", "f", "a", "nowhere", ".env"]);
    if (!withContent.has(name)) symlinks.push([name, target]);
  }
  const fifos = rng.int(4) === 0 ? [rng.pick(dirs.filter((d) => d !== "").concat([""])) + "/pipe"].map((p) => p.replace(/^\//, "")) : [];
  const lines: string[] = [];
  const n = rng.int(7);
  for (let i = 0; i < n; i++) lines.push(rng.pick(PATTERNS));
  return { files, emptyDirs: emptyDirs.filter((d) => !files.some((f) => f.startsWith(d + "/")) && !dirs.some((x) => x.startsWith(d + "/"))), symlinks, fifos, ignore: lines.join("\n") + "\n" };
}

/** Writes the tree under root (the folder must be empty or absent). */
export function writeTree(root: string, t: TreeSpec, ignoreFile = ".dockerignore"): void {
  mkdirSync(root, { recursive: true });
  for (const f of t.files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), `content of ${f}\n`);
  }
  for (const d of t.emptyDirs) mkdirSync(join(root, d), { recursive: true });
  for (const [name, target] of t.symlinks) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    symlinkSync(target, join(root, name));
  }
  for (const p of t.fifos) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    execFileSync("mkfifo", [join(root, p)]);
  }
  if (t.ignore !== "") writeFileSync(join(root, ignoreFile), t.ignore);
}
