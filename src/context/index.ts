/**
 * The build context as BuildKit sends it: walk (fsutil semantics with the
 * .dockerignore matcher), sizes and tree, junk by name, unused weight from
 * the Dockerfile's COPY/ADD sources, `--fix` ignore lines, git changes, and
 * the report outputs of `goship context`.
 */
export { walkContext, type ContextEntry, type EntryType, type WalkOptions, type WalkResult } from "./walk.js";
export { findJunk, junkKind, junkIgnoreLines, isPrivateKeyName, JUNK_LABEL, JUNK_ORDER, type JunkFinding, type JunkKind } from "./junk.js";
export { copySources, cleanContextPath, type CopySource } from "./copy-sources.js";
export { unusedWeight, reaches, type UnusedWeight } from "./unused.js";
export { contextTotals, sizeTree, largest, renderTree, formatBytes, type ContextTotals, type SizeNode, type Ranked } from "./tree.js";
export { planIgnoreFix, FIX_COMMENT, type IgnoreFixPlan } from "./fix.js";
export { contextChangesSince, type ContextChange } from "./git-changes.js";
export { inspectContext, hashFile, DEFAULT_LARGE_FILE_BYTES, type ContextReport, type InspectOptions, type LargeFile } from "./inspect.js";
export { flaggedItems, renderContextText, contextJson, type FlaggedItem, type ContextJsonFile, type TextOptions } from "./render.js";
