/**
 * GS504: the build context (files the .dockerignore lets through) is larger
 * than the limit (`lint.contextSizeLimit`, default 100 MB): every build
 * uploads it before the first step runs. Names the largest top-level
 * entries so the message says what to exclude. Needs the project.
 */
import { defineRule } from "../rule.js";
import { CONTEXT_WALK_LIMIT } from "../model/project.js";
import { contextSize, formatBytes } from "../facts/context-size.js";

export default defineRule(
  {
    id: "GS504",
    title: "build context too large",
    severity: "warning",
    category: "context",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report, config }) => {
    const p = model.project;
    if (p.contextDir === null) return;
    const entries = p.contextFiles();
    if (!entries) return;
    const limit = config.contextSizeLimit;
    const size = contextSize(entries);
    if (size.total <= limit) return;
    const more = entries.length >= CONTEXT_WALK_LIMIT ? "more than " : "";
    const top = size.largest
      .slice(0, 3)
      .map((t) => `${t.path}${t.dir ? "/" : ""} ${formatBytes(t.bytes)}`)
      .join(", ");
    report({
      message: `the build context is ${more}${formatBytes(size.total)} (limit ${formatBytes(limit)}), uploaded on every build; largest: ${top}; exclude what the build does not need in ${p.ignore?.file ?? ".dockerignore"}`,
    });
  },
);
