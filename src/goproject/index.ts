/**
 * src/goproject: reading a Go module's source tree the way the go command
 * does (Go 1.26) — packages and their files for a target GOOS/GOARCH/tags,
 * build constraints, cgo use, go:embed files, main packages, version
 * variables, vendor/ and go.work — plus the OpenAPI facts `goship init`
 * needs. See each module's header for what it mirrors and leaves out.
 */
export { scanProject, hostTarget } from "./scan-project.js";
export { analyzeProject, binaryName } from "./project.js";
export type {
  GoProject, ScanOptions, AnalyzeOptions, LocalReplace, WorkspaceInfo, WorkspaceUse, VendorInfo, MainPackage,
  VersionVariable, CgoReason,
} from "./project.js";
export type { GoPackage, GoStringVariable, SourceRef } from "./package-load.js";
export { loadPackage } from "./package-load.js";
export { packageDirs } from "./module-walk.js";
export { fsTree } from "./fs-tree.js";
export type { SourceTree, TreeEntry, EntryKind } from "./tree.js";
export { compareGo } from "./tree.js";
export {
  parseConstraint, isGoBuildLine, isPlusBuildLine, evalConstraint, constraintString, constraintTags, ConstraintSyntaxError,
} from "./build-constraint.js";
export type { ConstraintExpr } from "./build-constraint.js";
export { makeBuildContext, matchTag, goodOSArchFile, defaultToolTags, KNOWN_OS, KNOWN_ARCH, UNIX_OS } from "./build-context.js";
export type { BuildContext, BuildContextOptions } from "./build-context.js";
export { shouldBuild, parseFileHeader } from "./file-constraints.js";
export { readGoSource } from "./go-source.js";
export type { GoSourceInfo, GoImport, GoEmbedPattern, GoStringVar } from "./go-source.js";
export { resolveEmbed, EmbedError, isBadEmbedName } from "./embed.js";
export { KNOWN_CGO_MODULES, knownCgoModule } from "./cgo-modules.js";
export { vendorConsistency } from "./vendor-consistency.js";
export { parseOpenApi } from "./openapi.js";
export type { OpenApiInfo, OpenApiServer, OpenApiSecurityScheme } from "./openapi.js";
export { findOpenApi, readOpenApi, OPENAPI_CANDIDATES } from "./openapi-file.js";
