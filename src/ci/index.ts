/**
 * src/ci: goship in other people's CI. Pure generators (a CiPlan in, text
 * out) for a hardened GitHub Actions workflow and a GitLab CI pipeline, the
 * SARIF → GitLab Code Quality converter, and discoverPlan, which reads a
 * repository's Go modules into a CiPlan.
 */
export { renderGithubWorkflow, githubJobs, GITHUB_WORKFLOW_PATH } from "./github.js";
export { renderGitlabCi, GITLAB_CI_PATH } from "./gitlab.js";
export { sarifToCodeQuality } from "./codequality.js";
export type { CodeQualityIssue } from "./codequality.js";
export { discoverPlan, moduleDirs, goVersionOf, readModule } from "./discover.js";
export type { DiscoverOptions } from "./discover.js";
export { PINS, usesRef } from "./pins.js";
export type { PinnedAction } from "./pins.js";
export { moduleSlug, jobId } from "./model.js";
export type { CiPlan, CiModule, CiMainPackage } from "./model.js";
