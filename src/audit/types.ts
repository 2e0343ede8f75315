/**
 * The audit report: the one data shape `goship audit` produces and every
 * audit output (text, JSON, SARIF, HTML) renders. Plain, JSON-serialisable,
 * already redacted. Its JSON form is the documented contract that conftest/OPA
 * policies read (docs/output/audit-json.md); bump AUDIT_REPORT_VERSION on any
 * incompatible change.
 */
import type { Finding, Severity } from "../finding/finding.js";

export const AUDIT_REPORT_VERSION = 1;

/** The areas an audit covers, in the order they are reported. */
export const AUDIT_AREAS = ["lint", "context", "init", "verify", "preflight", "doctor", "image", "policy"] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

/**
 * ok: ran, nothing at warning or above; findings: ran and found something;
 * skipped: not run (by a flag, or nothing to check; `note` says why);
 * failed: could not run (unreadable input, network error; `note` says why).
 */
export type AreaStatus = "ok" | "findings" | "skipped" | "failed";

export interface AreaResult {
  readonly area: AuditArea;
  readonly status: AreaStatus;
  /** 0..100, 100 = nothing to fix; null when skipped or failed. */
  readonly score: number | null;
  /** One line for the summary table, e.g. "3 Dockerfiles, 2 errors, 5 warnings". */
  readonly summary: string;
  /** Why it was skipped or failed, or a caveat such as "--offline: checksum database not consulted". */
  readonly note?: string;
  /** Findings of this area; `file` is relative to the audited root. */
  readonly findings: readonly Finding[];
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** One of the "top fixes first" lines: the most valuable findings, each with what to do. */
export interface TopFix {
  readonly area: AuditArea;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** What to do, one sentence (the rule's fix description or doc summary). */
  readonly action: string;
}

/** A folder or file of the build context, sizes in bytes, for the treemap. */
export interface ContextNode {
  readonly name: string;
  /** Path relative to the context root, "" for the root. */
  readonly path: string;
  readonly bytes: number;
  readonly files: number;
  /** Present for folders (possibly cut to the largest few, the rest summed into one "(other)" node). */
  readonly children?: readonly ContextNode[];
}

export interface ContextSummary {
  /** Relative to the audited root ("." for the root itself). */
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
  readonly ignoreFile: string | null;
  readonly tree: ContextNode;
}

export interface ImageLayerInfo {
  readonly digest: string;
  /** Compressed size in bytes. */
  readonly size: number;
  readonly mediaType: string;
  /** The history entry's created_by when known ("" otherwise). */
  readonly createdBy: string;
}

export interface ImageSummary {
  /** The reference or path the user gave (`--image`). */
  readonly ref: string;
  readonly digest: string;
  readonly platform: string;
  /** Sum of compressed layer sizes plus config, bytes. */
  readonly size: number;
  readonly user: string;
  readonly layers: readonly ImageLayerInfo[];
}

/** A Go module found in the SBOM of the image (or of the built binary). */
export interface DependencyInfo {
  readonly path: string;
  readonly version: string;
  /** go.sum-style h1: hash when known. */
  readonly hash?: string;
  /** "main" for the main module, "dep" otherwise; "stdlib" for the Go toolchain entry. */
  readonly kind: "main" | "dep" | "stdlib";
}

export interface GateResult {
  /** The policy key that defines the gate, e.g. "policy.maxImageSize". */
  readonly gate: string;
  readonly passed: boolean;
  /** Why it passed or failed, naming the evidence. */
  readonly message: string;
}

/** One earlier audit, read from `--history DIR`, for the trend chart. */
export interface HistoryPoint {
  /** ISO 8601 timestamp of that audit. */
  readonly createdAt: string;
  readonly counts: SeverityCounts;
  readonly score: number;
  /** Image size in bytes when that audit had an image. */
  readonly imageSize?: number;
  readonly contextBytes?: number;
  /** Source revision (git commit) when known. */
  readonly revision?: string;
}

/** A file goship init would write (the "no Dockerfile: here is what goship would write" case). */
export interface GeneratedFileInfo {
  readonly path: string;
  readonly content: string;
}

export interface AuditReport {
  readonly version: typeof AUDIT_REPORT_VERSION;
  readonly tool: { readonly name: "goship"; readonly version: string };
  /** The audited directory as the user named it. */
  readonly root: string;
  /** ISO 8601; SOURCE_DATE_EPOCH when set, for reproducible reports. */
  readonly createdAt: string;
  readonly revision?: string;
  readonly options: {
    readonly offline: boolean;
    readonly preflight: boolean;
    readonly log: string | null;
    readonly image: string | null;
  };
  /** 0..100 over the areas that ran. */
  readonly score: number;
  readonly counts: SeverityCounts;
  readonly areas: readonly AreaResult[];
  readonly topFixes: readonly TopFix[];
  readonly context?: ContextSummary;
  readonly image?: ImageSummary;
  readonly dependencies?: readonly DependencyInfo[];
  readonly gates: readonly GateResult[];
  /** What goship init would write when the repository has no Dockerfile (optional). */
  readonly generated?: readonly GeneratedFileInfo[];
  /** The failure threshold the exit code was decided with (optional). */
  readonly failureThreshold?: Severity | "none";
  /** Earlier audits, oldest first, this one last; present with `--history`. */
  readonly history?: readonly HistoryPoint[];
  /** 0 clean, 1 findings at/above the threshold or a failed gate. */
  readonly exitCode: 0 | 1;
}
