/** src/sumdb/client: the checksum database client (golang.org/x/mod/sumdb v0.43.0) and its Node port. */
export { SumdbClient } from "./client.js";
export type { ClientOptions } from "./client.js";
export type { ClientOps } from "./ops.js";
export { nodeClientOps, httpGetter } from "./node-ops.js";
export type { NodeOpsOptions, HttpGetOptions, FetchLike } from "./node-ops.js";
export { parseGosumdb, GosumdbError } from "./gosumdb-config.js";
export type { SumdbConfig } from "./gosumdb-config.js";
export { escapeModulePath, escapeModuleVersion, ModuleEscapeError } from "./module-escape.js";
export { SecurityError, TreeNoteError, RecordAuthenticationError, LookupError, RemoteError, WriteConflictError, GonosumdbError } from "./errors.js";
