/** src/preflight: can this place reach the Go module sources? DNS, TCP, TLS and HTTP of GOPROXY, GOSUMDB and VCS hosts. */
export { runPreflight } from "./run-preflight.js";
export type { RunPreflightOptions, PreflightReport } from "./run-preflight.js";
export { planTargets } from "./targets.js";
export type { Target, TargetKind, TargetPlan, PlanInput, SumdbPlan } from "./targets.js";
export { probeTarget } from "./probe-target.js";
export type { Step, StepName, Outcome, TargetResult } from "./probe-target.js";
export { decide, adviceFor, sumdbWalk } from "./verdict.js";
export type { Verdict, SumdbVerdict, SumdbWalk } from "./verdict.js";
export { proxyFor } from "./proxy-env.js";
export type { ProxyChoice } from "./proxy-env.js";
export { nodePreflightOps } from "./node-ops.js";
export type { PreflightOps, DnsAnswer, TlsAnswer, HttpAnswer, CertInfo } from "./ops.js";
export { emitShell } from "./emit-sh.js";
export { k8sInitContainer } from "./k8s-init.js";
export { dockerfileModuleEnv } from "./dockerfile-env.js";
export { formatPreflightText, formatPreflightJson } from "./format.js";
