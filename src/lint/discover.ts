/**
 * Finds the Dockerfiles `goship lint` should read: the paths the user named
 * (files, folders, globs), or with none every Dockerfile under the working
 * folder. A Dockerfile is `Dockerfile`, `Containerfile`, `*.Dockerfile`,
 * `Dockerfile.*` or `*.dockerfile`; `.dockerignore` files are not. vendor/,
 * node_modules/ and .git/ are skipped. Results are sorted and unique.
 */
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { UsageError } from "../diagnostic/located-error.js";
import { isDockerfileName } from "../dockerfile/file-name.js";

const DOCKERFILE_GLOBS = ["**/Dockerfile", "**/Containerfile", "**/*.Dockerfile", "**/*.dockerfile", "**/Dockerfile.*", "**/Containerfile.*"];
const SKIP = ["**/vendor/**", "**/node_modules/**", "**/.git/**"];
/** Characters without which tinyglobby sees no pattern: plain file paths need not load it. */
const MAYBE_GLOB = /[*?[\]{}()!@+\\]/;

type Tinyglobby = typeof import("tinyglobby");
let tinyglobby: Tinyglobby | undefined;
async function globber(): Promise<Tinyglobby> {
  tinyglobby ??= await import("tinyglobby");
  return tinyglobby;
}

export { isDockerfileName };

/**
 * Resolves user arguments to Dockerfile paths, relative to `cwd` when inside
 * it. Throws UsageError for a path that does not exist or a glob or folder
 * that holds no Dockerfile.
 */
export async function discoverDockerfiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  const inFolder = async (dir: string): Promise<string[]> => {
    const { glob } = await globber();
    const files = await glob(DOCKERFILE_GLOBS, { cwd: dir, ignore: SKIP, dot: true, absolute: true, onlyFiles: true });
    return files.filter((f) => isDockerfileName(f.slice(f.lastIndexOf("/") + 1)));
  };
  const targets = args.length === 0 ? ["."] : args;
  for (const arg of targets) {
    if (MAYBE_GLOB.test(arg) && (await globber()).isDynamicPattern(arg)) {
      const { glob } = await globber();
      const files = await glob([arg], { cwd, ignore: SKIP, dot: true, absolute: true, onlyFiles: true });
      if (files.length === 0) throw new UsageError(`no file matches ${arg}`);
      files.forEach((f) => found.add(f));
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`${arg}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const files = await inFolder(abs);
      if (files.length === 0 && args.length > 0) throw new UsageError(`${arg}: no Dockerfile in this folder`);
      files.forEach((f) => found.add(f));
    } else {
      found.add(abs);
    }
  }
  return [...found].map((f) => display(f, cwd)).sort();
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith("..") ? abs : rel;
}
