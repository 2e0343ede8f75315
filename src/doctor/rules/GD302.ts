/** GD302: the build had a cache but re-ran the module download step without a cache mount. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD302 = defineDiagnosis({
  id: "GD302",
  severity: "info",
  title: "module download not reused from cache",
  class: "efficiency",
  triggers: [],
  finish(ctx) {
    if (!ctx.sawCache) return [];
    const out = [];
    for (const s of ctx.steps) {
      const dl = ctx.downloads.get(s.key);
      if (dl === undefined || dl.count === 0 || s.status === "cached") continue;
      if (/--mount=type=cache/.test(s.instruction) || !/\bgo mod download\b/.test(s.instruction)) continue;
      out.push({ step: s, evidence: dl.evidence.slice(0, 2), detail: { count: String(dl.count) } });
    }
    return out;
  },
  cause: (d, step) => `Earlier steps came from the cache, but ${stepName(step)} ran again and downloaded ${d.count} module${d.count === "1" ? "" : "s"}: something before it (often \`COPY . .\` or a changed ARG) invalidated the module layer.`,
  fix: () =>
    `Copy only go.mod and go.sum before the download (\`COPY go.mod go.sum ./\`), declare ARGs that change often after it, and add a cache mount so even a re-run is fast: \`RUN --mount=type=cache,target=/go/pkg/mod go mod download\`.`,
});
