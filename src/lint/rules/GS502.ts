/**
 * GS502: the Dockerfile COPYs or ADDs a context file by name that the
 * .dockerignore excludes (BuildKit CopyIgnoredFile, which BuildKit only
 * checks when the ignore file has no `!` exceptions; goship evaluates the
 * exceptions): the build fails with "not found" although the file is right
 * there. Reports the .dockerignore line that decides. Sources with variables
 * or globs, files missing from the context, and the Dockerfile and
 * .dockerignore themselves (always sent) are not checked; a directory counts
 * as excluded only when none of its files gets through.
 */
import { defineRule } from "../rule.js";
import { contextSources } from "../facts/context-copies.js";

const ALWAYS_SENT = new Set(["Dockerfile", ".dockerignore"]);

export default defineRule(
  {
    id: "GS502",
    title: ".dockerignore excludes a file the Dockerfile copies",
    severity: "error",
    category: "context",
    hadolint: [],
    buildkit: ["CopyIgnoredFile"],
    fixable: false,
  },
  ({ model, report }) => {
    const p = model.project;
    const ignore = p.ignore;
    if (p.contextDir === null || ignore === null) return;
    const sent = (path: string): boolean => {
      const files = p.contextFiles();
      return files === null || files.some((e) => e.path === path || e.path.startsWith(path + "/"));
    };
    for (const s of contextSources(model)) {
      if (s.wholeContext || s.dynamic || ALWAYS_SENT.has(s.path) || s.path.endsWith(".dockerignore")) continue;
      if (!p.exists(s.path) || !ignore.excludes(s.path) || sent(s.path)) continue;
      const line = ignore.decidingLine(s.path);
      const where = line !== null ? `line ${line} of ${ignore.file}` : ignore.file;
      report({
        message: `${s.instruction.keyword.toUpperCase()} ${s.raw}: ${where} excludes "${s.path}" from the build context, so the build fails with "not found"; remove that pattern or add \`!${s.path}\` after it`,
        range: s.range ?? s.instruction.node.keywordRange,
      });
    }
  },
);
