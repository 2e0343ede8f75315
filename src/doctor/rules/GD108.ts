/** GD108: a private module went to the public proxy or checksum database, or the VCS fetch lacked credentials. */
import { defineDiagnosis, looksPrivate, moduleOf, stepName } from "./define.js";

export const GD108 = defineDiagnosis({
  id: "GD108",
  severity: "error",
  title: "private module: public proxy/sumdb or missing credentials",
  class: "auth",
  triggers: ["verifying ", "/lookup/", "terminal prompts disabled", "could not read Username", "could not read Password", "Authentication failed", "Permission denied (publickey)", "HTTP Basic: Access denied", "401 Unauthorized", "403 Forbidden", "Host key verification failed", "repository not found", "Repository not found"],
  match(l) {
    const s = l.message;
    const mod = moduleOf(s);
    if (/verifying /.test(s) && (/\/lookup\//.test(s) || /verifying (?:module|go\.mod)/.test(s))) {
      // The go command asks the checksum database (GOSUMDB) about modules not in go.sum.
      if (mod !== undefined && (looksPrivate(mod) || /404 Not Found|410 Gone|not found/.test(s))) return { detail: { kind: "sumdb", module: mod } };
      return undefined;
    }
    if (/terminal prompts disabled|could not read (?:Username|Password)|Authentication failed|Access denied|Permission denied \(publickey\)|Host key verification failed|[Rr]epository not found/.test(s))
      return { detail: { kind: "auth", module: mod ?? urlHostish(s) } };
    if (/40[13] /.test(s) && /go: |@v\/|reading http/.test(s)) return { detail: { kind: "auth", module: mod ?? urlHostish(s) } };
    return undefined;
  },
  cause: (d, step) =>
    d.kind === "sumdb"
      ? `${stepName(step)} asked the public checksum database about the private module ${d.module}; it cannot know it (GOPRIVATE/GONOSUMDB do not cover it).`
      : `${stepName(step)} could not authenticate to fetch ${d.module}: the build has no credentials for the private repository or proxy.`,
  fix: (d) =>
    d.kind === "sumdb"
      ? `Declare the private module prefix: \`ENV GOPRIVATE=${(d.module ?? "").split("/")[0] ?? "<your-host>"}\` (it implies GONOSUMDB and GONOPROXY for that prefix), or \`GONOSUMDB=${(d.module ?? "").split("/")[0]}\` if a private proxy serves it; keep the public checksum database on for everything else.`
      : `Give the build credentials without baking them into a layer: \`RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download\` (build with \`--secret id=netrc,src=$HOME/.netrc\`), or an SSH mount (\`--mount=type=ssh\` + \`git config --global url."ssh://git@<host>/".insteadOf "https://<host>/"\`), and set \`ENV GOPRIVATE=<your-host>\`.`,
});

function urlHostish(s: string): string {
  return /'(https?:\/\/[^']+)'/.exec(s)?.[1] ?? /(?:https?:\/\/|git@)([^\s/:'"]+)/.exec(s)?.[1] ?? "a private module";
}
