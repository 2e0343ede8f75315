/**
 * generateFiles: the files `goship init` writes for a plan, each with its
 * goship header (render-*.ts give the bodies, header.ts the header):
 * Dockerfile, .dockerignore, and on request README.Docker.md and
 * ecr-lifecycle-policy.json. Pure and deterministic (no clock, no host
 * facts: the same plan and version give the same bytes).
 */
import { withHeader } from "./header.js";
import type { InitPlan } from "./plan.js";
import { renderDockerfile } from "./render-dockerfile.js";
import { renderDockerignore } from "./render-dockerignore.js";
import { renderEcrLifecycle } from "./render-ecr-lifecycle.js";
import { renderReadme } from "./render-readme.js";

export interface GeneratedFile {
  /** Path relative to the module root. */
  readonly path: string;
  readonly content: string;
  /** The file carries a goship header (JSON cannot). */
  readonly hasHeader: boolean;
  /** The inputs' fact hashes written in the header. */
  readonly inputs: Readonly<Record<string, string>>;
}

export const DOCKERFILE = "Dockerfile";
export const DOCKERIGNORE = ".dockerignore";
export const README_DOCKER = "README.Docker.md";
export const ECR_LIFECYCLE = "ecr-lifecycle-policy.json";

export function generateFiles(plan: InitPlan, version: string): readonly GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const add = (path: string, content: string, hasHeader: boolean): void => {
    files.push(Object.freeze({ path, content, hasHeader, inputs: plan.inputs }));
  };
  add(
    DOCKERFILE,
    withHeader(renderDockerfile(plan), { style: "hash", version, inputs: plan.inputs, ...(plan.syntax ? { prefix: `# syntax=${plan.syntax}\n` } : {}) }),
    true,
  );
  add(DOCKERIGNORE, withHeader(renderDockerignore(plan), { style: "hash", version, inputs: plan.inputs }), true);
  if (plan.readme) add(README_DOCKER, withHeader(renderReadme(plan), { style: "html", version, inputs: plan.inputs }), true);
  if (plan.ecrLifecycle) add(ECR_LIFECYCLE, renderEcrLifecycle(version), false);
  return Object.freeze(files);
}
