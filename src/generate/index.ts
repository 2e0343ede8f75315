/**
 * src/generate: `goship init` as a library. makePlan (plan.ts) decides,
 * the renderers print, generateFiles adds headers, checkDrift compares with
 * what is on disk; initProject / checkProject / writeProject do the I/O.
 */
export { makePlan, stageNameFor, factHash, repositoryUrl } from "./plan.js";
export type { InitOptions, PlanInputs, InitPlan, TargetPlan, DepsPlan, PrivatePlan, BuilderFlavor } from "./plan.js";
export { PROFILES, profileSpec, isProfile, DEBIAN_RELEASE, ALPINE_RELEASE } from "./profiles.js";
export type { Profile, ProfileSpec } from "./profiles.js";
export { goImageTag, compareGoVersions } from "./go-image.js";
export { renderDockerfile, describeScheme } from "./render-dockerfile.js";
export { renderDockerignore } from "./render-dockerignore.js";
export { renderReadme } from "./render-readme.js";
export { renderEcrLifecycle } from "./render-ecr-lifecycle.js";
export type { EcrLifecycleOptions } from "./render-ecr-lifecycle.js";
export { withHeader, parseHeader, contentHash } from "./header.js";
export type { ParsedHeader, CommentStyle } from "./header.js";
export { generateFiles, DOCKERFILE, DOCKERIGNORE, README_DOCKER, ECR_LIFECYCLE } from "./generate.js";
export type { GeneratedFile } from "./generate.js";
export { checkDrift } from "./drift.js";
export type { DriftKind, DriftReport } from "./drift.js";
export { initProject, checkProject, writeProject, initOptionsFrom } from "./init-project.js";
export type { InitRequest, InitOutput, WriteResult } from "./init-project.js";
