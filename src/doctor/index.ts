/**
 * `goship doctor` as a library: diagnose a build log (text, bytes, stream or
 * file) and get the steps, the outcome and the findings (root cause first);
 * format them as text or the versioned JSON schema; link steps to a parsed
 * Dockerfile. `goship run` is in run/.
 */
export { Diagnoser, diagnoseText, prefilterKeywords, type DiagnoseOptions } from "./engine.js";
export { diagnoseFile, diagnoseStream, type SourceOptions } from "./source.js";
export { linkDockerfile, dockerfileLineOf } from "./dockerfile-link.js";
export { formatDoctorJson, doctorJsonObject, DOCTOR_JSON_VERSION, type NamedResult } from "./format-json.js";
export { formatDoctorText } from "./format-text.js";
export { toFindings } from "./to-findings.js";
export { DIAGNOSES, diagnosisById } from "./rules/index.js";
export type * from "./types.js";
