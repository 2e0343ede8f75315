/**
 * .dockerignore handling with BuildKit's semantics: reading the file
 * (ignorefile.ReadAll), choosing `<Dockerfile>.dockerignore` over the
 * context's `.dockerignore`, compiling patterns (patternmatcher.New) and
 * deciding which paths leave the build context.
 */
export { type IgnorePattern, MAX_LINE_BYTES, parseIgnoreFile } from "./read-ignore-file.js";
export { type CompiledPattern, type Matcher, type ParentMatch, type WalkVisit, compilePatterns } from "./matcher.js";
export { type LoadedIgnore, MAX_IGNORE_FILE_BYTES, ignoreFileCandidates, loadIgnoreForContext } from "./load-ignore.js";
export type { PatternKind } from "./pattern-program.js";
