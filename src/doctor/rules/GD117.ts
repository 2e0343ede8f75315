/** GD117: the build ran out of memory (killed, exit 137) or out of disk space. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD117 = defineDiagnosis({
  id: "GD117",
  severity: "error",
  title: "out of memory or disk",
  class: "resource",
  triggers: ["signal: killed", "exit code: 137", "non-zero code: 137", "exit status 137", "out of memory", "Out of memory", "cannot allocate memory", "no space left on device", "No space left on device", "Killed"],
  match(l) {
    const s = l.message;
    if (/no space left on device/i.test(s)) return { detail: { kind: "disk" } };
    if (/Killed/.test(s) && !/^(?:\S+: )?Killed\b|signal: killed|Killed process|\bKilled\s*$/.test(s)) return undefined;
    return { detail: { kind: "memory" } };
  },
  cause: (d, step) =>
    d.kind === "disk"
      ? `${stepName(step)} ran out of disk space on the builder.`
      : `${stepName(step)} was killed, most likely by the out-of-memory killer (signal: killed / exit code 137): compiling large Go packages needs more memory than the builder allows.`,
  fix: (d) =>
    d.kind === "disk"
      ? `Free space on the builder (\`docker builder prune\`, \`docker system prune\`), keep the module and build caches in cache mounts instead of layers, and use a .dockerignore so the context stays small.`
      : `Give the builder more memory, or compile with less parallelism: \`go build -p 2\` (or \`ENV GOFLAGS=-p=2\`) and \`GOMAXPROCS=2\`; avoid building with -race or large generated files in memory-limited CI runners.`,
});
