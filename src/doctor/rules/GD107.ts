/** GD107: a module or version does not exist where it was looked up (404/410, unknown revision). */
import { defineDiagnosis, isFetchLine, moduleOf, stepName } from "./define.js";

export const GD107 = defineDiagnosis({
  id: "GD107",
  severity: "error",
  title: "module or version not found",
  class: "module",
  triggers: ["404 Not Found", "410 Gone", "unknown revision", "invalid version", "no matching versions", "cannot find module providing package", "no required module provides package", "does not contain package", "malformed module path", ": not found"],
  match(l) {
    const s = l.message;
    if (!isFetchLine(l) && !/module|package/.test(s)) return undefined;
    if (/: not found/.test(s) && !/@v|go: |module/.test(s)) return undefined;
    if (/verifying .*\/lookup\//.test(s)) return undefined; // checksum database lookups: GD108
    const mod = moduleOf(s) ?? /package (\S+)/.exec(s)?.[1]?.replace(/[;:]$/, "") ?? "a module";
    const kind = /no required module provides|cannot find module providing/.test(s) ? "unrequired" : /unknown revision|invalid version|no matching versions/.test(s) ? "version" : "missing";
    return { detail: { module: mod, kind } };
  },
  cause: (d, step) =>
    d.kind === "unrequired"
      ? `${stepName(step)} imports ${d.module}, which no module in go.mod provides (or whose download failed earlier).`
      : d.kind === "version"
        ? `${stepName(step)} asked for ${d.module}, a version or revision that does not exist (deleted tag, typo, or a private repository the fetch cannot see).`
        : `The module proxy has no ${d.module} (404/410): the version does not exist there, or the module is private and the public proxy cannot see it.`,
  fix: (d) =>
    d.kind === "unrequired"
      ? `Run \`go get ${(d.module ?? "").replace(/@.*/, "")}\` and \`go mod tidy\` locally and commit go.mod/go.sum; if an earlier download failed, fix that first.`
      : `Check that ${d.module} exists (\`go list -m -versions ${(d.module ?? "").replace(/@.*/, "")}\` with the same GOPROXY); for a private module set \`ENV GOPRIVATE=<your-host>\` so it is fetched directly with credentials, and pin a version that exists in go.mod.`,
});
