/** GD301: modules were downloaded by the compile step: the module download is not a cached layer of its own. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD301 = defineDiagnosis({
  id: "GD301",
  severity: "warning",
  title: "modules downloaded during go build",
  class: "efficiency",
  triggers: [],
  finish(ctx) {
    const out = [];
    for (const s of ctx.steps) {
      const dl = ctx.downloads.get(s.key);
      if (dl === undefined || dl.count === 0) continue;
      if (!/\bgo (?:build|install|test|vet|generate|run)\b/.test(s.instruction) || /\bgo mod download\b/.test(s.instruction)) continue;
      out.push({ step: s, evidence: dl.evidence.slice(0, 3), detail: { count: String(dl.count) } });
    }
    return out;
  },
  cause: (d, step) => `${stepName(step)} downloaded ${d.count} module${d.count === "1" ? "" : "s"} while compiling: every source change downloads them again, and a proxy failure fails the compile step.`,
  fix: () =>
    `Download modules in their own layer before copying the sources: \`COPY go.mod go.sum ./\` then \`RUN --mount=type=cache,target=/go/pkg/mod go mod download\`, then \`COPY . .\` and build with the same cache mount.`,
});
