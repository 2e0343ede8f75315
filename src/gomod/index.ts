/**
 * src/gomod: readers for go.mod, go.work, go.sum and vendor/modules.txt, and
 * the module environment (GOPROXY lists, GOPRIVATE/GONOPROXY/GONOSUMDB), each
 * faithful to golang.org/x/mod v0.43.0 or the go command (Go 1.26).
 */
export { parseGoMod } from "./go-mod.js";
export type {
  GoMod, GoModDirective, GoModModule, GoModGo, GoModToolchain, GoModGodebug, GoModRequire, GoModExclude,
  GoModReplace, GoModRetract, GoModTool, GoModIgnore, ModuleVersion, ParseGoModOptions,
} from "./go-mod.js";
export { parseGoWork } from "./go-work.js";
export type { GoWork, GoWorkUse } from "./go-work.js";
export { GoModSyntaxError } from "./modfile-error.js";
export type { GoModProblem } from "./modfile-error.js";
export { parseGoSum, EMPTY_GO_MOD_HASH } from "./go-sum.js";
export type { GoSum, GoSumEntry, GoSumProblem, GoSumProblemKind } from "./go-sum.js";
export { parseVendorModules } from "./vendor-modules.js";
export type { VendorModule, VendorModules, VendorProblem } from "./vendor-modules.js";
export { matchPrefixPatterns } from "./prefix-patterns.js";
export { resolveGoEnv, bypassesProxy, bypassesSumdb, effectiveProxyList, GO_DEFAULT } from "./go-env.js";
export type { GoModuleEnv, GoDefault } from "./go-env.js";
export { parseGoProxyList, nextProxyAfterError, GoProxyListError } from "./proxy-list.js";
export type { GoProxyList, ProxyEntry, ProxyFallback, ProxyOutcome } from "./proxy-list.js";
