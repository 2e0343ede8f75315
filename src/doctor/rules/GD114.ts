/** GD114: the Go compiler rejected the project's own code; reports the first error as file:line. */
import { defineDiagnosis, stepName } from "./define.js";

const COMPILE = /^(?:\.\/)?((?:[\w.@+-]+\/)*[\w.@+-]+\.go):(\d+):(\d+): (.+)$/;

export const GD114 = defineDiagnosis({
  id: "GD114",
  severity: "error",
  title: "compile error",
  class: "compile",
  // `file.go:<line>`: one trigger per leading digit (the pre-filter wants >= 5 bytes).
  triggers: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `.go:${d}`),
  match(l) {
    const m = COMPILE.exec(l.message.trim());
    if (!m) return undefined;
    const file = m[1] as string;
    // vet/test chatter and panics are not compile errors.
    if (/^(?:\+0x|goroutine )/.test(m[4] as string)) return undefined;
    // An import that failed to download names a module@version: not the code's fault.
    if (/@v\d|go\.sum|module lookup|no required module/.test(m[4] as string)) return undefined;
    const where = file.startsWith("/usr/local/go/") || /\/pkg\/mod\//.test(file) ? "dependency" : "project";
    return { detail: { file, line: m[2] as string, column: m[3] as string, message: m[4] as string, where } };
  },
  cause: (d, step) =>
    d.where === "project"
      ? `${stepName(step)} failed to compile the project: ${d.file}:${d.line}:${d.column}: ${d.message}`
      : `${stepName(step)} failed to compile a dependency: ${d.file}:${d.line}: ${d.message} (often a Go version or build-tag mismatch).`,
  fix: (d) =>
    d.where === "project"
      ? `Fix ${d.file}:${d.line} (run \`go build ./...\` and \`go vet ./...\` locally with the same GOOS/GOARCH/CGO_ENABLED and build tags as the Dockerfile); if it builds locally, the context differs: check .dockerignore and which files the COPY lines bring in.`
      : `Use the Go version the dependency supports (\`FROM golang:<go.mod version>\`) and the same build tags/CGO_ENABLED as locally, or update the dependency.`,
});
