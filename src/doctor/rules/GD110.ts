/** GD110: go.sum lacks the line for a module the build needs. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD110 = defineDiagnosis({
  id: "GD110",
  severity: "error",
  title: "missing go.sum entry",
  class: "module",
  triggers: ["missing go.sum entry"],
  match(l) {
    const mod = /missing go\.sum entry for (?:module providing package|go\.mod file;?)?\s*<?([^\s>;]+)>?/.exec(l.message)?.[1] ?? "a module";
    return { detail: { module: mod.replace(/[():]$/, "") } };
  },
  cause: (d, step) => `${stepName(step)} needs a go.sum line for ${d.module}, and go.sum has none (go.sum out of date, not copied into the build, or excluded by .dockerignore).`,
  fix: () =>
    `Run \`go mod tidy\` locally and commit go.sum; copy it with go.mod before building (\`COPY go.mod go.sum ./\`), and make sure .dockerignore does not exclude it.`,
});
