/**
 * Finding and reading the ignore file for a build, as BuildKit v0.34.2's
 * dockerui frontend does (frontend/dockerui/config.go):
 *
 * 1. `<Dockerfile>.dockerignore` beside the Dockerfile (the Dockerfile's own
 *    file name plus ".dockerignore", e.g. `build/api.Dockerfile.dockerignore`)
 *    wins when it can be read, even when it is empty;
 * 2. otherwise `.dockerignore` at the root of the context;
 * 3. otherwise no patterns.
 * A file that cannot be read (missing, a directory, no permission) counts as
 * absent, as in BuildKit; one over 16 MiB (the gRPC message limit BuildKit
 * applies) is an error. Without a Dockerfile path the Dockerfile is
 * `<contextDir>/Dockerfile`; BuildKit keeps that name for the ignore file
 * even when it falls back to reading a lower-case `dockerfile`.
 * Left out: BuildKit reads both files through the transferred context, so a
 * symlink is only followed inside it; here the file system follows it.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { LocatedError } from "../diagnostic/located-error.js";
import { type IgnorePattern, parseIgnoreFile } from "./read-ignore-file.js";

/** dockerui's maxFileSize (containerd's default gRPC receive limit). */
export const MAX_IGNORE_FILE_BYTES = 16 << 20;

export interface LoadedIgnore {
  /** The file the patterns came from, or null when there is none. */
  readonly file: string | null;
  readonly patterns: readonly IgnorePattern[];
}

async function readIfRegular(path: string): Promise<string | null> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) return null;
    size = st.size;
  } catch {
    return null;
  }
  if (size > MAX_IGNORE_FILE_BYTES) {
    throw new LocatedError(`${path} exceeds maximum allowed size of ${MAX_IGNORE_FILE_BYTES} bytes`, path);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  if (bytes.length > MAX_IGNORE_FILE_BYTES) {
    throw new LocatedError(`${path} exceeds maximum allowed size of ${MAX_IGNORE_FILE_BYTES} bytes`, path);
  }
  // Keep a BOM: parseIgnoreFile strips it from the first line like ReadAll.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** The file BuildKit would take the patterns from, tried in order. */
export function ignoreFileCandidates(contextDir: string, dockerfilePath?: string): readonly string[] {
  const dockerfile = dockerfilePath ?? join(contextDir, "Dockerfile");
  return [dockerfile + ".dockerignore", join(contextDir, ".dockerignore")];
}

/** Reads the ignore file that applies to a build of contextDir with dockerfilePath. */
export async function loadIgnoreForContext(contextDir: string, dockerfilePath?: string): Promise<LoadedIgnore> {
  for (const candidate of ignoreFileCandidates(contextDir, dockerfilePath)) {
    const text = await readIfRegular(candidate);
    if (text !== null) return { file: candidate, patterns: parseIgnoreFile(text, candidate) };
  }
  return { file: null, patterns: [] };
}
