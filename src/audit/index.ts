/**
 * `goship audit` as a library: runAudit (every area, policy gates, scores,
 * history) → AuditReport, and its outputs (text, JSON, SARIF). The HTML
 * report lives in audit/html/.
 */
export { runAudit, type AuditOptions } from "./run-audit.js";
export { formatAuditText } from "./format-text.js";
export { formatAuditJson } from "./format-json.js";
export { formatAuditSarif } from "./format-sarif.js";
export { evaluatePolicy, escalate, type PolicyInput, type PolicyOutcome } from "./policy.js";
export { areaScore, overallScore, topFixes, SCORE_WEIGHTS } from "./score.js";
export { cutTree, contextSummary, DEFAULT_TREE_CUT, type TreeCut } from "./context-summary.js";
export { readHistory, appendHistory, historyPoint, historyFileName } from "./history.js";
export { redactReport } from "./redact-report.js";
export { loadImage, type LoadedImage, type Attachment } from "./image/load-image.js";
export { imageSummary, imageDependencies } from "./image/image-area.js";
export * from "./types.js";
