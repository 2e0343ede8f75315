/**
 * Secret scanning and redaction, used by every goship output and by
 * `goship secrets`, `goship context`, lint (GS402/GS407) and doctor: one
 * detector per credential kind (detectors/), the scanner (scan.ts), the
 * Dockerfile pass, file and build-context scanning, the allow-list, and
 * redaction (redact.ts: at most 4 characters of a secret are ever shown).
 */
export type { Detector, DetectorContext, RawMatch } from "./detector.js";
export { DETECTORS } from "./detectors/index.js";
export { scanText, credentialKind, secretToFinding, ALLOW_COMMENT, type SecretFinding, type ScanOptions } from "./scan.js";
export { scanDockerfile } from "./dockerfile.js";
export { scanPaths, scanContext, isDockerfileName, DEFAULT_MAX_FILE_BYTES, type FileScanOptions, type FileScanResult } from "./scan-files.js";
export { allowList, parseAllowList, loadAllowList, EMPTY_ALLOW_LIST, type AllowEntry, type AllowList, type AllowQuery } from "./allow-list.js";
export { shannonEntropy, isHighEntropy, charClasses, entropyThreshold, ENTROPY_RATIO, ENTROPY_SHORT, ENTROPY_HEX } from "./entropy.js";
export { fingerprint } from "./fingerprint.js";
export { isSecretName, nameWords } from "./names.js";
export { isPlaceholderValue } from "./placeholder.js";
export { secretFileKind } from "./secret-file-names.js";
export { keptPrefix, mask, mayHoldSecret, redact } from "./redact.js";
