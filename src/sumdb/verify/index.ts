/** src/sumdb/verify: `goship verify` as a library: go.sum against the checksum database, GOPROXY and the module cache. */
export { verifyGoSum } from "./verify-go-sum.js";
export type { VerifyPorts, VerifyOptions, VerifyResult, LineResult, LineStatus } from "./verify-go-sum.js";
export { classifyLookupError } from "./classify-error.js";
export type { LookupFailure, LookupFailureKind } from "./classify-error.js";
export { fetchFromProxies } from "./module-source.js";
export type { Fetched } from "./module-source.js";
export { checkModuleCache } from "./module-cache.js";
export type { CacheCheck } from "./module-cache.js";
export { probeGoEnv } from "./go-env-probe.js";
export type { GoEnvProbe, GoEnvVars } from "./go-env-probe.js";
export { runVerify } from "./run-verify.js";
export type { RunVerifyOptions, RunVerifyOutcome } from "./run-verify.js";
