/**
 * Where the build lab keeps things: the reusable cache folder filled by
 * scripts/lab/install.sh (binaries, cached stand-in images), the log folder
 * that outlives a lab run, and the tools it runs. Leaves out installing
 * anything: that is the installer's job.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

/** The cache folder shared with scripts/lab/install.sh (GOSHIP_LAB_CACHE). */
export const LAB_CACHE: string = process.env.GOSHIP_LAB_CACHE ?? join(homedir(), ".cache", "goship-lab");

/** Binaries the installer builds: buildkitd, buildctl, labtools. */
export const LAB_BIN: string = join(LAB_CACHE, "bin");

/** Built stand-in images (registry storage seeds), one folder per input hash. */
export const LAB_IMAGES: string = join(LAB_CACHE, "images");

/** Every lab run writes its logs under here (GOSHIP_LAB_LOGS); they outlive stop(). */
export const LAB_LOGS: string = process.env.GOSHIP_LAB_LOGS ?? join(ROOT, ".cache", "lab-logs");

/** The example projects (examples/<name>). */
export const EXAMPLES: string = join(ROOT, "examples");

/** Sources of the lab's private/synthetic modules: <path>@<version>/ folders. */
export const LAB_MODULE_SOURCES: string = join(ROOT, "test", "lab", "modules");

/** The installer: `bash scripts/lab/install.sh`. */
export const LAB_INSTALLER: string = join(ROOT, "scripts", "lab", "install.sh");

/** Absolute path of a lab-built binary. */
export function labBin(name: "buildkitd" | "buildctl" | "labtools"): string {
  return join(LAB_BIN, name);
}

/**
 * The Debian docker CLI (20.10, legacy builder by default). A newer CLI found
 * first on PATH would insist on buildx, so the lab names this one explicitly.
 */
export const DOCKER_CLI = "/usr/bin/docker";

/** True when a command exists at an absolute path or on PATH. */
export function haveTool(name: string): boolean {
  if (name.startsWith("/")) return existsSync(name);
  return (process.env.PATH ?? "").split(":").some((d) => d !== "" && existsSync(join(d, name)));
}
