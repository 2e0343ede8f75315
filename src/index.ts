/**
 * goship as a library: everything the CLI does is a function here.
 *
 *   import { parseDockerfile, lintText } from "goship";
 */
export { VERSION } from "./version.js";

// Errors and findings
export { LocatedError, UsageError } from "./diagnostic/located-error.js";
export type { Position, Range } from "./diagnostic/located-error.js";
export { sortFindings, compareFindings, atOrAbove, severityRank } from "./finding/finding.js";
export type { Finding, Severity, Fix, TextEdit } from "./finding/finding.js";

// Dockerfile
export { parseDockerfile, DockerfileError, findStage } from "./dockerfile/index.js";
export type { Dockerfile, Instruction, Stage } from "./dockerfile/index.js";
export { expandWord, expandWords, ExpandError } from "./dockerfile/expand/index.js";
export type { EnvLookup, ExpandOptions, ExpandResult } from "./dockerfile/expand/index.js";

// .dockerignore
export { parseIgnoreFile, compilePatterns, loadIgnoreForContext } from "./ignore/index.js";
export type { IgnorePattern, Matcher } from "./ignore/index.js";

// Go modules
export {
  parseGoMod,
  parseGoWork,
  parseGoSum,
  parseVendorModules,
  matchPrefixPatterns,
  resolveGoEnv,
  parseGoProxyList,
} from "./gomod/index.js";
export type { GoMod, GoWork, GoSum, VendorModules } from "./gomod/index.js";

// Images
export { parseImageRef } from "./oci/reference.js";
export type { ImageRef } from "./oci/reference.js";

// Lint
export { lintText } from "./lint/engine.js";
export type { LintOptions, LintResult } from "./lint/engine.js";
export { lintFiles } from "./lint/lint-files.js";
export { RULES, RULES_BY_ID } from "./lint/rules/index.js";
export type { Rule, RuleMeta } from "./lint/rule.js";
export { applyFixes } from "./lint/fix.js";

// Reports and configuration
export { FORMATS } from "./report/index.js";
export type { FormatName, ReportInput } from "./report/index.js";
export { parseConfig, loadConfigFile, findConfig } from "./config/load.js";
export type { GoshipConfig, LintConfig } from "./config/config.js";

// init: Dockerfile and .dockerignore generation
export { initProject, checkProject, writeProject, makePlan, generateFiles, checkDrift } from "./generate/index.js";

// Go source tree
export { scanProject } from "./goproject/index.js";

// doctor
export { diagnoseText, diagnoseFile, diagnoseStream } from "./doctor/index.js";

// Build context and secrets
export { walkContext, inspectContext, findJunk, unusedWeight } from "./context/index.js";
export type { ContextEntry, ContextReport } from "./context/index.js";
export { scanText, scanDockerfile, scanPaths, scanContext, DETECTORS } from "./secrets/index.js";
export type { SecretFinding } from "./secrets/index.js";
export { redact } from "./secrets/redact.js";

// Module supply chain: checksum database and reachability
export { runPreflight } from "./preflight/index.js";
export { runVerify, verifyGoSum } from "./sumdb/verify/index.js";
export { SumdbClient } from "./sumdb/client/index.js";
export { hash1, hashZip, hashDir } from "./sumdb/dirhash/index.js";

// Images
export { validateImage } from "./oci/validate.js";

// Audit
export { runAudit, formatAuditText, formatAuditJson, formatAuditSarif, evaluatePolicy, readHistory, AUDIT_AREAS, AUDIT_REPORT_VERSION } from "./audit/index.js";
export type { AuditOptions, AuditReport, AreaResult, AuditArea, TopFix, GateResult, HistoryPoint, ContextSummary, ImageSummary, DependencyInfo } from "./audit/index.js";

// SBOM
export {
  readBuildInfo,
  formatGoVersionM,
  parseModInfo,
  formatModInfo,
  toSpdx,
  toCycloneDx,
  sbomForImage,
  scanImageOrIndex,
  renderSbom,
  sbomMediaType,
  SPDX_JSON_MEDIA_TYPE,
  CYCLONEDX_JSON_MEDIA_TYPE,
} from "./sbom/index.js";
export type { GoBuildInfo, GoModule, GoBuildSetting, FoundBinary, BaseImageRef, SbomOptions, SbomFormat, ImageSbom } from "./sbom/index.js";

// Attestations
export { makeArtifact, referrerDescriptor, fallbackTag, listReferrers, pushReferrer, pushReferrers, putArtifactBlobs, hasReferrersApi, fetchArtifactBlob } from "./oci/referrers/index.js";
export type { Artifact, ArtifactInput, ReferrersMode, PushReferrerResult } from "./oci/referrers/index.js";
export { makeProvenance, encodeStatement, parseStatement, IN_TOTO_JSON_MEDIA_TYPE, SLSA_PROVENANCE_V1 } from "./provenance/index.js";
export type { Statement, SlsaProvenanceV1, ProvenanceInput } from "./provenance/index.js";
export { signImage, verifyImage, readPrivateKey, readPublicKey, makePayload, signatureTag, KeyError } from "./sign/index.js";
export type { SignResult, VerifyResult } from "./sign/index.js";
export { attachAll, attestationsFor, buildProvenance, type Attachment, type AttachedAttestation } from "./build/attestations.js";

// goship build: daemonless OCI images
export { runBuild, validateBuildOptions, registryPublisher, layoutPublisher, tarballPublisher, multiPublisher, DEFAULT_BASE } from "./build/index.js";
export type { BuildRun, GoshipBuildOptions, RawBuildOptions, Publisher, Published } from "./build/index.js";

// The audit's HTML report
export { renderAuditHtml } from "./audit/html/index.js";

// CI integration: workflow and pipeline generators
export { renderGithubWorkflow, renderGitlabCi, sarifToCodeQuality, discoverPlan, PINS } from "./ci/index.js";
export type { CiPlan, CiModule, CodeQualityIssue } from "./ci/index.js";
