/** GD113: cgo is on, but the build stage has no C compiler or lacks a C header. */
import type { RuleHit } from "../types.js";
import { defineDiagnosis, stepName } from "./define.js";

export const GD113 = defineDiagnosis({
  id: "GD113",
  severity: "error",
  title: "cgo without a C compiler or headers",
  class: "toolchain",
  triggers: ["C compiler", "runtime/cgo", "gcc: not found", "cc: not found", "executable file not found", ".h: No such file or directory", "gcc: error", "gcc\": executable"],
  match(l): RuleHit | undefined {
    const s = l.message;
    const cc = /C compiler "([^"]+)" not found/.exec(s)?.[1] ?? /exec: "([^"]*(?:gcc|cc|clang)[^"]*)": executable file not found/.exec(s)?.[1];
    if (cc !== undefined) return { detail: { kind: "compiler", cc } };
    if (/\b(?:gcc|cc|clang): not found/.test(s)) return { detail: { kind: "compiler", cc: /\b(gcc|cc|clang): not found/.exec(s)?.[1] ?? "gcc" } };
    const header = /([\w./+-]+\.h): No such file or directory/.exec(s)?.[1];
    if (header !== undefined && /fatal error|#include|\.c:|\.go:/.test(s)) return { detail: { kind: "header", header } };
    return undefined;
  },
  cause: (d, step) =>
    d.kind === "compiler"
      ? `${stepName(step)} compiles cgo code (CGO_ENABLED=1), but the C compiler "${d.cc}" is not in the build image.`
      : `${stepName(step)} compiles cgo code that includes ${d.header}, which the build image lacks (a -dev package is missing).`,
  fix: (d) =>
    d.kind === "compiler"
      ? `If the program does not need cgo, build a static binary: \`ENV CGO_ENABLED=0\`. Otherwise install a compiler in the build stage: \`RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev\` (Debian) or \`RUN apk add --no-cache build-base\` (Alpine), and run the binary on a base with the same libc.`
      : `Install the development package that provides ${d.header} in the build stage (Debian \`apt-get install -y lib<name>-dev\`, Alpine \`apk add <name>-dev\`), or build with CGO_ENABLED=0 if a pure-Go implementation exists.`,
});
