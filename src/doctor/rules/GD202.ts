/** GD202: the build reported success although it printed an error-level GD1xx failure. */
import { defineDiagnosis } from "./define.js";

export const GD202 = defineDiagnosis({
  id: "GD202",
  severity: "error",
  title: "build succeeded despite errors",
  class: "silent",
  triggers: [],
  finish(ctx) {
    if (ctx.outcome.status !== "succeeded") return [];
    const errors = ctx.findings.filter((f) => f.severity === "error" && f.id.startsWith("GD1"));
    if (errors.length === 0) return [];
    const first = errors.reduce((a, b) => ((a.evidence[0]?.line ?? 0) <= (b.evidence[0]?.line ?? 0) ? a : b));
    const evidence = [...first.evidence.slice(0, 1), ...(ctx.outcome.evidence ? [ctx.outcome.evidence] : [])];
    return [{ step: undefined, evidence, detail: { first: first.id, code: String(ctx.outcome.exitCode ?? 0) } }];
  },
  cause: (d) => `The build finished with exit code ${d.code}, although it printed a failure (${d.first}): the image may lack modules, files or a working binary, and the problem will surface later.`,
  fix: () =>
    `Fix the root cause above, then make such failures fail the build: no \`|| true\` / \`|| echo\` after downloads or builds, \`set -o pipefail\` for pipes, and run CI builds as \`goship run -- <build command>\`, which exits non-zero when a masked failure is found.`,
});
