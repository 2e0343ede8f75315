/** The example × profile matrix the generator tests share (options per example). */
import { join } from "node:path";
import { ROOT } from "../support/paths.js";
import type { InitOptions } from "../../src/generate/plan.js";
import type { Profile } from "../../src/generate/profiles.js";

export const EXAMPLES_DIR = join(ROOT, "examples");
export const GOLDEN_DIR = join(ROOT, "test", "generate", "golden");
export const PROFILES: readonly Profile[] = ["static", "debian-slim", "alpine", "debug"];

export interface ExampleCase {
  readonly example: string;
  readonly options: InitOptions;
}

export const EXAMPLE_CASES: readonly ExampleCase[] = [
  { example: "greeter", options: {} },
  { example: "multi", options: { port: { api: 8081 } } },
  { example: "cgo", options: {} },
  { example: "private", options: { goprivate: "corp.example" } },
];

/** Extra variants of greeter: every option at once, and a profile matrix. */
export const VARIANTS: readonly { readonly name: string; readonly example: string; readonly options: InitOptions }[] = [
  { name: "greeter/full", example: "greeter", options: { withTests: true, readme: true, ecrLifecycle: true, syntax: "docker/dockerfile:1", tags: ["netgo"] } },
  { name: "multi/matrix", example: "multi", options: { profiles: { api: "static", worker: "debian-slim" }, port: { api: 8081 }, withTests: true, readme: true } },
  { name: "cgo/matrix", example: "cgo", options: { profile: "alpine", withTests: true } },
];
