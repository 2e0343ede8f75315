/**
 * Dockerfile variable expansion, faithful to BuildKit's frontend/dockerfile/shell
 * (see lexer.ts for what is covered and the quirks kept).
 */
export { TOO_DEEP, expandWord, expandWords } from "./lexer.js";
export type { EnvLookup, ExpandOptions, ExpandResult } from "./lexer.js";
export { ExpandError } from "./expand-error.js";
